// The PDF stage: writing the typeset booklet (pages/s), subsetting its fonts
// with hb-subset (the glyphs the booklet uses), and embedding PNG figures
// (a page with five 600 × 360 figures against the same page without them).
#include <benchmark/benchmark.h>

#include <set>

#include "fixture.h"
#include "pdf/font_program.h"
#include "pdf/write_pdf.h"

namespace jan20::bench {
namespace {

// Renders `doc` once per iteration; returns the PDF's size, or -1 after
// marking the benchmark failed.
double render_repeatedly(benchmark::State& state, const model::PagedDocument& doc) {
  pdf::PdfOptions options;
  size_t bytes = 0;
  for (auto _ : state) {
    DiagnosticSink sink;
    std::string out;
    if (!pdf::render_pdf(doc, options, &out, sink)) {
      state.SkipWithError("render_pdf failed");
      return -1;
    }
    bytes = out.size();
  }
  return static_cast<double>(bytes);
}

void BM_RenderBookletPdf(benchmark::State& state) {
  const model::PagedDocument& doc = typeset_booklet();
  const double bytes = render_repeatedly(state, doc);
  if (bytes < 0) return;
  state.counters["pages/s"] = benchmark::Counter(static_cast<double>(doc.pages.size() * state.iterations()), benchmark::Counter::kIsRate);
  state.counters["bytes"] = bytes;
}
BENCHMARK(BM_RenderBookletPdf)->Unit(benchmark::kMillisecond);

// The glyphs each font of the typeset booklet uses, by font index.
std::vector<std::set<uint32_t>> glyphs_by_font(const model::PagedDocument& doc) {
  std::vector<std::set<uint32_t>> used(doc.fonts.size());
  for (const model::Page& page : doc.pages)
    for (const model::PageItem& item : page.items)
      if (const auto* run = std::get_if<model::GlyphRun>(&item))
        for (const model::Glyph& g : run->glyphs) used[static_cast<size_t>(run->font)].insert(g.id);
  return used;
}

// Every font the booklet uses, opened and subset as render_pdf does it.
void BM_SubsetBookletFonts(benchmark::State& state) {
  const model::PagedDocument& doc = typeset_booklet();
  const std::vector<std::set<uint32_t>> used = glyphs_by_font(doc);
  size_t glyphs = 0, fonts = 0, bytes = 0;
  for (auto _ : state) {
    bytes = 0;
    for (size_t i = 0; i < doc.fonts.size(); ++i) {
      if (used[i].empty()) continue;
      std::string error;
      auto program = pdf::FontProgram::open(doc.fonts[i].path, doc.fonts[i].index, &error);
      auto subset = program ? program->subset(used[i], &error) : std::nullopt;
      if (!subset) {
        state.SkipWithError(("subsetting failed: " + error).c_str());
        return;
      }
      glyphs += used[i].size();
      bytes += subset->program.size();
      ++fonts;
    }
  }
  state.counters["fonts/s"] = benchmark::Counter(static_cast<double>(fonts), benchmark::Counter::kIsRate);
  state.counters["glyphs/s"] = benchmark::Counter(static_cast<double>(glyphs), benchmark::Counter::kIsRate);
  state.counters["subset_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_SubsetBookletFonts)->Unit(benchmark::kMillisecond);

// One A5 page holding `figures` PNG figures (none: the cost of the page alone).
model::PagedDocument figure_page(int figures) {
  model::PagedDocument doc;
  doc.info.title = "figures";
  doc.info.date = "2026-01-20";
  model::Page page;
  page.width = 419.53;
  page.height = 595.28;
  page.bleed = 8.5;
  if (figures > 0) {
    const std::vector<std::string>& files = figure_files(figures);
    for (int i = 0; i < figures; ++i) {
      model::Image image;
      image.path = files[static_cast<size_t>(i)];
      image.x = 40;
      image.y = 40 + 100.0 * i;
      image.width = 160;
      image.height = 96;
      image.pixel_width = 600;
      image.pixel_height = 360;
      page.items.push_back(image);
    }
  }
  doc.pages.push_back(page);
  return doc;
}

void BM_EmbedImages(benchmark::State& state) {
  const int figures = static_cast<int>(state.range(0));
  const model::PagedDocument doc = figure_page(figures);
  const double bytes = render_repeatedly(state, doc);
  if (bytes < 0) return;
  state.counters["images/s"] = benchmark::Counter(static_cast<double>(figures * state.iterations()), benchmark::Counter::kIsRate);
  state.counters["bytes"] = bytes;
}
BENCHMARK(BM_EmbedImages)->Arg(0)->Arg(5)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace jan20::bench
