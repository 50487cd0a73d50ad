#include "text/shape_cache.h"

#include <gtest/gtest.h>

#include <thread>

#include "patched_font.h"

namespace jan20::text {
namespace {

std::unique_ptr<font::Face> load(const std::string& path) {
  std::string error;
  auto face = font::Face::load(path, 0, 0, &error);
  EXPECT_TRUE(face) << error;
  return face;
}

ShapeRequest word(const font::Face& face, std::string_view text, size_t begin, size_t end, std::string lang = "az") {
  ShapeRequest r;
  r.face = &face;
  r.text = text;
  r.begin = begin;
  r.end = end;
  r.lang = std::move(lang);
  return r;
}

bool same(const std::vector<ShapedGlyph>& a, const std::vector<ShapedGlyph>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].id != b[i].id || a[i].cluster != b[i].cluster || a[i].x_advance != b[i].x_advance ||
        a[i].x_offset != b[i].x_offset || a[i].y_offset != b[i].y_offset)
      return false;
  return true;
}

TEST(ShapeCache, ShapesAWordOnceWithClustersRelativeToTheWord) {
  auto face = load(testing::kNotoSerif);
  ShapeCache cache;
  const std::string text = "söz fikir fikir";
  auto first = cache.shape_word(word(*face, text, 5, 10));  // "ö" is two bytes
  auto second = cache.shape_word(word(*face, text, 11, 16));
  EXPECT_EQ(cache.misses(), 1u);
  EXPECT_EQ(cache.hits(), 1u);
  EXPECT_TRUE(same(first, second));
  EXPECT_EQ(format_glyphs(*face, first), "[f=0+369|i=1+320|k=2+585|i=3+320|r=4+471]");  // guard applied, az
}

TEST(ShapeCache, KeysOnLanguageFeaturesAndFace) {
  auto noto = load(testing::kNotoSerif);
  auto garamond = load(testing::kGaramond);
  ShapeCache cache;
  const std::string text = "fikir";
  auto az = cache.shape_word(word(*noto, text, 0, 5, "az"));
  auto en = cache.shape_word(word(*noto, text, 0, 5, "en"));
  EXPECT_EQ(az.size(), 5u);
  EXPECT_EQ(en.size(), 4u);  // fi ligature in English
  ShapeRequest smcp = word(*noto, text, 0, 5, "az");
  smcp.features = {"smcp"};
  auto caps = cache.shape_word(smcp);
  EXPECT_NE(caps[1].id, az[1].id);
  auto other_face = cache.shape_word(word(*garamond, text, 0, 5, "az"));
  EXPECT_EQ(garamond->glyph_name(other_face[1].id), "i.TRK");
  EXPECT_EQ(cache.misses(), 4u);
  EXPECT_EQ(cache.hits(), 0u);
}

TEST(ShapeCache, CanBeSwitchedOffForBenchmarks) {
  auto face = load(testing::kNotoSerif);
  ShapeCache cache;
  cache.set_enabled(false);
  const std::string text = "fikir";
  auto a = cache.shape_word(word(*face, text, 0, 5));
  auto b = cache.shape_word(word(*face, text, 0, 5));
  EXPECT_TRUE(same(a, b));
  EXPECT_EQ(cache.hits(), 0u);
  EXPECT_EQ(cache.misses(), 2u);
}

TEST(ShapeCache, IsSharedByThreads) {
  auto face = load(testing::kNotoSerif);
  ShapeCache cache;
  const std::vector<std::string> words = {"Azərbaycan", "xalqının", "20", "Yanvar", "faciəsi", "şəhidlər", "fikir"};
  std::vector<std::vector<ShapedGlyph>> expected;
  for (const auto& w : words) expected.push_back(shape(word(*face, w, 0, w.size())));
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int round = 0; round < 50; ++round)
        for (size_t i = 0; i < words.size(); ++i)
          if (!same(cache.shape_word(word(*face, words[i], 0, words[i].size())), expected[i])) ++mismatches;
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(mismatches.load(), 0);
  EXPECT_EQ(cache.hits() + cache.misses(), 4u * 50u * words.size());
  EXPECT_GE(cache.misses(), words.size());
  EXPECT_LE(cache.misses(), 4 * words.size());  // at most every thread shaped each word once
}

}  // namespace
}  // namespace jan20::text
