// Setting the booklet's body paragraphs with text::typeset_paragraph (itemize,
// shape per word, break opportunities, hyphenation, Knuth–Plass), with the
// shaping cache warm and off; the whole booklet through layout::typeset, and
// its whole edition as the command makes it (build::make_edition).
// Counters: paragraphs/s, lines/s, pages/s.
#include <benchmark/benchmark.h>

#include "fixture.h"
#include "build/edition.h"
#include "layout/typeset.h"
#include "text/shape_cache.h"

namespace jan20::bench {
namespace {

void typeset_paragraphs(benchmark::State& state, bool cached) {
  const Booklet& b = booklet();
  std::vector<text::ParagraphInput> inputs;
  for (const std::string& text : b.paragraphs) inputs.push_back(body_paragraph(b, text));
  text::ShapeCache cache;
  cache.set_enabled(cached);
  DiagnosticSink sink;
  for (const auto& in : inputs) text::typeset_paragraph(in, cache, sink);  // warm
  size_t lines = 0;
  for (auto _ : state) {
    for (const auto& in : inputs) {
      text::ParagraphResult r = text::typeset_paragraph(in, cache, sink);
      lines += r.lines.size();
      benchmark::DoNotOptimize(r.lines.data());
    }
  }
  if (sink.has_errors()) state.SkipWithError("typeset_paragraph reported errors");
  state.counters["paragraphs/s"] = benchmark::Counter(static_cast<double>(inputs.size() * state.iterations()), benchmark::Counter::kIsRate);
  state.counters["lines/s"] = benchmark::Counter(static_cast<double>(lines), benchmark::Counter::kIsRate);
}

void BM_SetParagraphCached(benchmark::State& state) { typeset_paragraphs(state, true); }
void BM_SetParagraphUncached(benchmark::State& state) { typeset_paragraphs(state, false); }
BENCHMARK(BM_SetParagraphCached)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SetParagraphUncached)->Unit(benchmark::kMicrosecond);

// The whole booklet through the layout stage alone: a fresh cache per
// typesetting, fonts already loaded, one thread.
void BM_TypesetBooklet(benchmark::State& state) {
  const Booklet& b = booklet();
  layout::TypesetOptions options{b.root, "jan20-pdf bench"};
  size_t pages = 0;
  for (auto _ : state) {
    DiagnosticSink sink;
    text::ShapeCache cache;
    model::PagedDocument doc = layout::typeset(*b.document, *b.design, *b.workspace->fonts, cache, options, sink);
    pages += doc.pages.size();
    benchmark::DoNotOptimize(doc.pages.data());
  }
  state.counters["pages/s"] = benchmark::Counter(static_cast<double>(pages), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TypesetBooklet)->Unit(benchmark::kMillisecond);

// The whole booklet, as `jan20-pdf check booklet --lang az` makes its
// edition (build::make_edition: typeset on the two threads -j2 gives one
// edition, preflight, the PDF rendered in memory): a fresh shaping cache per
// edition, fonts already loaded.
void BM_MakeBookletEdition(benchmark::State& state) {
  const Booklet& b = booklet();
  build::BuildOptions options;
  options.write = false;
  size_t pages = 0;
  for (auto _ : state) {
    b.workspace->cache = std::make_unique<text::ShapeCache>();
    build::Edition edition;
    build::make_edition(*b.workspace, options, *b.design, *b.document, edition,
                        build::threads_per_edition(options.jobs, 1));
    if (edition.stopped_at != build::Stage::Done) {
      state.SkipWithError("make_edition failed");
      return;
    }
    pages += edition.paged->pages.size();
    benchmark::DoNotOptimize(edition.rendered.data());
  }
  state.counters["pages/s"] = benchmark::Counter(static_cast<double>(pages), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_MakeBookletEdition)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace jan20::bench
