#include "pdf/preflight.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/json.h"
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

std::string pages_text(int page) { return "page " + std::to_string(page); }

// The PDF colour space an image is embedded in.
const char* color_space_name(model::ImageColor color) {
  switch (color) {
    case model::ImageColor::Gray: return "DeviceGray";
    case model::ImageColor::Rgb: return "DeviceRGB";
    case model::ImageColor::Cmyk: return "DeviceCMYK";
    case model::ImageColor::Palette: return "Indexed";
    case model::ImageColor::Unknown: break;
  }
  return "";
}

}  // namespace

Preflight preflight(const model::PagedDocument& doc, const PdfOptions& options) {
  Preflight out;
  out.target = options.target;
  if (options.target == Target::Print && !options.icc_profile.empty())
    out.output_intent = options.icc_profile.substr(options.icc_profile.find_last_of('/') + 1);

  std::set<int> used_fonts;
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
        // The header the loader read from the whole file (model/image.h).
        PreflightImage pi;
        pi.path = image->path;
        pi.pixel_width = image->pixel_width;
        pi.pixel_height = image->pixel_height;
        pi.width = image->width;
        pi.height = image->height;
        // Pixels per inch of the printed size; the lower direction counts.
        double ppi_x = image->width > 0 ? pi.pixel_width / (image->width / kPointsPerInch) : 0;
        double ppi_y = image->height > 0 ? pi.pixel_height / (image->height / kPointsPerInch) : 0;
        pi.ppi = std::min(ppi_x, ppi_y);
        pi.color_space = color_space_name(image->color);
        pi.alpha = image->alpha;
        if (!pi.color_space.empty()) spaces.insert(pi.color_space);
        p.transparency = p.transparency || pi.alpha;
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
