#include "layout/ornaments.h"

#include <qrencode.h>

#include <algorithm>
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

// A black mourning ribbon: one band that rises from the lower left, loops
// over the top and comes down to the lower right, crossing itself once.
std::vector<model::Path> ribbon(const model::Ornament& o, const model::Design& d) {
  double s = std::min(o.width, o.height * 0.62);
  double cx = o.x + o.width / 2, top = o.y + (o.height - s / 0.62) / 2, h = s / 0.62;
  model::Path band;
  move(band, cx - 0.30 * s, top + 0.98 * h);
  curve(band, cx + 0.10 * s, top + 0.55 * h, cx + 0.42 * s, top + 0.05 * h, cx, top + 0.04 * h);
  curve(band, cx - 0.42 * s, top + 0.05 * h, cx - 0.10 * s, top + 0.55 * h, cx + 0.30 * s, top + 0.98 * h);
  band.stroke = named(d, o.color.empty() ? "mourning" : o.color, Color::cmyk(0, 0, 0, 1));
  band.line_width = 0.16 * s;
  return {band};
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
  std::unique_ptr<QRcode, void (*)(QRcode*)> code(
      QRcode_encodeString8bit(url.c_str(), 0, QR_ECLEVEL_M), QRcode_free);
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
