#include "layout/poster.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/units.h"
#include "layout/ornaments.h"

namespace jan20::layout {

namespace {

struct FrameSetting {
  std::vector<VerticalEntry> entries;
  std::vector<PageFlow> flow;
  double used_height = 0;
  bool fits = false;
  int overfull = 0;
};

std::vector<ColumnBox> frame_columns(const void* context, int page, const std::string&) {
  const model::Frame& f = *static_cast<const model::Frame*>(context);
  if (page > 0) return {{0, 0, f.width, 1e9}};  // overflow page: tells us it did not fit
  int n = std::max(1, f.columns);
  double w = (f.width - f.gutter * (n - 1)) / n;
  std::vector<ColumnBox> cols;
  for (int i = 0; i < n; ++i) cols.push_back({i * (w + f.gutter), 0, w, f.height});
  return cols;
}

// Lowest column height at which the entries still fit the frame's columns on
// one page: the columns end together (the first one line longer at most).
double balanced_height(const std::vector<VerticalEntry>& entries, const model::Frame& frame, double used) {
  model::Frame trial = frame;
  auto fits = [&](double h) {
    trial.height = h;
    std::vector<PageFlow> flow = paginate({&entries, "body", &trial, frame_columns});
    return flow.size() == 1 && !flow[0].forced_overflow;
  };
  double lo = used / std::max(1, frame.columns), hi = frame.height;
  if (fits(lo)) return lo;
  for (int i = 0; i < 16 && hi - lo > 0.5; ++i) {
    double mid = (lo + hi) / 2;
    (fits(mid) ? hi : lo) = mid;
  }
  return hi;
}

// `trial`: only whether it fits matters (fitting_scale), so setting stops as
// soon as the content set so far is taller than all the frame's columns
// together: a fill frame with half a million characters costs what fills it,
// at each of the scales tried, not what sets all of it.
FrameSetting typeset_frame(BuildContext& base, const model::Frame& frame, const std::vector<const model::Block*>& blocks,
                       double scale, DiagnosticSink& sink, TagTree* tags, bool trial = false, bool balance = false) {
  BuildContext ctx = base.with_sink(sink);
  TypesetReport report;
  ctx.report = &report;
  TagTree scratch;
  ctx.tags = tags ? tags : &scratch;
  ctx.contents = nullptr;
  int n = std::max(1, frame.columns);
  ctx.measure = (frame.width - frame.gutter * (n - 1)) / n;
  ctx.column_height = frame.height;
  ctx.scale = scale;
  BlockBuilder builder(ctx);
  const double capacity = n * frame.height;
  for (const model::Block* b : blocks) {
    ctx.tags->set_block(static_cast<int>(b - base.doc.blocks.data()));
    if (frame.style.empty() || !b->style.empty() || !b->is<model::Paragraph>()) {
      builder.add(*b);
    } else {
      model::Block styled = *b;  // the frame's default paragraph style
      styled.style = frame.style;
      builder.add(styled, &b->where);
    }
    if (trial && builder.content_height() > capacity) return {};  // fits = false
  }
  FrameSetting s;
  s.entries = builder.take();
  s.flow = paginate({&s.entries, "body", &frame, frame_columns});
  s.overfull = builder.overfull_lines();
  s.fits = s.flow.size() == 1 && s.overfull == 0 && !s.flow[0].forced_overflow;
  if (balance && s.fits && frame.columns > 1) {
    double content = 0;
    for (const auto& col : s.flow[0].columns)
      if (!col.empty()) content += col.back().y + s.entries[col.back().entry].height;
    model::Frame balanced = frame;
    balanced.height = balanced_height(s.entries, frame, content);
    s.flow = paginate({&s.entries, "body", &balanced, frame_columns});
  }
  for (const auto& col : s.flow.empty() ? std::vector<std::vector<PlacedEntry>>{} : s.flow[0].columns)
    if (!col.empty()) s.used_height = std::max(s.used_height, col.back().y + s.entries[col.back().entry].height);
  if (s.flow.size() > 1) {
    for (size_t p = 1; p < s.flow.size(); ++p)
      for (const auto& col : s.flow[p].columns)
        if (!col.empty()) s.used_height += col.back().y + s.entries[col.back().entry].height;
    s.used_height += frame.height;
  }
  if (base.report) {
    // The poster is page 1; lines in no column (text that did not fit its
    // frame, an error) keep page 0.
    if (!s.flow.empty())
      for (const auto& col : s.flow[0].columns)
        for (const PlacedEntry& placed : col) {
          const VerticalEntry& v = s.entries[placed.entry];
          if (v.paragraph >= 0 && v.line >= 0) report.paragraphs[static_cast<size_t>(v.paragraph)].lines[static_cast<size_t>(v.line)].page = 1;
          for (int boxed : v.notes().boxed_paragraphs)
            for (LineReport& line : report.paragraphs[static_cast<size_t>(boxed)].lines) line.page = 1;
        }
    for (auto& p : report.paragraphs) base.report->paragraphs.push_back(std::move(p));
  }
  return s;
}

// Largest scale in [lo, hi] at which the frame's text fits (bisection; the
// fit is monotonic in the scale for all practical text).
double fitting_scale(BuildContext& ctx, const model::Frame& frame, const std::vector<const model::Block*>& blocks,
                     double lo, double hi) {
  TypesetReport* saved = ctx.report;
  ctx.report = nullptr;
  DiagnosticSink scratch;
  if (typeset_frame(ctx, frame, blocks, hi, scratch, nullptr, true).fits) {
    ctx.report = saved;
    return hi;
  }
  // Geometric bisection: the range spans two orders of magnitude, and 12
  // halvings of its logarithm fix the scale to within 0.2 %.
  for (int i = 0; i < 12; ++i) {
    double mid = std::sqrt(lo * hi);
    DiagnosticSink trial;
    (typeset_frame(ctx, frame, blocks, mid, trial, nullptr, true).fits ? lo : hi) = mid;
  }
  ctx.report = saved;
  return lo;
}

}  // namespace

model::Page typeset_poster(BuildContext& ctx, const model::MasterPage& master) {
  const model::Design& design = ctx.design;
  model::Page page;
  page.width = design.page_width;
  page.height = design.page_height;
  page.bleed = design.bleed;
  if (!master.background.empty()) {
    auto c = design.colors.find(master.background);
    if (c != design.colors.end()) {
      model::Path bg = rectangle(-design.bleed, -design.bleed, page.width + 2 * design.bleed,
                                 page.height + 2 * design.bleed, c->second);
      bg.bleeds = true;
      page.items.push_back(bg);
    }
  }
  for (const model::Ornament& o : master.ornaments) {
    // Ornaments are artifacts, except the QR code: it carries the poster's
    // link, so it is a Figure whose /Alt is that link, read last.
    int tag = -1;
    if (o.kind == "qr" && ctx.tags && !ctx.doc.meta.url.empty()) {
      ctx.tags->set_block(static_cast<int>(ctx.doc.blocks.size()));
      tag = ctx.tags->add(0, "Figure", {}, ctx.doc.meta.url);
    }
    for (model::Path& p : draw_ornament(o, design, ctx.doc.meta.url)) {
      p.tag = tag;
      page.items.push_back(std::move(p));
    }
  }

  // Frames in the order their first block comes in the content: that is the
  // reading order of the poster.
  std::vector<const model::Frame*> order;
  for (const model::Block& b : ctx.doc.blocks) {
    if (b.is<model::PageBreak>()) continue;
    auto frame = std::find_if(master.frames.begin(), master.frames.end(),
                              [&](const model::Frame& f) { return f.name == b.frame; });
    if (frame == master.frames.end()) {
      std::string names;
      for (const auto& f : master.frames) names += (names.empty() ? "" : ", ") + f.name;
      ctx.sink.error(b.where, b.frame.empty() ? "this block names no frame; every block of a poster goes into a frame"
                                              : "no frame '" + b.frame + "' in the poster layout",
                     "set frame = one of: " + names);
      continue;
    }
    if (std::find(order.begin(), order.end(), &*frame) == order.end()) order.push_back(&*frame);
  }

  std::map<std::string, double> text_bottom;  // where each frame's text ends on the page
  for (const model::Frame* listed : order) {
    model::Frame placed = *listed;
    if (auto above = text_bottom.find(placed.follows); !placed.follows.empty() && above != text_bottom.end()) {
      double top = above->second + placed.gap;  // the free space of the frame above comes to this one
      if (top < placed.y + placed.height) {
        placed.height += placed.y - top;
        placed.y = top;
      }
    }
    const model::Frame* frame = &placed;
    std::vector<const model::Block*> blocks;
    for (const model::Block& b : ctx.doc.blocks)
      if (b.frame == frame->name && !b.is<model::PageBreak>()) blocks.push_back(&b);
    // The trials at each scale set the same texts: one working space for
    // all of them keeps what their texts alone decide (text_analysis.h).
    text::ParagraphScratch scratch;
    BuildContext frame_ctx = ctx.with_sink(ctx.sink);
    frame_ctx.scratch = &scratch;
    double scale = 1.0;
    if (frame->fit == model::FitMode::Shrink) scale = fitting_scale(frame_ctx, *frame, blocks, 0.1, 1.0);
    if (frame->fit == model::FitMode::Fill) scale = fitting_scale(frame_ctx, *frame, blocks, 0.1, 40.0);
    FrameSetting s = typeset_frame(frame_ctx, *frame, blocks, scale, ctx.sink, ctx.tags, false, frame->balance);
    if (!s.fits) {
      double over = s.used_height - frame->height;
      std::string by = over > 0 ? " by " + std::to_string(static_cast<int>(std::ceil(pt_to_mm(over)))) + " mm" : "";
      ctx.sink.error(frame->where, "the text of frame '" + frame->name + "' does not fit" + by,
                     frame->fit == model::FitMode::Overflow ? "shorten the text, enlarge the frame, or set fit = \"shrink\""
                                                             : "shorten the text or enlarge the frame");
    }
    double dy = frame->align_vertical == "center" ? (frame->height - s.used_height) / 2
                : frame->align_vertical == "bottom" ? frame->height - s.used_height
                                                    : 0;
    dy = std::max(0.0, dy);
    text_bottom[frame->name] = frame->y + dy + std::min(s.used_height, frame->height);
    std::vector<ColumnBox> cols = frame_columns(frame, 0, "");
    if (s.flow.empty()) continue;
    for (size_t c = 0; c < s.flow[0].columns.size(); ++c)
      for (const PlacedEntry& placed : s.flow[0].columns[c])
        for (model::PageItem item : s.entries[placed.entry].items) {
          double x = frame->x + cols[c].x, y = frame->y + dy + placed.y;
          std::visit([&](auto& it) {
            using T = std::decay_t<decltype(it)>;
            if constexpr (std::is_same_v<T, model::Path>) {
              for (auto& seg : it.segments) seg.x1 += x, seg.y1 += y, seg.x2 += x, seg.y2 += y, seg.x3 += x, seg.y3 += y;
            } else {
              it.x += x;
              it.y += y;
            }
          }, item);
          page.items.push_back(std::move(item));
        }
  }
  // Frames are set one after another; the poster is read in content order.
  if (ctx.tags) ctx.tags->sort_by_block();
  return page;
}

}  // namespace jan20::layout
