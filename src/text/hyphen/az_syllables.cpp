#include "text/hyphen/az_syllables.h"

namespace jan20::text::hyphen {

namespace {

// Lowercase of the letters this file cares about. Only vowels and the two
// Cyrillic signs need to be recognised, so a small table beats a full case
// mapping (and keeps İ and I as vowels whatever the locale).
char32_t fold(char32_t cp) {
  switch (cp) {
    case U'A': return U'a';
    case U'E': return U'e';
    case U'I': return U'ı';  // Azerbaijani capital dotless I
    case U'İ': return U'i';
    case U'O': return U'o';
    case U'U': return U'u';
    case U'Ə': return U'ə';
    case U'Ö': return U'ö';
    case U'Ü': return U'ü';
    default: break;
  }
  // Basic Cyrillic capitals А..Я are 0x410..0x42F, lowercase 0x430..0x44F;
  // Ё is 0x401 (ё 0x451).
  if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;
  if (cp == 0x401) return 0x451;
  // Cyrillic supplement letters come in capital/small pairs (even/odd).
  if ((cp == 0x4D8 || cp == 0x4E8 || cp == 0x4AE)) return cp + 1;  // Ә Ө Ү
  return cp;
}

bool is_sign(char32_t cp) {
  char32_t c = fold(cp);
  return c == U'ь' || c == U'ъ';
}

}  // namespace

bool is_az_vowel(char32_t cp) {
  switch (fold(cp)) {
    // Latin
    case U'a': case U'ı': case U'o': case U'u': case U'e':
    case U'ə': case U'i': case U'ö': case U'ü':
    // Cyrillic
    case U'а': case U'ы': case U'о': case U'у': case U'е':
    case U'ә': case U'и': case U'ө': case U'ү':
    case U'э': case U'ю': case U'я': case U'ё':
      return true;
    default:
      return false;
  }
}

std::vector<size_t> az_syllable_boundaries(std::u32string_view letters) {
  std::vector<size_t> out;
  size_t previous_vowel = letters.size();  // none yet
  for (size_t i = 0; i < letters.size(); ++i) {
    if (!is_az_vowel(letters[i])) continue;
    if (previous_vowel != letters.size()) {
      // Rules 2–4: the syllable of this vowel starts at the consonant just
      // before it, if there is one between the two vowels; else at the vowel.
      size_t start = (i - previous_vowel > 1) ? i - 1 : i;
      // Rule 5: a sign cannot start a syllable.
      if (start < i && is_sign(letters[start])) start = i;
      out.push_back(start);
    }
    previous_vowel = i;
  }
  return out;
}

}  // namespace jan20::text::hyphen
