#include "font/fontconfig_index.h"

#include <algorithm>
#include <tuple>

#include <fontconfig/fontconfig.h>

#include "font/names.h"

namespace jan20::font {
namespace {

using Pattern = CHandle<FcPattern, FcPatternDestroy>;
using ObjectSet = CHandle<FcObjectSet, FcObjectSetDestroy>;
using FontSet = CHandle<FcFontSet, FcFontSetDestroy>;

std::vector<std::string> strings(FcPattern* p, const char* object) {
  std::vector<std::string> out;
  FcChar8* s = nullptr;
  for (int i = 0; FcPatternGetString(p, object, i, &s) == FcResultMatch; ++i)
    out.emplace_back(reinterpret_cast<const char*>(s));
  return out;
}

}  // namespace

std::unique_ptr<FontconfigIndex> FontconfigIndex::create(std::string* error) {
  // A private configuration, not FcInit's process-wide one: nothing global,
  // and destroyed with the index.
  FcConfig* config = FcInitLoadConfigAndFonts();
  if (!config) {
    if (error) *error = "fontconfig could not load its configuration";
    return nullptr;
  }
  return std::unique_ptr<FontconfigIndex>(new FontconfigIndex(config));
}

std::vector<InstalledFace> FontconfigIndex::faces_of(const std::string& family) const {
  Pattern pattern(FcPatternCreate());
  FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
  ObjectSet objects(FcObjectSetBuild(FC_FAMILY, FC_STYLE, FC_FILE, FC_INDEX, FC_VARIABLE, nullptr));
  FontSet set(FcFontList(config_.get(), pattern.get(), objects.get()));
  std::vector<InstalledFace> out;
  if (!set) return out;
  for (int i = 0; i < set->nfont; ++i) {
    FcPattern* p = set->fonts[i];
    FcBool variable = FcFalse;
    FcPatternGetBool(p, FC_VARIABLE, 0, &variable);
    int index = 0;
    FcPatternGetInteger(p, FC_INDEX, 0, &index);
    if (variable || index > 0xFFFF) continue;  // variable font or one of its named instances
    FcChar8* file = nullptr;
    if (FcPatternGetString(p, FC_FILE, 0, &file) != FcResultMatch) continue;
    auto families = strings(p, FC_FAMILY);
    auto styles = strings(p, FC_STYLE);
    // FcFontList matched one of the face's family names; report that one.
    std::string name = families.empty() ? family : families.front();
    for (const auto& f : families)
      if (same_family(f, family)) name = f;
    for (const auto& style : styles.empty() ? std::vector<std::string>{"Regular"} : styles)
      out.push_back({reinterpret_cast<const char*>(file), index, name, style});
  }
  std::sort(out.begin(), out.end(), [](const InstalledFace& a, const InstalledFace& b) {
    return std::tie(a.path, a.index, a.style) < std::tie(b.path, b.index, b.style);
  });
  return out;
}

std::vector<std::string> FontconfigIndex::families() const {
  Pattern pattern(FcPatternCreate());
  ObjectSet objects(FcObjectSetBuild(FC_FAMILY, nullptr));
  FontSet set(FcFontList(config_.get(), pattern.get(), objects.get()));
  std::vector<std::string> out;
  if (set)
    for (int i = 0; i < set->nfont; ++i)
      for (auto& f : strings(set->fonts[i], FC_FAMILY)) out.push_back(std::move(f));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace jan20::font
