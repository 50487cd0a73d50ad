#include "layout/item_pool.h"

#include <new>

namespace jan20::layout {

namespace {
// Each list is preceded by the chunk it is in (null: a list too large for a
// chunk, allocated on its own), padded to keep the list aligned.
constexpr size_t kHeader = alignof(std::max_align_t);
static_assert(kHeader >= sizeof(void*));

size_t rounded(size_t bytes) { return (bytes + kHeader - 1) / kHeader * kHeader; }
}  // namespace

struct alignas(std::max_align_t) ItemPool::Chunk {
  size_t used = 0;  // bytes handed out, from the start of the data
  size_t live = 0;  // lists in it not freed yet
  char* data() { return reinterpret_cast<char*>(this + 1); }
};

namespace {
constexpr size_t kData = ItemPool::kChunkBytes;  // bytes of lists a chunk holds
}  // namespace

ItemPool::~ItemPool() {
  if (current_) ::operator delete(current_);
}

void* ItemPool::allocate(size_t bytes) {
  const size_t need = kHeader + rounded(bytes);
  if (need > kData / 4) {
    char* block = static_cast<char*>(::operator new(need));
    *reinterpret_cast<Chunk**>(block) = nullptr;
    return block + kHeader;
  }
  if (!current_ || current_->used + need > kData) {
    if (current_ && current_->live == 0) {
      current_->used = 0;  // every list in it is freed: start it again
    } else {
      // The full chunk stays until its last list is freed (deallocate).
      current_ = new (::operator new(sizeof(Chunk) + kData)) Chunk();
      ++chunks_held_;
    }
  }
  char* at = current_->data() + current_->used;
  current_->used += need;
  ++current_->live;
  *reinterpret_cast<Chunk**>(at) = current_;
  return at + kHeader;
}

void ItemPool::deallocate(void* p) {
  char* block = static_cast<char*>(p) - kHeader;
  Chunk* chunk = *reinterpret_cast<Chunk**>(block);
  if (!chunk) {
    ::operator delete(block);
    return;
  }
  if (--chunk->live == 0 && chunk != current_) {
    chunk->~Chunk();
    ::operator delete(chunk);
    --chunks_held_;
  }
}

}  // namespace jan20::layout
