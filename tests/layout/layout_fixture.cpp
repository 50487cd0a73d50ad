#include "layout_fixture.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "load/load.h"
#include "support/test_support.h"

namespace jan20::layout::testing {

namespace {

// Where every block and span "is" (a test that needs to tell blocks apart by
// their location sets Block::where itself).
SourceLocation here() { return {"mem.toml", 1, 1}; }

model::Block block(model::BlockContent content) {
  model::Block b;
  b.where = here();
  b.content = std::move(content);
  return b;
}

model::Inline text_of(const std::string& s) {
  model::Span span;
  span.text = s;
  span.where = here();
  return {span};
}

model::FontSpec font(const std::string& family, const std::string& style, std::vector<std::string> fallback = {}) {
  model::FontSpec f;
  f.family = family;
  f.style = style;
  f.fallback = std::move(fallback);
  f.where = {"mem-layout.toml", 1, 1};
  return f;
}

model::ParagraphStyle style(const std::string& font_name, double size, double leading, model::Align align) {
  model::ParagraphStyle s;
  s.font = font_name;
  s.size = size;
  s.leading = leading;
  s.align = align;
  s.hyphenate = align == model::Align::Justify;
  s.where = {"mem-layout.toml", 2, 1};
  return s;
}

void add_fonts_and_colours(model::Design& d) {
  d.colors["text"] = Color::black_k();
  d.colors["accent"] = Color::cmyk(0, 1, 0.85, 0.3);
  d.colors["muted"] = Color::gray(0.65);
  d.colors["paper"] = Color::cmyk(0, 0, 0, 0);
  d.colors["dark"] = Color::cmyk(0.6, 0.4, 0.4, 1);
  d.fonts["serif"] = font("Noto Serif", "Regular", {"arabic"});
  d.fonts["serif-italic"] = font("Noto Serif", "Italic", {"serif", "arabic"});
  d.fonts["serif-bold"] = font("Noto Serif", "Bold", {"serif", "arabic"});
  d.fonts["sans"] = font("Noto Sans", "Regular", {"serif", "arabic"});
  d.fonts["sans-bold"] = font("Noto Sans", "Bold", {"sans", "serif", "arabic"});
  d.fonts["arabic"] = font("Noto Naskh Arabic", "Regular");
}

}  // namespace

model::Design small_booklet(bool with_cover) {
  model::Design d;
  d.path = "mem-layout.toml";
  d.where = {d.path, 1, 1};
  d.page_width = kPageWidth;
  d.page_height = kPageHeight;
  d.margin_top = kMarginTop;
  d.margin_bottom = kMarginBottom;
  d.margin_inner = kMarginInner;
  d.margin_outer = kMarginOuter;
  d.facing = true;
  add_fonts_and_colours(d);
  using A = model::Align;
  auto& s = d.styles;
  s["body"] = style("serif", kBodySize, kBodyLeading, A::Justify);
  s["body"].emphasis_font = "serif-italic";
  s["body"].strong_font = "serif-bold";
  s["h1"] = style("sans-bold", 14, 18, A::Left);
  s["h1"].transform = model::CaseTransform::Upper;
  s["h1"].space_after = 6;
  s["h1"].keep_with_next = true;
  s["h1"].color = "accent";
  s["h2"] = style("sans-bold", 11, 14, A::Left);
  s["h2"].space_before = 6;
  s["h2"].space_after = 2;
  s["h3"] = style("sans-bold", 10, 12, A::Left);
  s["quote"] = style("serif-italic", 10, 12, A::Justify);
  s["quote"].left_indent = 15;
  s["quote"].right_indent = 15;
  s["attribution"] = style("sans", 8, 10, A::Right);
  s["attribution"].right_indent = 15;
  s["attribution"].space_after = 6;
  s["list"] = style("serif", kBodySize, kBodyLeading, A::Left);
  s["list"].left_indent = 12;
  s["list"].space_after = 4;
  s["caption"] = style("sans", 8, 10, A::Left);
  s["caption"].emphasis_font = "serif-italic";
  s["caption"].space_before = 3;
  s["caption"].space_after = 6;
  s["fact-value"] = style("sans-bold", 24, 28, A::Center);
  s["fact-label"] = style("sans", 8, 10, A::Center);
  s["timeline-date"] = style("sans-bold", 9, 12, A::Left);
  s["timeline-event"] = style("serif", kBodySize, kBodyLeading, A::Left);
  s["timeline-event"].space_after = 3;
  s["names"] = style("serif", kBodySize, 13, A::Left);
  s["names-header"] = style("sans-bold", 7, 9, A::Left);
  s["names-header"].transform = model::CaseTransform::Upper;
  s["toc-1"] = style("sans-bold", kBodySize, 14, A::Left);
  s["toc-2"] = style("serif", kBodySize, kBodyLeading, A::Left);
  s["toc-2"].left_indent = 10;
  s["running-header"] = style("sans", 7, 9, A::Center);
  s["folio"] = style("sans", 8, 10, A::Center);
  s["cover-h1"] = style("sans-bold", 20, 24, A::Center);
  s["cover-h1"].color = "paper";
  s["cover-h1"].transform = model::CaseTransform::Upper;
  s["cover-h1"].space_before = 40;

  model::MasterPage body;
  body.name = "body";
  body.header = "{title} · {section}";
  body.header_style = "running-header";
  body.footer = "{page}";
  body.footer_style = "folio";
  d.masters["body"] = body;
  if (with_cover) {
    model::MasterPage cover;
    cover.name = "cover";
    cover.role = model::MasterRole::First;
    cover.numbered = false;
    cover.listed = false;
    cover.background = "dark";
    d.masters["cover"] = cover;
  }
  model::MasterPage back;
  back.name = "back";
  back.role = model::MasterRole::Last;
  back.numbered = false;
  back.listed = false;
  back.background = "dark";
  d.masters["back"] = back;
  return d;
}

model::Design small_poster(model::FitMode headline_fit) {
  model::Design d;
  d.path = "mem-poster.toml";
  d.where = {d.path, 1, 1};
  d.page_width = 400;
  d.page_height = 500;
  d.margin_top = d.margin_bottom = d.margin_inner = d.margin_outer = 20;
  add_fonts_and_colours(d);
  d.styles["body"] = style("serif", 12, 15, model::Align::Justify);
  d.styles["h1"] = style("sans-bold", 40, 44, model::Align::Center);
  model::MasterPage poster;
  poster.name = "poster";
  model::Frame headline;
  headline.name = "headline";
  headline.x = 20, headline.y = 20, headline.width = 360, headline.height = 100;
  headline.fit = headline_fit;
  headline.where = {d.path, 10, 1};
  model::Frame text;
  text.name = "text";
  text.x = 20, text.y = 140, text.width = 360, text.height = 300;
  text.columns = 2;
  text.gutter = 12;
  text.where = {d.path, 20, 1};
  poster.frames = {headline, text};
  d.masters["poster"] = poster;
  return d;
}

model::Block paragraph(const std::string& text, const std::string& style_name) {
  model::Block b = block(model::Paragraph{text_of(text)});
  b.style = style_name;
  return b;
}

model::Block heading(int level, const std::string& text, const std::string& id) {
  model::Heading h;
  h.level = level;
  h.text = text_of(text);
  model::Block b = block(h);
  b.id = id;
  return b;
}

model::Block page_break(const std::string& master) { return block(model::PageBreak{master}); }

model::Block quote(const std::string& text, const std::string& attribution) {
  return block(model::Quote{text_of(text), attribution});
}

model::Block list(std::vector<std::string> items, bool numbered) {
  model::List l;
  l.numbered = numbered;
  for (const std::string& item : items) l.items.push_back(text_of(item));
  return block(l);
}

model::Block facts(std::vector<model::FactFigure> figures) { return block(model::Facts{std::move(figures)}); }

model::Block timeline(std::vector<std::pair<std::string, std::string>> entries) {
  model::Timeline t;
  for (auto& [date, event] : entries) t.entries.push_back({date, text_of(event)});
  return block(t);
}

model::Block names(std::vector<std::vector<model::NameCell>> rows, std::vector<std::string> header) {
  return block(model::Names{std::move(header), std::move(rows)});
}

model::Block contents() { return block(model::Contents{}); }

model::Block figure(int pixel_width, int pixel_height, const std::string& caption, const std::string& credit) {
  model::Figure f;
  f.image = "images/memorial.png";
  f.file.path = "/nonexistent/images/memorial.png";  // never opened by the layout
  f.file.format = "png";
  f.file.width = pixel_width;
  f.file.height = pixel_height;
  f.file.color = model::ImageColor::Rgb;
  if (!caption.empty()) f.caption = text_of(caption);
  f.credit = credit;
  f.alt = "A memorial";
  return block(f);
}

model::Block ornament_figure(const std::string& ornament, const std::string& alt) {
  model::Figure f;
  f.ornament = ornament;
  f.alt = alt;
  return block(f);
}

model::Block in_frame(model::Block b, const std::string& frame) {
  b.frame = frame;
  return b;
}

model::Document document(std::vector<model::Block> blocks, const std::string& lang, const std::string& title) {
  model::Document doc;
  doc.path = "mem.toml";
  doc.meta.title = title;
  doc.meta.language = lang;
  doc.meta.date = "2026-01-20";
  doc.meta.url = "https://example.org/20-yanvar";
  doc.blocks = std::move(blocks);
  return doc;
}

std::string sentence(int n, int words) {
  static const char* kWords[] = {"Hər",     "il",      "yanvarın", "iyirmisində", "insanlar",  "Bakıda",
                                 "Şəhidlər", "Xiyabanını", "ziyarət", "edir",        "və",        "həlak",
                                 "olanların", "xatirəsini", "ehtiramla", "yad",      "edirlər",   "bu",
                                 "gün",     "Ümumxalq", "Hüzn",     "Günüdür"};
  std::string s = "(" + std::to_string(n) + ")";
  for (int i = 0; i < words; ++i) s += std::string(" ") + kWords[i % (sizeof kWords / sizeof *kWords)];
  return s + ".";
}

std::vector<model::Block> paragraphs(int first, int count, int words) {
  std::vector<model::Block> out;
  for (int i = 0; i < count; ++i) out.push_back(paragraph(sentence(first + i, words)));
  return out;
}

double run_width(const model::PagedDocument& doc, const model::GlyphRun& run) {
  int upem = doc.fonts.at(static_cast<size_t>(run.font)).units_per_em;
  double w = 0;
  for (const model::Glyph& g : run.glyphs) w += g.x_advance * run.size / upem * run.hscale + g.extra;
  return w;
}

std::vector<RunOnPage> runs_with(const Laid& laid, std::string_view text) {
  std::vector<RunOnPage> out;
  for (size_t p = 0; p < laid.doc.pages.size(); ++p)
    for (const model::PageItem& item : laid.doc.pages[p].items)
      if (const auto* run = std::get_if<model::GlyphRun>(&item); run && run->text.find(text) != std::string::npos)
        out.push_back({static_cast<int>(p), run, run_width(laid.doc, *run)});
  return out;
}

std::vector<RunOnPage> runs_equal(const Laid& laid, std::string_view text) {
  std::vector<RunOnPage> out;
  for (const RunOnPage& r : runs_with(laid, text))
    if (r.run->text == text) out.push_back(r);
  return out;
}

int page_of(const Laid& laid, std::string_view text) {
  std::vector<RunOnPage> found = runs_with(laid, text);
  return found.empty() ? -1 : found.front().page;
}

std::vector<const model::GlyphRun*> artifact_runs(const model::Page& page) {
  std::vector<const model::GlyphRun*> out;
  for (const model::GlyphRun* run : items_of<model::GlyphRun>(page))
    if (run->tag < 0) out.push_back(run);
  return out;
}

std::string page_text(const model::Page& page) {
  std::string out;
  for (const model::GlyphRun* run : items_of<model::GlyphRun>(page))
    if (run->tag >= 0) out += (out.empty() ? "" : " ") + run->text;
  return out;
}

std::string messages(const DiagnosticSink& sink) {
  std::string out;
  for (const Diagnostic& d : sink.diagnostics()) out += format_diagnostic(d) + "\n";
  return out;
}

std::vector<double> baselines(const model::Page& page) {
  std::set<double> ys;
  for (const model::GlyphRun* run : items_of<model::GlyphRun>(page))
    if (run->tag >= 0) ys.insert(std::round(run->y * 1000) / 1000);
  return {ys.begin(), ys.end()};
}

void LayoutTest::SetUpTestSuite() {
  if (fonts_) return;
  load::LoadOptions options;
  options.root = jan20::testing::source_dir();
  DiagnosticSink sink;
  model::FontManifest manifest = load::load_font_manifest("fonts/manifest.toml", options, sink);
  ASSERT_FALSE(sink.has_errors()) << messages(sink);
  ASSERT_FALSE(manifest.fonts.empty());
  fonts_ = std::make_unique<font::FontCollection>(options.root, std::move(manifest));
  cache_ = std::make_unique<text::ShapeCache>();
}

void LayoutTest::TearDownTestSuite() {
  cache_.reset();
  fonts_.reset();
}

Laid LayoutTest::lay_out(const model::Document& doc, const model::Design& design, int threads) {
  Laid laid;
  TypesetOptions options;
  options.root = jan20::testing::source_dir();
  options.producer = "layout tests";
  options.threads = threads;
  laid.doc = typeset(doc, design, *fonts_, *cache_, options, laid.sink, &laid.report);
  return laid;
}

}  // namespace jan20::layout::testing
