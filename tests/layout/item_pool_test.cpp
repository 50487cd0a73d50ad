// The vertical list's item pool (layout/item_pool.h): lists made one after
// the other share chunks; a chunk goes back as soon as its last list is
// freed, so that lists freed in the order they were made give back the
// memory they took; lists keep their items through growth, moves and swaps
// with lists of the plain heap.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "layout/item_pool.h"

namespace jan20::layout {
namespace {

model::PageItem run_with(const std::string& text) {
  model::GlyphRun run;
  run.text = text;
  run.glyphs.push_back({7, 500, 0, 0, 0, 0, static_cast<uint32_t>(text.size())});
  return run;
}

std::string text_of(const model::PageItem& item) { return std::get<model::GlyphRun>(item).text; }

TEST(ItemPool, ListsFreedInTheOrderTheyWereMadeGiveTheirChunksBack) {
  ItemPool pool;
  std::vector<EntryItems> lines;
  for (int i = 0; i < 3000; ++i) {  // about 240 bytes each: several chunks
    EntryItems items{PoolAllocator<model::PageItem>(&pool)};
    items.push_back(run_with("line " + std::to_string(i)));
    lines.push_back(std::move(items));
  }
  const size_t held = pool.chunks();
  ASSERT_GE(held, 5u);
  for (int i = 0; i < 3000; ++i) {
    EXPECT_EQ(text_of(lines[static_cast<size_t>(i)].front()), "line " + std::to_string(i));
    EntryItems().swap(lines[static_cast<size_t>(i)]);
    if (i == 1499) {
      EXPECT_LE(pool.chunks(), held / 2 + 1) << "the first half's chunks are not given back";
    }
  }
  EXPECT_LE(pool.chunks(), 1u);  // at most the chunk new lists go into
}

TEST(ItemPool, ListsGrowMoveAndSwapWithListsOfTheHeap) {
  ItemPool pool;
  EntryItems pooled{PoolAllocator<model::PageItem>(&pool)};
  for (int i = 0; i < 1000; ++i) pooled.push_back(run_with(std::to_string(i)));  // grows past a chunk: its own block
  EntryItems plain;
  plain.push_back(run_with("plain"));
  pooled.swap(plain);
  ASSERT_EQ(plain.size(), 1000u);
  ASSERT_EQ(pooled.size(), 1u);
  EXPECT_EQ(text_of(plain[999]), "999");
  EXPECT_EQ(text_of(pooled[0]), "plain");
  EntryItems moved = std::move(plain);
  EXPECT_EQ(moved.get_allocator().pool, &pool);
  EXPECT_EQ(text_of(moved[500]), "500");
  EntryItems copied = moved;
  EXPECT_EQ(text_of(copied[1]), "1");
  moved = EntryItems();
  copied = EntryItems();
  EXPECT_LE(pool.chunks(), 1u);
}

}  // namespace
}  // namespace jan20::layout
