#include "pdf/registration.h"

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include "core/json.h"

namespace jan20::pdf {
namespace {

struct Box {
  double left = std::numeric_limits<double>::max(), top = std::numeric_limits<double>::max();
  double right = std::numeric_limits<double>::lowest(), bottom = std::numeric_limits<double>::lowest();
  void add(double x, double y) {
    left = std::min(left, x), right = std::max(right, x);
    top = std::min(top, y), bottom = std::max(bottom, y);
  }
  bool holds(const Box& b) const {
    return left <= b.left && right >= b.right && top <= b.top && bottom >= b.bottom;
  }
};

Box path_box(const model::Path& path) {
  Box b;
  for (const model::PathSegment& s : path.segments) {
    switch (s.op) {
      case model::PathSegment::Op::Move:
      case model::PathSegment::Op::Line: b.add(s.x1, s.y1); break;
      case model::PathSegment::Op::Curve:  // the control points bound the curve
        b.add(s.x1, s.y1), b.add(s.x2, s.y2), b.add(s.x3, s.y3);
        break;
      case model::PathSegment::Op::Close: break;
    }
  }
  return b;
}

// The run's advance box: from its origin along its advances, ascender to
// descender taken as 0.8 and 0.2 of the size.
Box run_box(const model::GlyphRun& run, const model::PagedDocument& doc) {
  double upem = 1000;
  if (run.font >= 0 && static_cast<size_t>(run.font) < doc.fonts.size())
    upem = doc.fonts[static_cast<size_t>(run.font)].units_per_em;
  double width = 0;
  for (const model::Glyph& g : run.glyphs) width += g.x_advance * run.size / upem * run.hscale + g.extra;
  Box b;
  b.add(run.x, run.y - 0.8 * run.size);
  b.add(run.x + width, run.y + 0.2 * run.size);
  return b;
}

std::string inks_text(const Color& printed) {
  static const char* names[] = {"C", "M", "Y", "K"};
  std::string out;
  for (int i = 0; i < 4; ++i) {
    if (!out.empty()) out += " ";
    out += std::string(names[i]) + " " + format_number(printed.v[static_cast<size_t>(i)] * 100, 1);
  }
  return out;
}

std::string pages_text(const std::vector<int>& pages) {
  std::string out = pages.size() == 1 ? "page " : "pages ";
  for (size_t i = 0; i < pages.size(); ++i) out += (i ? ", " : "") + std::to_string(pages[i]);
  return out;
}

std::string located(const LayoutSource& s) {
  if (s.where.file.empty()) return s.what;
  std::string at = s.where.file;
  if (s.where.line > 0) at += ":" + std::to_string(s.where.line);
  if (s.where.line > 0 && s.where.column > 0) at += ":" + std::to_string(s.where.column);
  return s.what + " (" + at + ")";
}

// One finding: a style (and a background) in trouble, on some pages.
struct Finding {
  LayoutSource text;
  std::optional<LayoutSource> background;
  Color text_color, background_color;
  double size = 0;
  std::vector<int> pages;
};

}  // namespace

int ink_count(const Color& c) {
  Color printed = c.to_cmyk();
  return static_cast<int>(std::count_if(printed.v.begin(), printed.v.end(), [](double v) { return v > 0.0005; }));
}

void check_registration(const model::PagedDocument& doc, const RegistrationSources& sources, DiagnosticSink& sink) {
  std::vector<Finding> findings;  // in order of first occurrence
  std::map<std::string, size_t> index;
  auto record = [&](const std::string& key, Finding f, int page) {
    auto [it, fresh] = index.try_emplace(key, findings.size());
    if (fresh) findings.push_back(std::move(f));
    std::vector<int>& pages = findings[it->second].pages;
    if (pages.empty() || pages.back() != page) pages.push_back(page);
  };

  for (size_t i = 0; i < doc.pages.size(); ++i) {
    const int page = static_cast<int>(i) + 1;
    std::vector<std::pair<Box, Color>> fills;  // painted so far, in order
    for (const model::PageItem& item : doc.pages[i].items) {
      if (const auto* path = std::get_if<model::Path>(&item)) {
        if (path->fill && !path->segments.empty()) fills.emplace_back(path_box(*path), *path->fill);
        continue;
      }
      const auto* run = std::get_if<model::GlyphRun>(&item);
      if (!run || run->glyphs.empty()) continue;
      auto source = [&] { return sources.text ? sources.text(run->color, run->size) : LayoutSource{"text", {}}; };
      const std::string size_key = format_number(run->size, 2);
      if (run->size < kSmallTextSize - 1e-6 && ink_count(run->color) > 1) {
        LayoutSource s = source();
        record("small " + s.what + " " + size_key + " " + inks_text(run->color.to_cmyk()),
               {s, std::nullopt, run->color, {}, run->size, {}}, page);
      }
      if (run->size >= kSmallReversedSize - 1e-6) continue;
      Box box = run_box(*run, doc);
      auto under = std::find_if(fills.rbegin(), fills.rend(), [&](const auto& f) { return f.first.holds(box); });
      if (under == fills.rend()) continue;
      const Color& background = under->second;
      bool reversed = run->color.to_cmyk().total_ink_percent() < background.to_cmyk().total_ink_percent();
      if (!reversed || ink_count(background) < 2) continue;
      LayoutSource s = source();
      LayoutSource b = sources.fill ? sources.fill(background) : LayoutSource{"a background", {}};
      record("reversed " + s.what + " " + size_key + " " + b.what, {s, b, run->color, background, run->size, {}}, page);
    }
  }

  for (const Finding& f : findings) {
    const std::string size = format_number(f.size, 2) + " pt";
    if (!f.background) {
      sink.warning(f.text.where,
                   pages_text(f.pages) + ": " + f.text.what + " sets " + size + " text in " +
                       std::to_string(ink_count(f.text_color)) + " inks (" + inks_text(f.text_color.to_cmyk()) +
                       "); type under " + format_number(kSmallTextSize, 0) +
                       " pt in more than one ink blurs when the plates are off register",
                   "give it a one-ink colour (black [0, 0, 0, 100], or a gray), or set it at " +
                       format_number(kSmallTextSize, 0) + " pt or more");
    } else {
      sink.warning(f.text.where,
                   pages_text(f.pages) + ": " + f.text.what + " sets " + size + " text reversed out of " +
                       located(*f.background) + ", a background in " +
                       std::to_string(ink_count(f.background_color)) + " inks (" +
                       inks_text(f.background_color.to_cmyk()) + "); reversed type under " +
                       format_number(kSmallReversedSize, 0) + " pt fills in when the plates are off register",
                   "make the background one ink (black [0, 0, 0, 100]), or set the text at " +
                       format_number(kSmallReversedSize, 0) + " pt or more");
    }
  }
}

}  // namespace jan20::pdf
