#include "text/linebreak/prepared_words.h"

#include <cstring>

namespace jan20::text::linebreak {

void PreparedWords::clear() {
  {
    decltype(words_) none(&pool_);
    words_.swap(none);  // the buckets go too (into the pool, which frees nothing itself)
  }
  styles_.clear();
  pool_.release();
}

void PreparedWords::use_cache(const ShapeCache* cache) {
  if (cache == cache_) return;
  clear();
  cache_ = cache;
}

uint32_t PreparedWords::style_id(std::string_view style_key) {
  if (auto found = styles_.find(style_key); found != styles_.end()) return found->second;
  const auto id = static_cast<uint32_t>(styles_.size());
  styles_.emplace(std::string(style_key), id);
  return id;
}

std::string_view PreparedWords::key(uint32_t style, std::string_view word, std::string& buffer) {
  buffer.resize(sizeof style + word.size());
  std::memcpy(buffer.data(), &style, sizeof style);
  std::memcpy(buffer.data() + sizeof style, word.data(), word.size());
  return buffer;
}

const PreparedWord* PreparedWords::find(uint32_t style, std::string_view word) const {
  if (words_.empty()) return nullptr;
  auto found = words_.find(key(style, word, buffer_));
  return found == words_.end() ? nullptr : &found->second;
}

void PreparedWords::add(uint32_t style, std::string_view word, PreparedWord prepared) {
  if (full()) return;
  if (words_.empty()) words_.reserve(kMostWords);
  key(style, word, buffer_);
  words_.emplace(std::pmr::string(buffer_, &pool_), std::move(prepared));
}

}  // namespace jan20::text::linebreak
