// The per-word shaping cache. A booklet repeats its words many times
// ("və", "20 Yanvar", "şəhid"), and shaping a word is the costliest step of
// setting a paragraph, so words are shaped once per build. The key holds
// everything that changes the glyphs apart from the size (positions are in
// font units): the text, the face, the features, the language, the script and
// the direction. The map is split into shards, each behind its own mutex, so
// editions set on several threads rarely wait for each other.
#include "text/shape_cache.h"

#include <array>
#include <atomic>
#include <functional>
#include <mutex>
#include <unordered_map>

namespace jan20::text {

struct ShapeCache::Impl {
  struct Shard {
    std::mutex mutex;
    std::unordered_map<std::string, std::vector<ShapedGlyph>> words;
  };
  static constexpr size_t kShards = 16;
  std::array<Shard, kShards> shards;
  std::atomic<size_t> hits{0};
  std::atomic<size_t> misses{0};
  std::atomic<bool> enabled{true};
};

namespace {

std::string cache_key(const ShapeRequest& r, std::string_view word) {
  std::string key(word);
  key += '\0';
  key += std::to_string(reinterpret_cast<uintptr_t>(r.face));
  key += '\0';
  key += r.lang;
  key += '\0';
  char script[5] = {0, 0, 0, 0, 0};
  hb_tag_to_string(r.script, script);
  key.append(script, 4);
  key += static_cast<char>('0' + static_cast<int>(r.direction));
  for (const auto& f : r.features) {
    key += '\0';
    key += f;
  }
  return key;
}

std::vector<ShapedGlyph> shape_alone(const ShapeRequest& request, std::string_view word) {
  ShapeRequest alone = request;
  alone.text = word;
  alone.begin = 0;
  alone.end = word.size();
  return shape(alone);  // clusters are now relative to the word
}

}  // namespace

ShapeCache::ShapeCache() : impl_(std::make_unique<Impl>()) {}
ShapeCache::~ShapeCache() = default;

std::vector<ShapedGlyph> ShapeCache::shape_word(const ShapeRequest& request) {
  if (request.begin >= request.end || request.end > request.text.size()) return {};
  std::string_view word = request.text.substr(request.begin, request.end - request.begin);
  if (!impl_->enabled.load(std::memory_order_relaxed)) {
    impl_->misses.fetch_add(1, std::memory_order_relaxed);
    return shape_alone(request, word);
  }
  std::string key = cache_key(request, word);
  Impl::Shard& shard = impl_->shards[std::hash<std::string>{}(key) % Impl::kShards];
  {
    std::lock_guard lock(shard.mutex);
    auto it = shard.words.find(key);
    if (it != shard.words.end()) {
      impl_->hits.fetch_add(1, std::memory_order_relaxed);
      return it->second;
    }
  }
  // Shape outside the lock: another thread may shape the same word at the
  // same time; both get the same glyphs and the first insert stays.
  impl_->misses.fetch_add(1, std::memory_order_relaxed);
  std::vector<ShapedGlyph> glyphs = shape_alone(request, word);
  std::lock_guard lock(shard.mutex);
  shard.words.emplace(std::move(key), glyphs);
  return glyphs;
}

size_t ShapeCache::hits() const { return impl_->hits.load(); }
size_t ShapeCache::misses() const { return impl_->misses.load(); }
void ShapeCache::set_enabled(bool enabled) { impl_->enabled.store(enabled); }

}  // namespace jan20::text
