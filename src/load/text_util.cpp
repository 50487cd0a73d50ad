#include "load/text_util.h"

#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <cctype>

#include "core/utf.h"

namespace jan20::load {

std::string to_nfc(std::string_view utf8) {
  // Fast path: pure ASCII is always NFC.
  if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
    return std::string(utf8);
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2* nfc = unorm2_getNFCInstance(&status);
  if (U_FAILURE(status)) return std::string(utf8);
  // Nearly every text is NFC already: ask on the UTF-8 itself, without the
  // two conversions below. (A "no", or an error, goes the long way, which
  // decides as before.)
  const icu::Normalizer2* nfc_utf8 = icu::Normalizer2::getNFCInstance(status);
  if (U_SUCCESS(status) &&
      nfc_utf8->isNormalizedUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), status) &&
      U_SUCCESS(status))
    return std::string(utf8);
  status = U_ZERO_ERROR;
  // UTF-8 -> UTF-16 -> normalize -> UTF-8. ICU's C API for normalization
  // works on UChar only.
  int32_t len16 = 0;
  u_strFromUTF8(nullptr, 0, &len16, utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return std::string(utf8);
  status = U_ZERO_ERROR;
  std::u16string src(static_cast<size_t>(len16), u'\0');
  u_strFromUTF8(reinterpret_cast<UChar*>(src.data()), len16, nullptr, utf8.data(),
                static_cast<int32_t>(utf8.size()), &status);
  if (U_FAILURE(status)) return std::string(utf8);
  if (unorm2_isNormalized(nfc, reinterpret_cast<const UChar*>(src.data()), len16, &status) &&
      U_SUCCESS(status))
    return std::string(utf8);
  status = U_ZERO_ERROR;
  int32_t cap = len16 * 3 + 16;
  std::u16string dst(static_cast<size_t>(cap), u'\0');
  int32_t n = unorm2_normalize(nfc, reinterpret_cast<const UChar*>(src.data()), len16,
                               reinterpret_cast<UChar*>(dst.data()), cap, &status);
  if (U_FAILURE(status)) return std::string(utf8);
  int32_t len8 = 0;
  u_strToUTF8(nullptr, 0, &len8, reinterpret_cast<const UChar*>(dst.data()), n, &status);
  status = U_ZERO_ERROR;
  std::string out(static_cast<size_t>(len8), '\0');
  u_strToUTF8(out.data(), len8, nullptr, reinterpret_cast<const UChar*>(dst.data()), n, &status);
  if (U_FAILURE(status)) return std::string(utf8);
  return out;
}

size_t edit_distance(std::string_view a8, std::string_view b8) {
  std::u32string a = utf8_to_u32(a8), b = utf8_to_u32(b8);
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

namespace {
std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}
}  // namespace

std::string nearest(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_distance = static_cast<size_t>(-1);
  std::string lower = ascii_lower(word);
  for (const auto& c : candidates) {
    if (c == word) continue;
    size_t d = ascii_lower(c) == lower ? 0 : edit_distance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  size_t len = utf8_length(word);
  size_t limit = len <= 4 ? 1 : 2;
  if (best_distance <= limit) return best;
  return {};
}

std::string join_names(const std::vector<std::string>& names, std::string_view quote, size_t max) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) out += ", ";
    if (i == max) {
      out += "\xE2\x80\xA6";  // …
      break;
    }
    out += quote;
    out += names[i];
    out += quote;
  }
  return out;
}

std::string shorten(std::string_view text, size_t max_chars) {
  if (utf8_length(text) <= max_chars) return std::string(text);
  std::string out;
  size_t pos = 0;
  for (size_t n = 0; n < max_chars - 1 && pos < text.size(); ++n) utf8_append(out, utf8_next(text, pos));
  return out + "\xE2\x80\xA6";  // …
}

}  // namespace jan20::load

namespace jan20::load {

bool valid_language_tag(std::string_view tag) {
  auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  auto alnum = [&](char c) { return alpha(c) || (c >= '0' && c <= '9'); };
  size_t pos = 0, n = 0;
  while (pos < tag.size() && alpha(tag[pos])) ++pos, ++n;
  if (n < 2 || n > 3) return false;
  while (pos < tag.size()) {
    if (tag[pos] != '-') return false;
    ++pos;
    size_t len = 0;
    while (pos < tag.size() && alnum(tag[pos])) ++pos, ++len;
    if (len < 1 || len > 8) return false;
  }
  return true;
}

std::string check_placeholders(std::string_view pattern, const std::vector<std::string>& allowed,
                               std::string* suggestion) {
  size_t pos = 0;
  while (pos < pattern.size()) {
    size_t open = pattern.find_first_of("{}", pos);
    if (open == std::string_view::npos) break;
    if (pattern[open] == '}') return "a '}' without its '{'";
    size_t close = pattern.find('}', open);
    if (close == std::string_view::npos) return "a '{' without its '}'";
    std::string name(pattern.substr(open + 1, close - open - 1));
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      if (suggestion) {
        std::string n = nearest(name, allowed);
        *suggestion = n.empty() ? std::string{} : "{" + n + "}";
      }
      return "unknown placeholder '{" + name + "}'";
    }
    pos = close + 1;
  }
  return {};
}

}  // namespace jan20::load

#include <unicode/uchar.h>

namespace jan20::load {

std::string check_hyphenation_word(std::string_view word) {
  if (word.empty()) return "it is empty";
  if (word.front() == '-' || word.back() == '-') return "it starts or ends with '-'";
  if (word.find("--") != std::string_view::npos) return "it has two '-' in a row";
  for (size_t pos = 0; pos < word.size();) {
    char32_t cp = utf8_next(word, pos);
    if (cp == '-' || cp == '\'' || cp == 0x2019) continue;
    if (!u_isalpha(static_cast<UChar32>(cp)) && !(u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_GENERAL_CATEGORY_MASK) & U_GC_M_MASK))
      return "'" + u32_to_utf8(std::u32string(1, cp)) + "' is not a letter";
  }
  return {};
}

}  // namespace jan20::load
