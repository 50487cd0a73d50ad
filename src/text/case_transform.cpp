// Locale-aware case mapping through ICU's UTF-8 case mapper. The locale comes
// from the BCP-47 tag, so "az" and "tr" get the Turkic rules (i -> İ, ı -> I,
// İ -> i, I -> ı) and every other language the default ones (i -> I).
#include "text/case_transform.h"
#include "core/c_handle.h"

#include <memory>

#include <unicode/ucasemap.h>
#include <unicode/uloc.h>

namespace jan20::text {
namespace {

using CaseMapFn = int32_t (*)(const UCaseMap*, char*, int32_t, const char*, int32_t, UErrorCode*);

std::string map_case(std::string_view utf8, std::string_view lang, CaseMapFn fn) {
  char locale[ULOC_FULLNAME_CAPACITY] = {0};
  UErrorCode status = U_ZERO_ERROR;
  int32_t parsed = 0;
  std::string tag(lang);
  uloc_forLanguageTag(tag.c_str(), locale, sizeof locale, &parsed, &status);
  if (U_FAILURE(status)) locale[0] = '\0';  // root locale: default rules
  status = U_ZERO_ERROR;
  CHandle<UCaseMap, ucasemap_close> map(ucasemap_open(locale, 0, &status));
  if (U_FAILURE(status)) return std::string(utf8);
  std::string out(utf8.size() + 16, '\0');
  for (int attempt = 0; attempt < 2; ++attempt) {
    status = U_ZERO_ERROR;
    int32_t n = fn(map.get(), out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                   static_cast<int32_t>(utf8.size()), &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {  // "ß" -> "SS" and the like grow the text
      out.assign(static_cast<size_t>(n), '\0');
      continue;
    }
    if (U_FAILURE(status)) return std::string(utf8);
    out.resize(static_cast<size_t>(n));
    return out;
  }
  return std::string(utf8);
}

}  // namespace

std::string to_upper(std::string_view utf8, std::string_view lang) {
  return map_case(utf8, lang, ucasemap_utf8ToUpper);
}

std::string to_lower(std::string_view utf8, std::string_view lang) {
  return map_case(utf8, lang, ucasemap_utf8ToLower);
}

}  // namespace jan20::text
