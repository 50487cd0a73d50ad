#include "layout/ornaments.h"
#include "core/c_handle.h"

#include <qrencode.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>

namespace jan20::layout {

namespace {

using Op = model::PathSegment::Op;
constexpr double kPi = 3.14159265358979323846;

Color named(const model::Design& d, const std::string& name, Color fallback) {
  auto it = d.colors.find(name);
  return it == d.colors.end() ? fallback : it->second;
}

void move(model::Path& p, double x, double y) { p.segments.push_back({Op::Move, x, y}); }
void line(model::Path& p, double x, double y) { p.segments.push_back({Op::Line, x, y}); }
void curve(model::Path& p, double x1, double y1, double x2, double y2, double x3, double y3) {
  p.segments.push_back({Op::Curve, x1, y1, x2, y2, x3, y3});
}
void close(model::Path& p) { p.segments.push_back({Op::Close}); }

// A circle as four Bézier quarter arcs (kappa = 0.5523).
void circle(model::Path& p, double cx, double cy, double r) {
  const double k = 0.5523 * r;
  move(p, cx + r, cy);
  curve(p, cx + r, cy + k, cx + k, cy + r, cx, cy + r);
  curve(p, cx - k, cy + r, cx - r, cy + k, cx - r, cy);
  curve(p, cx - r, cy - k, cx - k, cy - r, cx, cy - r);
  curve(p, cx + k, cy - r, cx + r, cy - k, cx + r, cy);
  close(p);
}

// The flag of Azerbaijan: three equal horizontal bands (blue, red, green),
// on the red band a white crescent and a white eight-pointed star. 1:2.
std::vector<model::Path> flag(const model::Ornament& o, const model::Design& d) {
  double w = o.width, h = o.height;
  if (w > 2 * h) w = 2 * h; else h = w / 2;
  double x0 = o.x + (o.width - w) / 2, y0 = o.y + (o.height - h) / 2;
  std::vector<model::Path> out;
  out.push_back(rectangle(x0, y0, w, h / 3, named(d, "flag-blue", Color::cmyk(1, 0.05, 0, 0))));
  out.push_back(rectangle(x0, y0 + h / 3, w, h / 3, named(d, "flag-red", Color::cmyk(0, 0.9, 0.75, 0.05))));
  out.push_back(rectangle(x0, y0 + 2 * h / 3, w, h / 3, named(d, "flag-green", Color::cmyk(0.9, 0, 0.85, 0.1))));
  Color white = Color::cmyk(0, 0, 0, 0);
  double cy = y0 + h / 2, cx = x0 + w / 2;
  // Crescent: a white disc with a red disc laid over it, shifted right.
  model::Path outer;
  circle(outer, cx - 0.05 * h, cy, 0.15 * h);
  outer.fill = white;
  model::Path inner;
  circle(inner, cx - 0.05 * h + 0.0333 * h, cy, 0.125 * h);
  inner.fill = named(d, "flag-red", Color::cmyk(0, 0.9, 0.75, 0.05));
  model::Path star;
  double sx = cx + 0.1 * h, ro = 0.0833 * h, ri = ro * 0.45;
  for (int i = 0; i < 16; ++i) {
    double a = -kPi / 2 + i * kPi / 8;
    double r = (i % 2 == 0) ? ro : ri;
    (i == 0 ? move : line)(star, sx + r * std::cos(a), cy + r * std::sin(a));
  }
  close(star);
  star.fill = white;
  out.push_back(outer);
  out.push_back(inner);
  out.push_back(star);
  return out;
}

// Points along a cubic Bézier segment (the first point left out).
void sample(std::vector<std::array<double, 2>>& pts, std::array<double, 8> c, int steps) {
  for (int i = 1; i <= steps; ++i) {
    double t = static_cast<double>(i) / steps, u = 1 - t;
    double a = u * u * u, b = 3 * u * u * t, cc = 3 * u * t * t, d = t * t * t;
    pts.push_back({a * c[0] + b * c[2] + cc * c[4] + d * c[6], a * c[1] + b * c[3] + cc * c[5] + d * c[7]});
  }
}

// The outline of a band of `width` along the polyline `pts`: the left edge
// forward, the right edge back. A free end (`notch`) is cut with a
// swallowtail, as ribbon ends are.
std::vector<std::array<double, 2>> band_outline(const std::vector<std::array<double, 2>>& pts, double width,
                                                bool notch_start, bool notch_end) {
  const size_t n = pts.size();
  std::vector<std::array<double, 2>> left, right;
  for (size_t i = 0; i < n; ++i) {
    const auto& a = pts[i == 0 ? 0 : i - 1];
    const auto& b = pts[i + 1 < n ? i + 1 : n - 1];
    double dx = b[0] - a[0], dy = b[1] - a[1], len = std::hypot(dx, dy);
    if (len == 0) len = 1;
    double nx = -dy / len * width / 2, ny = dx / len * width / 2;
    left.push_back({pts[i][0] + nx, pts[i][1] + ny});
    right.push_back({pts[i][0] - nx, pts[i][1] - ny});
  }
  auto inward = [&](size_t at, size_t toward) {  // the centre point moved into the band
    double dx = pts[toward][0] - pts[at][0], dy = pts[toward][1] - pts[at][1], len = std::hypot(dx, dy);
    if (len == 0) len = 1;
    return std::array<double, 2>{pts[at][0] + dx / len * width * 0.7, pts[at][1] + dy / len * width * 0.7};
  };
  std::vector<std::array<double, 2>> out(left);
  if (notch_end) out.push_back(inward(n - 1, n - 4));
  for (size_t i = n; i-- > 0;) out.push_back(right[i]);
  if (notch_start) out.push_back(inward(0, 3));
  return out;
}

model::Path polyline(const std::vector<std::array<double, 2>>& pts, bool closed) {
  model::Path p;
  for (size_t i = 0; i < pts.size(); ++i) (i == 0 ? move : line)(p, pts[i][0], pts[i][1]);
  if (closed) close(p);
  return p;
}

// A mourning ribbon: a band folded into a loop at the top whose two tails
// cross and hang down with swallowtail ends. Filled with the ornament's
// colour (black by default); `stroke` outlines it, so that a black ribbon
// still reads on a dark ground, and marks which tail lies on top.
std::vector<model::Path> ribbon(const model::Ornament& o, const model::Design& d) {
  double w = std::min(o.width, o.height * 0.55);
  double h = w / 0.55, cx = o.x + o.width / 2, top = o.y + (o.height - h) / 2;
  double bw = 0.24 * w;  // the band's width
  auto X = [&](double f) { return cx + f * w; };
  auto Y = [&](double f) { return top + f * h; };
  // Centre line: from the lower-right end up over the loop's top and down to
  // the lower-left end; the two halves cross at about 0.55 h.
  std::array<double, 2> apex{X(0.0), Y(0.0) + bw / 2};
  std::vector<std::array<double, 2>> whole{{X(0.36), Y(1.0) - bw * 0.5}};
  sample(whole, {X(0.36), Y(1.0) - bw * 0.5, X(0.02), Y(0.60), X(-0.46), Y(0.06), apex[0], apex[1]}, 32);
  std::vector<std::array<double, 2>> over{apex};
  sample(over, {apex[0], apex[1], X(0.46), Y(0.06), X(-0.02), Y(0.60), X(-0.36), Y(1.0) - bw * 0.5}, 32);
  whole.insert(whole.end(), over.begin() + 1, over.end());
  Color fill = named(d, o.color.empty() ? "mourning" : o.color, Color::cmyk(0, 0, 0, 1));
  model::Path under = polyline(band_outline(whole, bw, true, true), true);
  model::Path top_fill = polyline(band_outline(over, bw, false, true), true);
  under.fill = fill;
  top_fill.fill = fill;
  std::vector<model::Path> out{under, top_fill};
  if (!o.stroke.empty()) {
    // The upper tail's edges, open at the loop where it joins the rest.
    model::Path edge = polyline(band_outline(over, bw, false, true), false);
    edge.stroke = named(d, o.stroke, Color::cmyk(0, 0, 0, 0));
    edge.line_width = o.line_width;
    out[0].stroke = edge.stroke;
    out[0].line_width = o.line_width;
    out.push_back(std::move(edge));
  }
  return out;
}

// A red carnation: a fringed flower head, a green calyx and stem, two leaves.
std::vector<model::Path> carnation(const model::Ornament& o, const model::Design& d) {
  double s = std::min(o.width, o.height * 0.5);
  double h = s * 2, cx = o.x + o.width / 2, top = o.y + (o.height - h) / 2;
  Color red = named(d, o.color.empty() ? "carnation" : o.color, Color::cmyk(0, 1, 0.85, 0.1));
  Color green = named(d, "leaf", Color::cmyk(0.75, 0.1, 0.9, 0.35));
  std::vector<model::Path> out;
  // Stem and leaves first, so the head covers their ends.
  model::Path stem;
  move(stem, cx, top + 0.42 * h);
  curve(stem, cx + 0.02 * s, top + 0.65 * h, cx - 0.03 * s, top + 0.85 * h, cx, top + h);
  stem.stroke = green;
  stem.line_width = 0.05 * s;
  out.push_back(stem);
  for (int side : {-1, 1}) {
    model::Path leaf;
    double ly = top + (side < 0 ? 0.70 : 0.60) * h;
    move(leaf, cx, ly);
    curve(leaf, cx + side * 0.15 * s, ly - 0.10 * s, cx + side * 0.35 * s, ly - 0.18 * s, cx + side * 0.45 * s, ly - 0.30 * s);
    curve(leaf, cx + side * 0.30 * s, ly - 0.05 * s, cx + side * 0.15 * s, ly + 0.02 * s, cx, ly + 0.04 * s);
    close(leaf);
    leaf.fill = green;
    out.push_back(leaf);
  }
  model::Path calyx;
  move(calyx, cx - 0.14 * s, top + 0.30 * h);
  line(calyx, cx + 0.14 * s, top + 0.30 * h);
  curve(calyx, cx + 0.10 * s, top + 0.38 * h, cx + 0.04 * s, top + 0.44 * h, cx, top + 0.45 * h);
  curve(calyx, cx - 0.04 * s, top + 0.44 * h, cx - 0.10 * s, top + 0.38 * h, cx - 0.14 * s, top + 0.30 * h);
  close(calyx);
  calyx.fill = green;
  out.push_back(calyx);
  // The head: a fan whose upper edge is a fringe of small teeth.
  model::Path head;
  double base_y = top + 0.31 * h, r = 0.42 * s, hy = top + 0.28 * h;
  move(head, cx - 0.16 * s, base_y);
  const int teeth = 22;
  for (int i = 0; i <= teeth; ++i) {
    double a = kPi + kPi * i / teeth;       // from left (pi) over the top to right (2 pi)
    double rr = r * (i % 2 == 0 ? 1.0 : 0.84);
    line(head, cx + rr * std::cos(a), hy + 0.85 * rr * std::sin(a));
  }
  line(head, cx + 0.16 * s, base_y);
  close(head);
  head.fill = red;
  out.push_back(head);
  // Darker folds give the petals depth.
  for (double k : {-0.5, 0.0, 0.5}) {
    model::Path fold;
    move(fold, cx + k * 0.1 * s, base_y - 0.02 * s);
    line(fold, cx + k * 0.55 * r, hy - 0.55 * r);
    fold.stroke = named(d, "carnation-dark", Color::cmyk(0, 1, 0.9, 0.45));
    fold.line_width = 0.025 * s;
    out.push_back(fold);
  }
  return out;
}

std::vector<model::Path> qr(const model::Ornament& o, const model::Design& d, const std::string& url) {
  if (url.empty()) return {};
  CHandle<QRcode, QRcode_free> code(QRcode_encodeString8bit(url.c_str(), 0, QR_ECLEVEL_M));
  if (!code) return {};
  const int n = code->width, quiet = 4;
  double size = std::min(o.width, o.height);
  double module = size / (n + 2 * quiet);
  double x0 = o.x + (o.width - size) / 2 + quiet * module, y0 = o.y + (o.height - size) / 2 + quiet * module;
  std::vector<model::Path> out;
  out.push_back(rectangle(x0 - quiet * module, y0 - quiet * module, size, size, Color::cmyk(0, 0, 0, 0)));
  model::Path dark;
  for (int r = 0; r < n; ++r) {
    for (int c = 0; c < n;) {
      if (!(code->data[r * n + c] & 1)) {
        ++c;
        continue;
      }
      int run = c;
      while (run < n && (code->data[r * n + run] & 1)) ++run;  // merge a row's dark modules
      double x = x0 + c * module, y = y0 + r * module, w = (run - c) * module;
      move(dark, x, y);
      line(dark, x + w, y);
      line(dark, x + w, y + module);
      line(dark, x, y + module);
      close(dark);
      c = run;
    }
  }
  dark.fill = named(d, o.color.empty() ? "text" : o.color, Color::cmyk(0, 0, 0, 1));
  out.push_back(dark);
  return out;
}

}  // namespace

model::Path rectangle(double x, double y, double w, double h, Color fill) {
  model::Path p;
  move(p, x, y);
  line(p, x + w, y);
  line(p, x + w, y + h);
  line(p, x, y + h);
  close(p);
  p.fill = fill;
  return p;
}

std::vector<model::Path> draw_ornament(const model::Ornament& o, const model::Design& d, const std::string& url) {
  if (o.kind == "flag") return flag(o, d);
  if (o.kind == "ribbon") return ribbon(o, d);
  if (o.kind == "carnation") return carnation(o, d);
  if (o.kind == "qr") return qr(o, d, url);
  model::Path p;
  if (o.kind == "rule") {
    move(p, o.x, o.y + o.height / 2);
    line(p, o.x + o.width, o.y + o.height / 2);
    p.stroke = named(d, o.color.empty() ? "text" : o.color, Color::cmyk(0, 0, 0, 1));
    p.line_width = o.height > 0 ? o.height : o.line_width;
    return {p};
  }
  // "box"
  p = rectangle(o.x, o.y, o.width, o.height, named(d, o.color, Color::cmyk(0, 0, 0, 0)));
  if (o.color.empty()) p.fill.reset();
  if (!o.stroke.empty()) {
    p.stroke = named(d, o.stroke, Color::cmyk(0, 0, 0, 1));
    p.line_width = o.line_width;
  }
  return {p};
}

}  // namespace jan20::layout
