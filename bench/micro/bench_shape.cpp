// Shaping the booklet's body paragraphs (Noto Serif, Azerbaijani, the
// dotted-i guard on): a whole paragraph per HarfBuzz call, and word by word
// through text::ShapeCache with the cache on (warm, as in a build after the
// first pages) and off (every word shaped again). Counters: glyphs/s, words/s.
#include <benchmark/benchmark.h>

#include "fixture.h"
#include "text/shape.h"
#include "text/shape_cache.h"

namespace jan20::bench {
namespace {

struct Word {
  size_t paragraph, begin, end;
};

std::vector<Word> words_of(const std::vector<std::string>& paragraphs) {
  std::vector<Word> words;
  for (size_t p = 0; p < paragraphs.size(); ++p) {
    const std::string& text = paragraphs[p];
    size_t begin = 0;
    while (begin < text.size()) {
      size_t end = text.find(' ', begin);
      if (end == std::string::npos) end = text.size();
      if (end > begin) words.push_back({p, begin, end});
      begin = end + 1;
    }
  }
  return words;
}

text::ShapeRequest request(const Booklet& b, const std::string& text, size_t begin, size_t end) {
  text::ShapeRequest r;
  r.face = b.serif;
  r.text = text;
  r.begin = begin;
  r.end = end;
  r.lang = "az";
  return r;
}

void BM_ShapeParagraphs(benchmark::State& state) {
  const Booklet& b = booklet();
  size_t glyphs = 0;
  for (auto _ : state) {
    for (const std::string& text : b.paragraphs) {
      std::vector<text::ShapedGlyph> out = text::shape(request(b, text, 0, text.size()));
      glyphs += out.size();
      benchmark::DoNotOptimize(out.data());
    }
  }
  state.counters["glyphs/s"] = benchmark::Counter(static_cast<double>(glyphs), benchmark::Counter::kIsRate);
  state.counters["words/s"] = benchmark::Counter(static_cast<double>(b.words * state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ShapeParagraphs)->Unit(benchmark::kMicrosecond);

void shape_words(benchmark::State& state, bool cached) {
  const Booklet& b = booklet();
  const std::vector<Word> words = words_of(b.paragraphs);
  text::ShapeCache cache;
  cache.set_enabled(cached);
  for (const Word& w : words) cache.shape_word(request(b, b.paragraphs[w.paragraph], w.begin, w.end));  // warm
  size_t glyphs = 0;
  for (auto _ : state) {
    for (const Word& w : words) {
      std::vector<text::ShapedGlyph> out = cache.shape_word(request(b, b.paragraphs[w.paragraph], w.begin, w.end));
      glyphs += out.size();
      benchmark::DoNotOptimize(out.data());
    }
  }
  state.counters["glyphs/s"] = benchmark::Counter(static_cast<double>(glyphs), benchmark::Counter::kIsRate);
  state.counters["words/s"] = benchmark::Counter(static_cast<double>(words.size() * state.iterations()), benchmark::Counter::kIsRate);
  state.counters["hit%"] = cache.hits() + cache.misses() == 0 ? 0.0
      : 100.0 * static_cast<double>(cache.hits()) / static_cast<double>(cache.hits() + cache.misses());
}

void BM_ShapeWordsCached(benchmark::State& state) { shape_words(state, true); }
void BM_ShapeWordsUncached(benchmark::State& state) { shape_words(state, false); }
BENCHMARK(BM_ShapeWordsCached)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ShapeWordsUncached)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace jan20::bench
