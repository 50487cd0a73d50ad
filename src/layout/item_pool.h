#pragma once
// Where the vertical list keeps its entries' item lists: in 64 KiB chunks,
// one after the other in the order the entries are made, each chunk given
// back once every list in it has been freed.
//
// Why: a long book holds one short list per line (a glyph run, 240 bytes on
// the heap) from the pass that sets it until its page is made, and making the
// pages then allocates every page's list anew (about 7.6 KB a page) while the
// lines' lists are freed. On the heap the freed lists are holes among the
// lines' glyphs, too small for a page's list: at 2,400 pages peak memory rose
// by 17 MB while the pages were made. Here the pages take the lines' items in
// the order they were made, so chunk after chunk empties and goes back to the
// heap as a block the next pages' lists fit in.
//
// Not thread-safe: one typeset call's pass makes and frees the lists, on one
// thread.
#include <cstddef>
#include <memory>
#include <type_traits>
#include <vector>

#include "model/paged.h"

namespace jan20::layout {

class ItemPool {
 public:
  static constexpr size_t kChunkBytes = size_t{64} << 10;
  ItemPool() = default;
  ~ItemPool();
  ItemPool(const ItemPool&) = delete;
  ItemPool& operator=(const ItemPool&) = delete;

  void* allocate(size_t bytes);
  void deallocate(void* p);
  size_t chunks() const { return chunks_held_; }  // chunks held now (tests)

 private:
  struct Chunk;
  Chunk* current_ = nullptr;  // where new lists go; kept while it has room
  size_t chunks_held_ = 0;
};

// A std::allocator-like handle on a pool; without one (default-constructed),
// plain new and delete. Moving or swapping a list takes its allocator along.
template <class T>
struct PoolAllocator {
  using value_type = T;
  using propagate_on_container_copy_assignment = std::true_type;
  using propagate_on_container_move_assignment = std::true_type;
  using propagate_on_container_swap = std::true_type;

  ItemPool* pool = nullptr;

  PoolAllocator() = default;
  explicit PoolAllocator(ItemPool* p) : pool(p) {}
  template <class U>
  PoolAllocator(const PoolAllocator<U>& other) : pool(other.pool) {}  // NOLINT: rebinding, as allocators do

  T* allocate(size_t n) {
    static_assert(alignof(T) <= alignof(std::max_align_t));
    return pool ? static_cast<T*>(pool->allocate(n * sizeof(T))) : std::allocator<T>().allocate(n);
  }
  void deallocate(T* p, size_t n) {
    if (pool)
      pool->deallocate(p);
    else
      std::allocator<T>().deallocate(p, n);
  }
  template <class U>
  bool operator==(const PoolAllocator<U>& other) const {
    return pool == other.pool;
  }
};

// A vertical-list entry's items.
using EntryItems = std::vector<model::PageItem, PoolAllocator<model::PageItem>>;

}  // namespace jan20::layout
