#include "libhyphen_dictionary.h"

#include <hyphen.h>
#include <unicode/ucnv.h>

#include <cstdio>
#include <cstdlib>

#include "core/regular_file.h"
#include "core/utf.h"
#include "pattern_states.h"

namespace jan20::text::hyphen::reference {

namespace {

// Converts UTF-8 to a legacy single-byte encoding through ICU; fails (instead
// of substituting '?') on a character the encoding lacks, so that a word is
// never hyphenated by the patterns of some other word.
bool convert_from_utf8(const std::string& utf8, const std::string& encoding, std::string* out) {
  UErrorCode status = U_ZERO_ERROR;
  const CHandle<UConverter, ucnv_close> converter(ucnv_open(encoding.c_str(), &status));
  if (U_FAILURE(status)) return false;
  ucnv_setFromUCallBack(converter.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  const CHandle<UConverter, ucnv_close> source(ucnv_open("UTF-8", &status));
  if (U_FAILURE(status)) return false;
  out->assign(utf8.size() * 4 + 8, '\0');
  char* target = out->data();
  const char* input = utf8.data();
  ucnv_convertEx(converter.get(), source.get(), &target, out->data() + out->size(), &input, input + utf8.size(),
                 nullptr, nullptr, nullptr, nullptr, true, true, &status);
  if (U_FAILURE(status)) return false;
  out->resize(static_cast<size_t>(target - out->data()));
  return true;
}

// std::fclose for CHandle (a standard library function's address may not be taken).
void close_file(std::FILE* file) { std::fclose(file); }

}  // namespace

std::unique_ptr<LibhyphenDictionary> LibhyphenDictionary::load(const std::string& path, std::string* error) {
  std::string content;
  FileProblem problem;
  if (!read_regular_file(path, kMaxHyphenationFileBytes, &content, &problem)) {
    if (error) *error = "cannot read hyphenation patterns '" + path + "': it " + problem.phrase;
    return nullptr;
  }
  // libhyphen needs the states completed (see pattern_states.h); it reads the
  // completed file from memory.
  std::string completed = complete_patterns(content);
  CHandle<HyphenDict, hnj_hyphen_free> dict;
  if (const CHandle<std::FILE, close_file> memory(fmemopen(completed.data(), completed.size(), "rb")); memory)
    dict.reset(hnj_hyphen_load_file(memory.get()));
  if (!dict) {
    if (error) *error = "'" + path + "' is not a libhyphen pattern file";
    return nullptr;
  }
  std::unique_ptr<LibhyphenDictionary> result(new LibhyphenDictionary());
  result->encoding_ = dict->cset;
  result->utf8_ = dict->utf8 != 0;
  result->left_min_ = dict->lhmin;
  result->right_min_ = dict->rhmin;
  result->dict_ = std::move(dict);
  return result;
}

std::string LibhyphenDictionary::encode(std::u32string_view letters, bool* ok) const {
  std::string utf8 = u32_to_utf8(letters);
  if (utf8_) {
    *ok = true;
    return utf8;
  }
  std::string out;
  *ok = convert_from_utf8(utf8, encoding_, &out) && out.size() == letters.size();
  return out;
}

std::vector<size_t> LibhyphenDictionary::boundaries(std::u32string_view letters) const {
  std::vector<size_t> out;
  if (letters.empty()) return out;
  bool ok = false;
  const std::string word = encode(letters, &ok);
  if (!ok) return out;
  // hyphens[k] odd = a break after character k. For UTF-8 dictionaries
  // libhyphen normalises the vector from bytes to characters itself
  // (hnj_hyphen_norm); legacy encodings have one byte per character.
  std::vector<char> hyphens(word.size() + 5, '\0');
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  hnj_hyphen_hyphenate2(dict_.get(), word.data(), static_cast<int>(word.size()), hyphens.data(), nullptr, &rep,
                        &pos, &cut);
  // Non-standard (replacing) hyphenation, as in German "Schiffahrt", is not
  // supported by our discretionaries: such points are dropped.
  for (size_t k = 0; k + 1 < letters.size(); ++k) {
    if ((hyphens[k] & 1) && !(rep && rep[k])) out.push_back(k + 1);
  }
  if (rep) {
    for (size_t k = 0; k < word.size(); ++k) std::free(rep[k]);
    std::free(rep);
  }
  std::free(pos);
  std::free(cut);
  return out;
}

}  // namespace jan20::text::hyphen::reference
