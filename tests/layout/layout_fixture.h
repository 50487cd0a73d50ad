#pragma once
// Layout without the binary: the project's fonts (fonts/manifest.toml, files
// from Debian packages) loaded once per test suite, a small design and small
// documents built here in C++, layout::typeset called in memory, and queries
// over the pages it returns. Every query answers from the typeset pages (glyph
// runs with their text and positions, paths, images, links, labels, the
// outline and the structure tags), never from what the layout meant to do.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "font/collection.h"
#include "layout/typeset.h"
#include "model/design.h"
#include "model/document.h"
#include "model/paged.h"
#include "text/shape_cache.h"

namespace jan20::layout::testing {

// The small booklet's geometry: a 200 × 300 pt page, text area 160 × 240 pt
// from (20, 30); body text 10/12 pt, so 20 lines fill a page.
constexpr double kPageWidth = 200, kPageHeight = 300;
constexpr double kMarginTop = 30, kMarginBottom = 30, kMarginInner = 20, kMarginOuter = 20;
constexpr double kMeasure = kPageWidth - kMarginInner - kMarginOuter;
constexpr double kColumnHeight = kPageHeight - kMarginTop - kMarginBottom;
constexpr double kBodySize = 10, kBodyLeading = 12;
// Character protrusion (on by default): punctuation at a justified line's
// ends ("(", a full stop, a hyphen) hangs into the margins, by less than this
// share of the run's size.
constexpr double kHang = 0.3;

// Masters "cover" (role First, unnumbered, dark background), "body" (running
// head "{title} · {section}", folio "{page}") and "back" (role Last,
// unnumbered); facing pages. Without the cover the first page is "body".
// Styles for every block kind: body, h1 (upper case), h2, h3, quote,
// attribution, list, caption, fact-value, fact-label, timeline-date,
// timeline-event, names, names-header, toc-1, toc-2, running-header, folio,
// cover-h1.
model::Design small_booklet(bool with_cover = true);

// One poster page 400 × 500 pt whose master "poster" has two
// frames: "headline" (20, 20, 360 × 100; h1 40/44 pt) and "text" (20, 140,
// 360 × 300, two columns, body 12/15 pt). Fit modes are set by each test.
model::Design small_poster(model::FitMode headline_fit = model::FitMode::Overflow);

// Blocks, at mem.toml:1:1.
model::Block paragraph(const std::string& text, const std::string& style = {});
model::Block heading(int level, const std::string& text, const std::string& id = {});
model::Block page_break(const std::string& master = {});
model::Block quote(const std::string& text, const std::string& attribution);
model::Block list(std::vector<std::string> items, bool numbered = false);
model::Block facts(std::vector<model::FactFigure> figures);
model::Block timeline(std::vector<std::pair<std::string, std::string>> entries);
model::Block names(std::vector<std::vector<model::NameCell>> rows, std::vector<std::string> header = {});
model::Block contents();
// A raster figure of w × h pixels (no file is opened: the loader read the
// header, layout sizes the figure from it).
model::Block figure(int pixel_width, int pixel_height, const std::string& caption = {}, const std::string& credit = {});
model::Block ornament_figure(const std::string& ornament, const std::string& alt);
// Puts a block into a poster frame.
model::Block in_frame(model::Block block, const std::string& frame);

model::Document document(std::vector<model::Block> blocks, const std::string& lang = "az",
                         const std::string& title = "Yaddaş");

// A sober sentence of the given number of words (from the source facts),
// numbered `n` so that a test can find it: "(n) Hər il …".
std::string sentence(int n, int words = 12);
// `count` numbered paragraphs of about `words` words each.
std::vector<model::Block> paragraphs(int first, int count, int words);

// The result of typesetting one document.
struct Laid {
  model::PagedDocument doc;
  TypesetReport report;
  DiagnosticSink sink;
};

// A glyph run where it landed.
struct RunOnPage {
  int page = 0;                      // page index
  const model::GlyphRun* run = nullptr;
  double width = 0;                  // pt, advances and extras
};

// Every glyph run of the document whose text contains `text`, page by page
// in painting order.
std::vector<RunOnPage> runs_with(const Laid& laid, std::string_view text);
// The same for runs whose text is exactly `text`.
std::vector<RunOnPage> runs_equal(const Laid& laid, std::string_view text);
// The page index of the first run containing `text`, or -1.
int page_of(const Laid& laid, std::string_view text);
// Width of a run in points.
double run_width(const model::PagedDocument& doc, const model::GlyphRun& run);
// The glyph runs of a page that are artifacts (running heads, folios).
std::vector<const model::GlyphRun*> artifact_runs(const model::Page& page);
// All of one kind of item on a page.
template <class T>
std::vector<const T*> items_of(const model::Page& page) {
  std::vector<const T*> out;
  for (const model::PageItem& item : page.items)
    if (const T* t = std::get_if<T>(&item)) out.push_back(t);
  return out;
}
// The text of a page's tagged runs, joined by spaces, in painting order.
std::string page_text(const model::Page& page);
// Error messages of a sink, joined (for failure output).
std::string messages(const DiagnosticSink& sink);
// Distinct baselines (y of runs) of the tagged runs of a page, ascending.
std::vector<double> baselines(const model::Page& page);

class LayoutTest : public ::testing::Test {
 protected:
  // The fonts and the shaping cache, once per test suite.
  static void SetUpTestSuite();
  static void TearDownTestSuite();
  static Laid lay_out(const model::Document& doc, const model::Design& design, int threads = 1);

  static inline std::unique_ptr<font::FontCollection> fonts_;
  static inline std::unique_ptr<text::ShapeCache> cache_;
};

}  // namespace jan20::layout::testing
