#pragma once
// A font file as a HarfBuzz blob, mapped through core/regular_file.h (a
// regular file, at most kMaxFontFileBytes) instead of
// hb_blob_create_from_file, which reads a FIFO or /dev/zero without end.
// Header-only: core does not link HarfBuzz; the font and pdf stages do.
#include <hb.h>

#include "core/regular_file.h"

namespace jan20 {

inline hb_blob_t* map_font_file(const std::string& path, FileProblem* problem) {
  MappedFile* mapping = map_regular_file(path, kMaxFontFileBytes, problem);
  if (!mapping) return nullptr;
  return hb_blob_create(mapping->data(), static_cast<unsigned>(mapping->size()), HB_MEMORY_MODE_READONLY, mapping,
                        [](void* m) { delete static_cast<MappedFile*>(m); });
}

}  // namespace jan20
