#pragma once
// The parts of a content file: [meta] and the [[block]] array. What they
// share while one file is read lives in ContentState.
#include <map>
#include <string>
#include <vector>

#include "load/load.h"
#include "load/table_reader.h"
#include "model/document.h"

namespace jan20::load {

struct ContentState {
  const Ctx& cx;
  const LoadOptions& options;
  const ContentContext& context;
  std::map<std::string, SourceLocation> ids;  // anchors defined so far
  struct AnchorLink {
    std::string id;
    SourceLocation where;
    std::string path;
  };
  std::vector<AnchorLink> anchor_links;  // [text](#id), checked once all ids are known
};

void read_meta(TableReader& root, model::Metadata& meta, ContentState& state);
void read_blocks(TableReader& root, std::vector<model::Block>& blocks, ContentState& state);

// One text value (a paragraph, a caption, a title) may have at most this many
// characters: some four A5 pages. A longer one is nearly always a mistake
// (text pasted twice, a whole chapter in one paragraph), and line breaking
// time grows with a paragraph's length.
inline constexpr size_t kMaxTextChars = 10000;
// Combining marks one letter may carry: the "stream-safe" limit of Unicode
// (UAX #15). Real text needs three at most; 9,000 overflowed the PDF's
// ToUnicode entries and painted marks off the page.
inline constexpr int kMaxCombiningMarks = 30;
// Reports and returns false when `text` is longer than kMaxTextChars, holds a
// control character other than tab and newline (reported at its own line and
// column), or a letter with more than kMaxCombiningMarks marks.
bool check_text_length(const Ctx& cx, const toml::node& n, const std::string& path, std::string_view text);

// Reads a string and normalizes it to NFC; nullopt after reporting.
std::optional<std::string> read_text(const Ctx& cx, const toml::node& n, const std::string& path);
// "2026-01-20" (or a TOML date): a real calendar date; empty when valid,
// otherwise what is wrong.
std::string check_iso_date(std::string_view text);

}  // namespace jan20::load
