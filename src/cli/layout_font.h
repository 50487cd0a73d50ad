#pragma once
// `shape --font serif-bold`: a font named as a layout names it ([fonts.NAME]),
// resolved by the same FontCollection::resolve the build uses, so `shape`
// shows the face the PDF is set in (the manifest, a layout's `path`, style).
#include <string>

#include "font/collection.h"

namespace jan20::cli {

struct LayoutFont {
  const font::Face* face = nullptr;  // null: no layout names the font (or it did not resolve: see error)
  std::string layout;                // the layout that names it, relative to the project
  std::string error;                 // it is named, but does not resolve
};

// Looks `name` up in `layout` (a name in layouts/ or a .toml file) or, when
// that is empty, in the layouts of the project's documents in order.
LayoutFont find_layout_font(const std::string& name, const std::string& layout, const std::string& root,
                            font::FontCollection& fonts);

}  // namespace jan20::cli
