#include "text/hyphen/pattern_dictionary.h"

#include <unicode/ucnv.h>

#include "core/c_handle.h"
#include "core/regular_file.h"
#include "core/utf.h"

namespace jan20::text::hyphen {

namespace {

// Converts between UTF-8 and a legacy encoding through ICU; fails (instead of
// substituting '?') on a character the target lacks.
bool convert(const std::string& from_name, const std::string& to_name, std::string_view in, std::string* out) {
  UErrorCode status = U_ZERO_ERROR;
  const CHandle<UConverter, ucnv_close> to(ucnv_open(to_name.c_str(), &status));
  const CHandle<UConverter, ucnv_close> from(ucnv_open(from_name.c_str(), &status));
  if (U_FAILURE(status)) return false;
  ucnv_setFromUCallBack(to.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  ucnv_setToUCallBack(from.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  out->assign(in.size() * 4 + 8, '\0');
  char* target = out->data();
  const char* input = in.data();
  ucnv_convertEx(to.get(), from.get(), &target, out->data() + out->size(), &input, input + in.size(), nullptr,
                 nullptr, nullptr, nullptr, true, true, &status);
  if (U_FAILURE(status)) return false;
  out->resize(static_cast<size_t>(target - out->data()));
  return true;
}

}  // namespace

std::unique_ptr<PatternDictionary> PatternDictionary::load(const std::string& path, std::string* error) {
  std::string content;
  FileProblem problem;
  if (!read_regular_file(path, kMaxHyphenationFileBytes, &content, &problem)) {
    if (error) *error = "cannot read hyphenation patterns '" + path + "': it " + problem.phrase;
    return nullptr;
  }
  const size_t first_end = content.find('\n');
  std::string encoding = content.substr(0, first_end);
  while (!encoding.empty() && (encoding.back() == '\r' || encoding.back() == ' ')) encoding.pop_back();
  const bool utf8 = encoding == "UTF-8";
  std::string utf8_text;
  if (!utf8 && !convert(encoding, "UTF-8", content, &utf8_text)) {
    if (error) *error = "'" + path + "' is not a libhyphen pattern file (its encoding '" + encoding + "' is unknown)";
    return nullptr;
  }
  std::string why;
  std::optional<LiangPatterns> patterns = LiangPatterns::parse(utf8 ? content : utf8_text, &why);
  if (!patterns) {
    if (error) *error = "'" + path + "' is not a libhyphen pattern file: " + why;
    return nullptr;
  }
  std::unique_ptr<PatternDictionary> result(new PatternDictionary(std::move(*patterns)));
  result->encoding_ = std::move(encoding);
  result->utf8_ = utf8;
  return result;
}

bool PatternDictionary::encodable(std::u32string_view letters) const {
  if (utf8_) return true;
  std::string legacy;
  const std::string utf8 = u32_to_utf8(letters);
  return convert("UTF-8", encoding_, utf8, &legacy) && legacy.size() == letters.size();
}

std::vector<size_t> PatternDictionary::boundaries(std::u32string_view letters) const {
  if (letters.empty() || !encodable(letters)) return {};
  const int left = patterns_.left_min() > 0 ? patterns_.left_min() : 2;
  const int right = patterns_.right_min() > 0 ? patterns_.right_min() : 2;
  return patterns_.boundaries(letters, left, right);
}

}  // namespace jan20::text::hyphen
