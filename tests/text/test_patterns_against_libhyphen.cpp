// Our Liang patterns (src/text/hyphen/pattern_dictionary.h) against libhyphen
// itself, word by word, on Debian's English and Russian pattern files: the
// words of the booklet and the docs, every pattern's own letters, and tens of
// thousands of generated words. libhyphen needs its file completed first
// (reference/pattern_states.h; a no-op on the prepared English file).
#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/utf.h"
#include "reference/libhyphen_dictionary.h"
#include "support/test_support.h"
#include "text/hyphen/pattern_dictionary.h"

namespace jan20::text {
namespace {

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string to_utf8(const std::string& bytes, const char* encoding) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(bytes.size() * 4 + 8, '\0');
  int32_t n = ucnv_convert("UTF-8", encoding, out.data(), static_cast<int32_t>(out.size()), bytes.data(),
                           static_cast<int32_t>(bytes.size()), &status);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  out.resize(static_cast<size_t>(n));
  return out;
}

// The letters of every pattern line (digits and dots dropped) that are all in
// `alphabet`. (The English file also has patterns with ligatures and
// apostrophes; the hyphenator never passes those: an apostrophe splits a word,
// text/hyphenate.cpp.)
std::vector<std::u32string> pattern_letters(const std::string& utf8_file, std::u32string_view alphabet) {
  std::vector<std::u32string> out;
  std::istringstream lines(utf8_file);
  std::string line;
  std::getline(lines, line);  // encoding
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '%' || (line[0] >= 'A' && line[0] <= 'Z')) continue;
    std::u32string letters;
    for (char32_t c : utf8_to_u32(line))
      if (c != U'.' && !(c >= U'0' && c <= U'9') && c != U'\r') letters += c;
    bool ours = !letters.empty();
    for (char32_t c : letters) ours = ours && alphabet.find(c) != std::u32string_view::npos;
    if (ours) out.push_back(letters);
  }
  return out;
}

struct SplitMix {
  uint64_t state;
  uint64_t next() {
    uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  size_t below(size_t n) { return static_cast<size_t>(next() % n); }
};

// Real-looking words: two to four pattern letter strings joined; and random
// strings over the alphabet.
std::set<std::u32string> generated_words(const std::vector<std::u32string>& pieces, std::u32string_view alphabet,
                                         uint64_t seed) {
  std::set<std::u32string> out;
  SplitMix rng{seed};
  for (int i = 0; i < 20000; ++i) {
    std::u32string word;
    const size_t parts = 2 + rng.below(3);
    for (size_t k = 0; k < parts; ++k) word += pieces[rng.below(pieces.size())];
    out.insert(word);
  }
  for (int i = 0; i < 20000; ++i) {
    std::u32string word;
    const size_t length = 2 + rng.below(13);
    for (size_t k = 0; k < length; ++k) word += alphabet[rng.below(alphabet.size())];
    out.insert(word);
  }
  for (const auto& piece : pieces) out.insert(piece);
  return out;
}

// Lowercase a–z words of the English texts in the repository.
std::set<std::u32string> english_words_of_the_repository() {
  std::set<std::u32string> out;
  const std::string root = jan20::testing::source_dir();
  std::vector<std::string> files = {root + "/content/booklet/en.toml", root + "/README.md"};
  for (const auto& entry : std::filesystem::directory_iterator(root + "/docs"))
    if (entry.path().extension() == ".md") files.push_back(entry.path().string());
  for (const std::string& file : files) {
    std::u32string word;
    for (char c : read_all(file) + " ") {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c >= 'a' && c <= 'z') {
        word += static_cast<char32_t>(c);
      } else {
        if (word.size() >= 2) out.insert(word);
        word.clear();
      }
    }
  }
  return out;
}

struct Comparison {
  size_t words = 0, hyphenated = 0, points = 0;
};

Comparison compare(const std::string& path, const std::set<std::u32string>& words) {
  std::string error;
  auto ours = hyphen::PatternDictionary::load(path, &error);
  EXPECT_TRUE(ours) << error;
  auto reference = hyphen::reference::LibhyphenDictionary::load(path, &error);
  EXPECT_TRUE(reference) << error;
  Comparison c;
  if (!ours || !reference) return c;
  EXPECT_EQ(ours->left_min(), reference->left_min());
  EXPECT_EQ(ours->right_min(), reference->right_min());
  size_t differences = 0;
  for (const std::u32string& word : words) {
    const std::vector<size_t> mine = ours->boundaries(word);
    const std::vector<size_t> theirs = reference->boundaries(word);
    ++c.words;
    if (!mine.empty()) ++c.hyphenated;
    c.points += mine.size();
    if (mine != theirs && ++differences <= 10)
      ADD_FAILURE() << "'" << u32_to_utf8(word) << "': " << mine.size() << " points, libhyphen " << theirs.size();
  }
  EXPECT_EQ(differences, 0u);
  std::printf("%s: %zu words, %zu hyphenated, %zu points, all as libhyphen\n", path.c_str(), c.words, c.hyphenated,
              c.points);
  return c;
}

TEST(PatternsAgainstLibhyphen, EnglishWordForWord) {
  const std::string path = "/usr/share/hyphen/hyph_en_US.dic";
  constexpr std::u32string_view alphabet = U"abcdefghijklmnopqrstuvwxyz";
  const std::vector<std::u32string> pieces = pattern_letters(read_all(path), alphabet);
  ASSERT_GT(pieces.size(), 4000u);
  std::set<std::u32string> words = generated_words(pieces, alphabet, 20);
  const std::set<std::u32string> real = english_words_of_the_repository();
  ASSERT_GT(real.size(), 1000u);
  words.insert(real.begin(), real.end());
  const Comparison c = compare(path, words);
  EXPECT_GT(c.words, 40000u);
  EXPECT_GT(c.hyphenated, 20000u) << "too few words hyphenated to show anything";
  EXPECT_GT(c.points, 40000u);
}

TEST(PatternsAgainstLibhyphen, RussianWordForWordInKoi8r) {
  const std::string path = "/usr/share/hyphen/hyph_ru_RU.dic";
  constexpr std::u32string_view alphabet = U"абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
  const std::vector<std::u32string> pieces = pattern_letters(to_utf8(read_all(path), "KOI8-R"), alphabet);
  ASSERT_GT(pieces.size(), 1000u);
  std::set<std::u32string> words = generated_words(pieces, alphabet, 1990);
  // Letters KOI8-R lacks: not hyphenated by either.
  words.insert(U"азәрбајҹан");
  const Comparison c = compare(path, words);
  EXPECT_GT(c.words, 40000u);
  EXPECT_GT(c.hyphenated, 20000u) << "too few words hyphenated to show anything";
}

}  // namespace
}  // namespace jan20::text
