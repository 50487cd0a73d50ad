#pragma once
// Azerbaijani syllable division (Latin and Cyrillic alphabets). No pattern
// file exists for Azerbaijani, so the rules of its orthography are coded
// directly; Turkish follows the same rules.
//
//   1. Every syllable has exactly one vowel.
//      Latin vowels:    a ı o u e ə i ö ü
//      Cyrillic vowels: а ы о у е ә и ө ү (and э ю я ё in loanwords)
//   2. One consonant between two vowels starts the next syllable: xa-ti-rə.
//   3. In a cluster of consonants only the last one starts the next
//      syllable: müs-tə-qil-lik, iş-ğal-çı.
//   4. Two adjacent vowels belong to different syllables: ma-i, şa-ir-lər.
//   5. The Cyrillic signs ь and ъ never start a syllable: they stay with the
//      consonant before them (объ-ект).
//
// The minimum letters on each side of a break (HyphenationRules) are applied
// by the caller, not here.
#include <cstddef>
#include <string_view>
#include <vector>

namespace jan20::text::hyphen {

// True for an Azerbaijani (or Turkish) vowel of either alphabet, either case.
bool is_az_vowel(char32_t cp);

// Syllable boundaries of a word given as letters only (no apostrophes, no
// marks, no digits): index i means a syllable starts at letters[i]. Sorted,
// never 0. A word with fewer than two vowels has none.
std::vector<size_t> az_syllable_boundaries(std::u32string_view letters);

}  // namespace jan20::text::hyphen
