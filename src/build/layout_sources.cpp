#include "build/layout_sources.h"

#include <cmath>
#include <vector>

namespace jan20::build {
namespace {

// The layout's name for a colour; empty when no [colors.*] entry has it.
std::string color_name(const model::Design& design, const Color& c) {
  for (const auto& [name, color] : design.colors)
    if (color == c) return name;
  return {};
}

bool is_color(const model::Design& design, const std::string& name, const Color& c) {
  auto it = design.colors.find(name);
  return it != design.colors.end() && it->second == c;
}

SourceLocation color_at(const model::Design& design, const std::string& name) {
  auto it = design.color_where.find(name);
  if (it != design.color_where.end()) return it->second;
  return design.where.file.empty() ? SourceLocation{design.path} : design.where;
}

std::string quoted_list(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) out += (i == 0 ? "'" : i + 1 == names.size() ? "' or '" : "', '") + names[i];
  return out + "'";
}

}  // namespace

pdf::RegistrationSources layout_sources(const model::Design& design) {
  pdf::RegistrationSources s;
  // The styles of that colour and size (pages do not keep style names: all
  // candidates are named, the first located); else, for a frame that scales
  // its text, the styles of that colour; else the colour.
  s.text = [&design](const Color& c, double size) -> pdf::LayoutSource {
    std::vector<std::string> sized, colored;
    for (const auto& [name, style] : design.styles) {
      if (!is_color(design, style.color, c)) continue;
      colored.push_back(name);
      if (std::abs(style.size - size) < 0.005) sized.push_back(name);
    }
    const std::vector<std::string>& names = sized.empty() ? colored : sized;
    if (!names.empty()) {
      const model::ParagraphStyle& first = design.styles.at(names.front());
      return {"style " + quoted_list(names) + " (colour '" + first.color + "')",
              first.where};
    }
    std::string name = color_name(design, c);
    if (name.empty()) return {"text", design.where.file.empty() ? SourceLocation{design.path} : design.where};
    return {"text in colour '" + name + "'", color_at(design, name)};
  };
  // The colour of a fill, and the master backgrounds and ornaments that use it.
  s.fill = [&design](const Color& c) -> pdf::LayoutSource {
    std::string name = color_name(design, c);
    if (name.empty()) return {"a fill", design.where.file.empty() ? SourceLocation{design.path} : design.where};
    std::vector<std::string> users;
    for (const auto& [master_name, master] : design.masters) {
      if (master.background == name) users.push_back("master '" + master_name + "' background");
      for (const model::Ornament& o : master.ornaments)
        if (o.color == name) users.push_back("the " + o.kind + " of master '" + master_name + "'");
    }
    std::string what = "colour '" + name + "'";
    if (!users.empty()) {
      what += " (";
      for (size_t i = 0; i < users.size(); ++i) what += (i ? ", " : "") + users[i];
      what += ")";
    }
    return {what, color_at(design, name)};
  };
  return s;
}

}  // namespace jan20::build
