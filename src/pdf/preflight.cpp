#include "pdf/preflight.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/json.h"
#include "core/regular_file.h"
#include "core/units.h"
#include "pdf/paint.h"

namespace jan20::pdf {
namespace {

const char* device_space(const Color& c) {
  switch (c.space) {
    case Color::Space::Cmyk: return "DeviceCMYK";
    case Color::Space::Rgb: return "DeviceRGB";
    case Color::Space::Gray: return "DeviceGray";
  }
  return "DeviceGray";
}

// Ink of a colour as written: CMYK on print; on screen nothing is inked.
double ink(const Color& written) { return written.total_ink_percent(); }

// Black text in more than one ink: K at least 90 % with some C, M or Y.
bool rich_black(const Color& written) {
  return written.space == Color::Space::Cmyk && written.v[3] >= 0.9 &&
         written.v[0] + written.v[1] + written.v[2] > 0.001;
}

uint32_t be32(const unsigned char* p) {
  return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | p[3];
}
int be16(const unsigned char* p) { return (p[0] << 8) | p[1]; }

std::string pages_text(int page) { return "page " + std::to_string(page); }

}  // namespace

ImageHeader read_image_header(const std::string& path) {
  ImageHeader h;
  FileProblem problem;
  RegularFile file = RegularFile::open(path, kMaxImageFileBytes, &problem, /*whole_file=*/false);
  std::string bytes;
  if (!file.is_open() || !file.read_more(&bytes, 64 * 1024, &problem)) return h;
  std::vector<unsigned char> head(bytes.begin(), bytes.end());
  static const unsigned char kPng[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  if (head.size() >= 26 && std::equal(kPng, kPng + 8, head.begin()) && head[12] == 'I' && head[15] == 'R') {
    h.width = static_cast<int>(be32(&head[16]));
    h.height = static_cast<int>(be32(&head[20]));
    // IHDR colour type (PNG spec §11.2.2): 0 gray, 2 RGB, 3 palette, 4 gray+alpha, 6 RGB+alpha.
    switch (head[25]) {
      case 0: h.color_space = "DeviceGray"; break;
      case 2: h.color_space = "DeviceRGB"; break;
      case 3: h.color_space = "Indexed"; break;
      case 4: h.color_space = "DeviceGray"; h.alpha = true; break;
      case 6: h.color_space = "DeviceRGB"; h.alpha = true; break;
      default: return h;
    }
    h.ok = h.width > 0 && h.height > 0;
    return h;
  }
  if (head.size() >= 4 && head[0] == 0xFF && head[1] == 0xD8) {
    // Walk the markers to the frame header: height, width, components.
    size_t p = 2;
    while (p + 9 < head.size() && head[p] == 0xFF) {
      unsigned char marker = head[p + 1];
      if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        p += 2;
        continue;
      }
      bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (sof) {
        h.height = be16(&head[p + 5]);
        h.width = be16(&head[p + 7]);
        int components = head[p + 9];
        h.color_space = components == 1 ? "DeviceGray" : components == 4 ? "DeviceCMYK" : "DeviceRGB";
        h.ok = h.width > 0 && h.height > 0;
        return h;
      }
      p += 2 + static_cast<size_t>(be16(&head[p + 2]));
    }
  }
  return h;
}

Preflight preflight(const model::PagedDocument& doc, const PdfOptions& options) {
  Preflight out;
  out.target = options.target;
  if (options.target == Target::Print && !options.icc_profile.empty())
    out.output_intent = options.icc_profile.substr(options.icc_profile.find_last_of('/') + 1);

  std::set<int> used_fonts;
  std::map<std::string, ImageHeader> headers;  // each file read once
  for (size_t i = 0; i < doc.pages.size(); ++i) {
    const model::Page& page = doc.pages[i];
    PreflightPage p;
    p.number = static_cast<int>(i) + 1;
    p.label = page.label;
    p.boxes = page_geometry(page, options);
    p.marks = p.boxes.print && options.marks;
    std::set<std::string> spaces;
    auto fill = [&](const Color& c) {
      Color written = device_color(c, options.target);
      spaces.insert(device_space(written));
      p.max_fill_ink = std::max(p.max_fill_ink, ink(written));
      return written;
    };
    for (const model::PageItem& item : page.items) {
      if (const auto* run = std::get_if<model::GlyphRun>(&item)) {
        if (run->glyphs.empty()) continue;
        used_fonts.insert(run->font);
        if (rich_black(fill(run->color))) p.rich_black_text = true;
      } else if (const auto* path = std::get_if<model::Path>(&item)) {
        if (path->segments.empty()) continue;
        if (path->fill) fill(*path->fill);
        if (path->stroke) {
          Color written = device_color(*path->stroke, options.target);
          spaces.insert(device_space(written));
          p.max_stroke_ink = std::max(p.max_stroke_ink, ink(written));
        }
      } else if (const auto* image = std::get_if<model::Image>(&item)) {
        auto found = headers.find(image->path);
        if (found == headers.end()) found = headers.emplace(image->path, read_image_header(image->path)).first;
        const ImageHeader& h = found->second;
        PreflightImage pi;
        pi.path = image->path;
        pi.pixel_width = h.ok ? h.width : image->pixel_width;
        pi.pixel_height = h.ok ? h.height : image->pixel_height;
        pi.width = image->width;
        pi.height = image->height;
        // Pixels per inch of the printed size; the lower direction counts.
        double ppi_x = image->width > 0 ? pi.pixel_width / (image->width / kPointsPerInch) : 0;
        double ppi_y = image->height > 0 ? pi.pixel_height / (image->height / kPointsPerInch) : 0;
        pi.ppi = std::min(ppi_x, ppi_y);
        pi.color_space = h.color_space;
        pi.alpha = h.alpha;
        if (!h.color_space.empty()) spaces.insert(h.color_space);
        p.transparency = p.transparency || h.alpha;
        p.images.push_back(pi);
      }
    }
    // Marks are stroked in registration colour, 100 % of every ink.
    if (p.marks) spaces.insert("DeviceCMYK");
    p.color_spaces.assign(spaces.begin(), spaces.end());
    out.pages.push_back(std::move(p));
  }
  for (int id : used_fonts) {
    if (id < 0 || static_cast<size_t>(id) >= doc.fonts.size()) continue;
    const model::FontResource& f = doc.fonts[static_cast<size_t>(id)];
    out.fonts.push_back({f.postscript_name, f.path, true, f.subsetting_allowed});
  }
  return out;
}

void check_print_rules(const Preflight& p, const PrintRules& rules, const ImageLocator& where, DiagnosticSink& sink) {
  const bool print = p.target == Target::Print;
  std::set<std::string> reported_images;
  for (const PreflightPage& page : p.pages) {
    if (print && page.max_fill_ink > rules.ink_limit + 1e-6)
      sink.error({}, pages_text(page.number) + ": a fill uses " + format_number(page.max_fill_ink, 1) +
                         "% ink, over the layout's ink-limit of " + format_number(rules.ink_limit, 1) + "%",
                 "lower C, M or Y of the colours used on this page (a rich black is [40, 30, 30, 100])");
    if (print && page.max_stroke_ink > rules.ink_limit + 1e-6)
      sink.error({}, pages_text(page.number) + ": a line uses " + format_number(page.max_stroke_ink, 1) +
                         "% ink, over the layout's ink-limit of " + format_number(rules.ink_limit, 1) + "%",
                 "lower C, M or Y of the colours used on this page");
    if (print && page.rich_black_text)
      sink.warning({}, pages_text(page.number) + ": black text is printed in more than one ink (rich black)",
                   "give text a colour of [0, 0, 0, 100]: small type in four inks never registers");
    for (const PreflightImage& image : page.images) {
      // One report per image file and problem, at its figure in the content.
      SourceLocation at = where ? where(image.path) : SourceLocation{image.path};
      if (image.ppi > 0 && image.ppi < rules.min_ppi - 1e-6 && reported_images.insert("ppi " + image.path).second)
        sink.warning(at, pages_text(page.number) + ": image '" + image.path + "' has " +
                             format_number(image.ppi, 0) + " ppi at its printed size (" +
                             std::to_string(image.pixel_width) + " x " + std::to_string(image.pixel_height) +
                             " pixels on " + format_number(pt_to_mm(image.width), 1) + " x " +
                             format_number(pt_to_mm(image.height), 1) + " mm), under " +
                             format_number(rules.min_ppi, 0) + " ppi",
                     "use an image of at least " +
                         std::to_string(static_cast<int>(std::ceil(image.width / kPointsPerInch * rules.min_ppi))) +
                         " pixels wide, or print it smaller");
      if (print && (image.color_space == "DeviceRGB" || image.color_space == "Indexed") &&
          reported_images.insert("rgb " + image.path).second)
        sink.warning(at, pages_text(page.number) + ": image '" + image.path +
                             "' is RGB; a print PDF with a CMYK output intent (PDF/X) has no RGB",
                     "convert the image to CMYK (or grayscale) with the print shop's profile");
    }
  }
}

void check_layout_inks(const model::Design& design, DiagnosticSink& sink) {
  for (const auto& [name, color] : design.colors) {
    if (color.space == Color::Space::Cmyk) continue;
    double total = color.to_cmyk().total_ink_percent();
    if (total > design.ink_limit + 1e-6)
      sink.error(design.where.file.empty() ? SourceLocation{design.path} : design.where,
                 "colour '" + name + "' prints as " + format_number(total, 1) + "% ink in CMYK, over the ink-limit of " +
                     format_number(design.ink_limit, 1) + "%",
                 "define it with cmyk = [...] under the limit, so the print shop gets the inks you chose");
  }
}

}  // namespace jan20::pdf
