// Unicode normalization (NFC) through ICU. Content is normalized once when it
// is loaded, so that a letter typed as s + U+0327 COMBINING CEDILLA shapes,
// hyphenates, searches and copies out exactly like the precomposed ş.
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "text/shape.h"

namespace jan20::text {

std::string to_nfc(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(utf8);
  icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  // Most text is already NFC: check quickly and return it unchanged.
  if (nfc->isNormalized(text, status) && U_SUCCESS(status)) return std::string(utf8);
  status = U_ZERO_ERROR;
  icu::UnicodeString normalized = nfc->normalize(text, status);
  if (U_FAILURE(status)) return std::string(utf8);
  std::string out;
  normalized.toUTF8String(out);
  return out;
}

}  // namespace jan20::text
