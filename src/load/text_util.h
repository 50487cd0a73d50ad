#pragma once
// Small string helpers the loaders share: Unicode NFC (ICU), "did you mean"
// suggestions by edit distance, and quoting values for messages.
#include <string>
#include <string_view>
#include <vector>

namespace jan20::load {

// NFC-normalizes UTF-8 text with ICU's unorm2_getNFCInstance. Content must be
// NFC so that "ə" typed as e + combining marks and as one code point shape,
// hyphenate and copy out the same. Invalid input is returned unchanged.
std::string to_nfc(std::string_view utf8);

// Levenshtein distance in code points (insert, delete, substitute = 1).
size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, if it is close enough to be a plausible
// typo (distance <= 1 for short words, <= 2 otherwise, or a case-only
// difference); empty otherwise.
std::string nearest(std::string_view word, const std::vector<std::string>& candidates);

// "a, b, c" (each name quoted with `quote` on both sides); after `max`
// names the rest is shown as "…" so that hints stay one line.
std::string join_names(const std::vector<std::string>& names, std::string_view quote = "'", size_t max = 10);

// A value shown in a message: at most 40 characters, with an ellipsis.
std::string shorten(std::string_view text, size_t max_chars = 40);

}  // namespace jan20::load

namespace jan20::load {

// A BCP-47 tag as content uses them: "az", "en", "az-Cyrl", "az-Arab",
// "en-US" (a 2–3 letter language, then subtags of 1–8 letters or digits).
bool valid_language_tag(std::string_view tag);

// Checks a pattern's {placeholders} against `allowed` ("page", "title");
// returns an empty string or what is wrong ("unknown placeholder '{pgae}'").
std::string check_placeholders(std::string_view pattern, const std::vector<std::string>& allowed,
                               std::string* suggestion = nullptr);

}  // namespace jan20::load

namespace jan20::load {

// A hyphenation exception: a word with '-' at its only break points
// ("xal-qı-mı-zın"; no '-' means "never break"). Returns what is wrong, or
// an empty string.
std::string check_hyphenation_word(std::string_view word);

}  // namespace jan20::load
