#pragma once
// The ToUnicode CMap of a glyph font: which text each CID stands for, so that
// copying and searching give the source text back. Pure text; no libharu.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace jan20::pdf {

struct CidText {
  uint16_t cid = 0;
  std::string text;  // UTF-8; a ligature maps to all of its characters ("ffi")
};

// Builds the CMap program (ISO 32000-1 §9.10.3, Adobe TN 5411): a two-byte
// codespace <0000>..<FFFF> and `bfchar` blocks of at most 100 entries, each
// mapping <CID> to the UTF-16BE of its text. Entries must be sorted by CID
// and unique; empty texts are skipped (a glyph with no text of its own is
// always inside an /ActualText span, see glyph_run.h).
std::string build_to_unicode_cmap(const std::vector<CidText>& entries);

}  // namespace jan20::pdf
