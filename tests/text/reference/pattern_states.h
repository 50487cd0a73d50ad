#pragma once
// Completes a libhyphen pattern file so that libhyphen computes exactly
// Liang's values.
//
// Liang's algorithm (Liang 1983, as in TeX: The Program §919–§965) takes, at
// every position of a word, the largest value of every pattern that matches
// there. libhyphen runs the patterns as a finite automaton and applies only
// the values stored on the state it is in, so a pattern that ends inside a
// longer one ("1ба" inside "2оба") is lost unless the file has been prepared
// with Hunspell's substrings.pl. Debian's hyph_en_US.dic is prepared;
// hyph_ru_RU.dic is not (собака came out "соба-ка" instead of "со-ба-ка").
//
// complete_patterns() does that preparation in memory: every automaton state
// (every prefix of a pattern) gets the maximum, position by position, of all
// patterns that are suffixes of it. On a prepared file it changes nothing.
// It works on bytes, so it is the same for UTF-8 and 8-bit encodings (digits
// never occur inside a UTF-8 sequence). Lines with keywords (LEFTHYPHENMIN …)
// and non-standard patterns (with '/') are kept as they are; a file with a
// NEXTLEVEL (compound levels) is returned unchanged.
#include <string>

namespace jan20::text::hyphen::reference {

std::string complete_patterns(const std::string& dic_file);

}  // namespace jan20::text::hyphen::reference
