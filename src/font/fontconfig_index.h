#pragma once
// The installed fonts as fontconfig knows them. Creating an index loads
// fontconfig's configuration and caches (tens of milliseconds), so
// FontCollection creates one only when a family is not in the manifest.
// Only static faces are listed: named instances of variable fonts are skipped
// (the PDF writer embeds static outlines).
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fontconfig/fontconfig.h>

#include "core/c_handle.h"

namespace jan20::font {

struct InstalledFace {
  std::string path;
  int index = 0;
  std::string family;
  std::string style;
};

class FontconfigIndex {
 public:
  // nullptr and `error` set when fontconfig cannot be initialised.
  static std::unique_ptr<FontconfigIndex> create(std::string* error);

  // Every installed face of `family` (any of its names, case and spaces
  // ignored), sorted by path then index so the choice is reproducible.
  std::vector<InstalledFace> faces_of(const std::string& family) const;
  // Every installed family name, sorted, each once.
  std::vector<std::string> families() const;

 private:
  explicit FontconfigIndex(FcConfig* config) : config_(config) {}
  CHandle<FcConfig, FcConfigDestroy> config_;  // a private configuration, not FcInit's process-wide one
};

}  // namespace jan20::font
