#include "text/hyphenate.h"

#include <algorithm>
#include <functional>
#include <map>
#include <mutex>
#include <unordered_map>

#include "core/utf.h"
#include "core/view_hash.h"
#include "text/hyphen/az_syllables.h"
#include "text/hyphen/exceptions.h"
#include "text/hyphen/pattern_dictionary.h"

#ifndef JAN20_HYPHEN_DIR
#define JAN20_HYPHEN_DIR "/usr/share/hyphen"
#endif

namespace jan20::text {

namespace {

enum class Method { None, Syllables, Patterns };

struct LanguageChoice {
  Method method = Method::None;
  std::string patterns;  // file name in JAN20_HYPHEN_DIR
  bool turkic = false;   // I/ı İ/i case pairs
};

std::string lower_ascii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

LanguageChoice choose(const std::string& lang) {
  std::string tag = lower_ascii(lang);
  std::replace(tag.begin(), tag.end(), '_', '-');
  std::string primary = tag.substr(0, tag.find('-'));
  LanguageChoice c;
  if (primary == "az" || primary == "tr") {
    c.turkic = true;
    // Perso-Arabic Azerbaijani is not hyphenated (no such convention).
    if (tag.find("-arab") == std::string::npos) c.method = Method::Syllables;
  } else if (primary == "en") {
    c.method = Method::Patterns;
    c.patterns = "hyph_en_US.dic";
  } else if (primary == "ru") {
    c.method = Method::Patterns;
    c.patterns = "hyph_ru_RU.dic";
  }
  return c;
}

// One word part: its letters (folded) and, for each letter, the code point
// index in the whole word where it starts.
struct Part {
  std::u32string letters;
  std::vector<size_t> where;
  std::vector<bool> glued;  // glued[i]: no break before letters[i] (apostrophe)
};

}  // namespace

std::string pattern_file(const std::string& lang) {
  LanguageChoice choice = choose(lang);
  if (choice.method != Method::Patterns) return {};
  return std::string(JAN20_HYPHEN_DIR) + "/" + choice.patterns;
}

struct Hyphenator::Impl {
  std::string lang;
  HyphenationRules rules;
  LanguageChoice choice;
  hyphen::ExceptionTable exceptions{false};
  mutable std::once_flag load_once;
  mutable std::unique_ptr<hyphen::PatternDictionary> dictionary;
  mutable std::string load_error;
  // cached_points: each distinct word's points. Entries are never erased or
  // changed once in, so references to them stay valid.
  mutable std::mutex cache_mutex;
  mutable std::unordered_map<std::u32string, std::vector<size_t>, ViewHash<char32_t>, std::equal_to<>> cache;
  const std::vector<size_t> no_points{};  // cached_points' answer for a word too short to break

  const hyphen::PatternDictionary* patterns() const {
    if (choice.method != Method::Patterns) return nullptr;
    std::call_once(load_once, [this] {
      dictionary = hyphen::PatternDictionary::load(std::string(JAN20_HYPHEN_DIR) + "/" + choice.patterns,
                                                   &load_error);
    });
    return dictionary.get();
  }

  std::vector<size_t> part_boundaries(const Part& part) const {
    if (std::vector<size_t> known; exceptions.find(part.letters, &known)) return known;
    switch (choice.method) {
      case Method::Syllables:
        return hyphen::az_syllable_boundaries(part.letters);
      case Method::Patterns:
        if (const auto* dict = patterns()) return dict->boundaries(part.letters);
        return {};
      case Method::None:
        return {};
    }
    return {};
  }

  void hyphenate_part(const Part& part, std::vector<size_t>* out) const {
    const int n = static_cast<int>(part.letters.size());
    if (n == 0 || n < rules.min_word) return;
    int left = std::max(rules.min_left, 1);
    int right = std::max(rules.min_right, 1);
    if (const auto* dict = (choice.method == Method::Patterns ? patterns() : nullptr)) {
      left = std::max(left, dict->left_min());
      right = std::max(right, dict->right_min());
    }
    for (size_t b : part_boundaries(part)) {
      const int i = static_cast<int>(b);
      if (i < left || i > n - right) continue;
      if (part.glued[b]) continue;
      out->push_back(part.where[b]);
    }
  }
};

Hyphenator::Hyphenator(std::string lang, const HyphenationRules& rules) : impl_(std::make_unique<Impl>()) {
  impl_->lang = std::move(lang);
  // The minimums; the exceptions (possibly a million words) only as the
  // table, not as a second copy of the list.
  impl_->rules.min_word = rules.min_word;
  impl_->rules.min_left = rules.min_left;
  impl_->rules.min_right = rules.min_right;
  impl_->choice = choose(impl_->lang);
  std::string primary = lower_ascii(impl_->lang);
  primary = primary.substr(0, primary.find_first_of("-_"));
  if (auto it = impl_->rules.languages.find(primary); it != impl_->rules.languages.end()) {
    impl_->rules.min_word = it->second.min_word;
    impl_->rules.min_left = it->second.min_left;
    impl_->rules.min_right = it->second.min_right;
  }
  impl_->exceptions = hyphen::ExceptionTable(impl_->choice.turkic);
  impl_->exceptions.reserve(rules.exceptions.size());
  for (const auto& word : rules.exceptions) impl_->exceptions.add(word);
}

Hyphenator::~Hyphenator() = default;

bool Hyphenator::supported() const {
  switch (impl_->choice.method) {
    case Method::Syllables: return true;
    case Method::Patterns: return impl_->patterns() != nullptr;
    case Method::None: return false;
  }
  return false;
}

const std::string& Hyphenator::language() const { return impl_->lang; }

std::vector<size_t> Hyphenator::points(std::u32string_view word) const {
  std::vector<size_t> out;
  // Trim punctuation around the word.
  size_t begin = 0, end = word.size();
  while (begin < end && !hyphen::is_letter(word[begin]) && !hyphen::is_digit(word[begin])) ++begin;
  while (end > begin && !hyphen::is_letter(word[end - 1]) && !hyphen::is_mark(word[end - 1]) &&
         !hyphen::is_digit(word[end - 1]))
    --end;
  for (size_t i = begin; i < end; ++i)
    if (hyphen::is_digit(word[i])) return out;  // 1990-cı, 20-ci: never broken

  Part part;
  auto flush = [&] {
    if (!part.letters.empty()) impl_->hyphenate_part(part, &out);
    part = Part{};
  };
  bool after_apostrophe = false;
  for (size_t i = begin; i < end; ++i) {
    const char32_t cp = word[i];
    if (hyphen::is_letter(cp)) {
      part.letters.push_back(hyphen::fold_letter(cp, impl_->choice.turkic));
      part.where.push_back(i);
      part.glued.push_back(after_apostrophe);
      after_apostrophe = false;
    } else if (hyphen::is_mark(cp)) {
      // stays with its letter
    } else if (hyphen::is_apostrophe(cp)) {
      // Bakı'nın: no break on either side of the apostrophe.
      if (!part.glued.empty()) after_apostrophe = true;
    } else {
      flush();  // hard hyphen, slash, …: hyphenate each side alone
      after_apostrophe = false;
    }
  }
  flush();
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

const std::vector<size_t>& Hyphenator::cached_points(std::u32string_view word) const {
  // A word of fewer code points than min_word has no part with min_word
  // letters: no points, and nothing to look up (a third of the occurrences).
  if (word.size() < static_cast<size_t>(std::max(impl_->rules.min_word, 1))) return impl_->no_points;
  {
    std::lock_guard lock(impl_->cache_mutex);
    if (auto it = impl_->cache.find(word); it != impl_->cache.end()) return it->second;
  }
  // Worked out outside the lock; if another thread did the same word
  // meanwhile, its (identical) entry stays.
  std::vector<size_t> found = points(word);
  std::lock_guard lock(impl_->cache_mutex);
  return impl_->cache.emplace(std::u32string(word), std::move(found)).first->second;
}

std::string Hyphenator::hyphenated(std::string_view utf8_word) const {
  const std::u32string word = utf8_to_u32(utf8_word);
  const std::vector<size_t> at = points(word);
  std::string out;
  size_t next = 0;
  for (size_t i = 0; i < word.size(); ++i) {
    if (next < at.size() && at[next] == i) {
      out += '-';
      ++next;
    }
    utf8_append(out, word[i]);
  }
  return out;
}

struct Hyphenators::Impl {
  HyphenationRules rules;
  std::mutex mutex;
  std::map<std::string, std::unique_ptr<Hyphenator>> by_lang;
};

Hyphenators::Hyphenators(HyphenationRules rules) : impl_(std::make_unique<Impl>()) {
  impl_->rules = std::move(rules);
}

Hyphenators::~Hyphenators() = default;

const Hyphenator& Hyphenators::get(const std::string& lang) {
  std::lock_guard lock(impl_->mutex);
  auto& slot = impl_->by_lang[lang];
  if (!slot) slot = std::make_unique<Hyphenator>(lang, impl_->rules);
  return *slot;
}

const HyphenationRules& Hyphenators::rules() const { return impl_->rules; }

}  // namespace jan20::text
