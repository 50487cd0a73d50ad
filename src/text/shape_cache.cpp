// The per-word shaping cache. A booklet repeats its words many times
// ("və", "20 Yanvar", "şəhid"), and shaping a word is the costliest step of
// setting a paragraph, so words are shaped once per build. The key holds
// everything that changes the glyphs apart from the size (positions are in
// font units): the text, the face, the features, the language, the script and
// the direction. The map is split into shards, each behind its own mutex, so
// editions set on several threads rarely wait for each other.
#include "text/shape_cache.h"

#include <array>
#include <cstring>
#include <atomic>
#include <functional>
#include <mutex>
#include <unordered_map>

#include "core/view_hash.h"

namespace jan20::text {

struct ShapeCache::Impl {
  struct Shard {
    std::mutex mutex;
    std::unordered_map<std::string, std::vector<ShapedGlyph>, ViewHash<char>, std::equal_to<>> words;
  };
  static constexpr size_t kShards = 16;
  std::array<Shard, kShards> shards;
  std::atomic<size_t> hits{0};
  std::atomic<size_t> misses{0};
  std::atomic<bool> enabled{true};
  LineBreakIterators line_break_iterators;
  LikelyScripts likely_scripts;

  // shaping_language's answers: a face, script and language or a few per build.
  struct Language {
    const font::Face* face;
    hb_script_t script;
    std::string lang;
    ShapingLanguage chosen;
  };
  std::mutex languages_mutex;
  std::vector<Language> languages;

  ShapingLanguage language_of(const ShapeRequest& r) {
    {
      std::lock_guard lock(languages_mutex);
      for (const Language& l : languages)
        if (l.face == r.face && l.script == r.script && l.lang == r.lang) return l.chosen;
    }
    const ShapingLanguage chosen = shaping_language(*r.face, r.script, r.lang);
    std::lock_guard lock(languages_mutex);
    languages.push_back({r.face, r.script, r.lang, chosen});
    return chosen;
  }
};

namespace {

// The key: the word, then the face, language, script, direction and
// features, each closed by a NUL (no part contains one). Written into `small`
// when it fits (almost every word), else into `large`.
std::string_view cache_key(const ShapeRequest& r, std::string_view word, std::array<char, 192>& small,
                           std::string& large) {
  char script[4];
  hb_tag_to_string(r.script, script);
  const auto face = reinterpret_cast<uintptr_t>(r.face);
  size_t size = word.size() + 1 + sizeof face + r.lang.size() + 1 + 4 + 1;
  for (const auto& f : r.features) size += f.size() + 1;
  char* out = small.data();
  if (size > small.size()) {
    large.resize(size);
    out = large.data();
  }
  char* at = out;
  auto put = [&](const void* bytes, size_t n) {
    std::memcpy(at, bytes, n);
    at += n;
  };
  put(word.data(), word.size());
  *at++ = '\0';
  put(&face, sizeof face);
  put(r.lang.data(), r.lang.size());
  *at++ = '\0';
  put(script, 4);
  *at++ = static_cast<char>('0' + static_cast<int>(r.direction));
  for (const auto& f : r.features) {
    put(f.data(), f.size());
    *at++ = '\0';
  }
  return std::string_view(out, size);
}

// The word shaped without its paragraph; clusters are relative to the word.
// With `language`, shape() skips choosing it.
std::vector<ShapedGlyph> shape_alone(const ShapeRequest& request, std::string_view word,
                                     const ShapingLanguage* language = nullptr) {
  ShapeRequest alone = request;
  alone.text = word;
  alone.begin = 0;
  alone.end = word.size();
  return language ? shape(alone, *language) : shape(alone);
}

}  // namespace

ShapeCache::ShapeCache() : impl_(std::make_unique<Impl>()) {}
ShapeCache::~ShapeCache() = default;

std::vector<ShapedGlyph> ShapeCache::shape_word(const ShapeRequest& request) {
  std::vector<ShapedGlyph> glyphs;
  shape_word_into(request, glyphs);
  return glyphs;
}

const std::vector<ShapedGlyph>* ShapeCache::shape_word_into(const ShapeRequest& request,
                                                            std::vector<ShapedGlyph>& out) {
  if (request.begin >= request.end || request.end > request.text.size()) return nullptr;
  std::string_view word = request.text.substr(request.begin, request.end - request.begin);
  if (!impl_->enabled.load(std::memory_order_relaxed)) {
    impl_->misses.fetch_add(1, std::memory_order_relaxed);
    const std::vector<ShapedGlyph> glyphs = shape_alone(request, word);
    out.insert(out.end(), glyphs.begin(), glyphs.end());
    return nullptr;
  }
  std::array<char, 192> small;
  std::string large;
  const std::string_view key = cache_key(request, word, small, large);
  const size_t hash = ViewHash<char>{}(key);
  Impl::Shard& shard = impl_->shards[(hash >> 7) % Impl::kShards];
  {
    std::lock_guard lock(shard.mutex);
    auto it = shard.words.find(key);
    if (it != shard.words.end()) {
      impl_->hits.fetch_add(1, std::memory_order_relaxed);
      out.insert(out.end(), it->second.begin(), it->second.end());
      return &it->second;
    }
  }
  // Shape outside the lock: another thread may shape the same word at the
  // same time; both get the same glyphs and the first insert stays.
  impl_->misses.fetch_add(1, std::memory_order_relaxed);
  const ShapingLanguage language = request.face ? impl_->language_of(request) : ShapingLanguage{};
  std::vector<ShapedGlyph> glyphs = request.face ? shape_alone(request, word, &language) : shape_alone(request, word);
  out.insert(out.end(), glyphs.begin(), glyphs.end());
  std::lock_guard lock(shard.mutex);
  return &shard.words.emplace(std::string(key), std::move(glyphs)).first->second;
}

size_t ShapeCache::hits() const { return impl_->hits.load(); }
size_t ShapeCache::misses() const { return impl_->misses.load(); }
void ShapeCache::set_enabled(bool enabled) { impl_->enabled.store(enabled); }
LineBreakIterators& ShapeCache::line_break_iterators() { return impl_->line_break_iterators; }
LikelyScripts& ShapeCache::likely_scripts() { return impl_->likely_scripts; }

}  // namespace jan20::text
