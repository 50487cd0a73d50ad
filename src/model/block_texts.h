#pragma once
// The one place that lists what a block carries: its texts (with their
// language and where they are in the content), the characters the layout
// adds around them, and its image. check_scripts, `jan20-pdf fonts`,
// --deps, the print diagnostics and the layout all go through here, so a new
// field or block kind is listed once and every one of them sees it.
#include <string>
#include <string_view>

#include "model/document.h"

namespace jan20::model {

// Characters the layout sets around a block's own texts.
inline constexpr std::string_view kAttributionDash = "\xE2\x80\x94 ";  // before a quote's attribution: "— "
inline constexpr std::string_view kListBullet = "\xE2\x80\xA2";         // an unnumbered list item's label: "•"

// A numbered list item's label: "3."
inline std::string list_label(bool numbered, int number) {
  return numbered ? std::to_string(number) + "." : std::string(kListBullet);
}

struct BlockText {
  enum class Kind {
    Set,    // set in type on the page
    Alt,    // alternative text (a figure's alt): in the PDF's structure, never set in type
    Added,  // set in type by the layout, not written in the content (dash, bullet, list numbers)
  };
  std::string_view text;
  std::string_view lang;               // BCP-47 of this text; "" = the block's language
  const SourceLocation* where;         // where the text starts (an inline span), or the block's position
  bool exact;                          // `where` is the text's own start (columns can be counted from it)
  Kind kind = Kind::Set;
};

// Calls visit(const BlockText&) for every text of `b`, in reading order.
template <class Visit>
void for_each_text(const Block& b, Visit&& visit) {
  auto plain = [&](std::string_view text, BlockText::Kind kind = BlockText::Kind::Set, std::string_view lang = {}) {
    if (!text.empty()) visit(BlockText{text, lang, &b.where, false, kind});
  };
  auto spans = [&](const Inline& text) {
    for (const Span& span : text)
      if (!span.text.empty()) visit(BlockText{span.text, span.lang, &span.where, true, BlockText::Kind::Set});
  };
  spans(b.text);
  int number = 0;
  for (const Inline& item : b.items) {
    plain(list_label(b.numbered, ++number), BlockText::Kind::Added);
    spans(item);
  }
  for (const TimelineEntry& e : b.timeline) {
    plain(e.date);
    spans(e.event);
  }
  if (!b.attribution.empty()) {
    plain(kAttributionDash, BlockText::Kind::Added);
    plain(b.attribution);
  }
  spans(b.figure.caption);
  plain(b.figure.credit);
  plain(b.figure.alt, BlockText::Kind::Alt);
  for (const FactFigure& f : b.facts) {
    plain(f.value);
    plain(f.label);
  }
  for (const std::string& heading : b.names_header) plain(heading);
  for (const auto& row : b.names)
    for (const NameCell& cell : row) plain(cell.text, BlockText::Kind::Set, cell.lang);
}

// The image file a block shows, if any (a figure's; null otherwise).
inline const ImageFile* block_image(const Block& b) {
  return b.kind == BlockKind::Figure && !b.figure.file.path.empty() ? &b.figure.file : nullptr;
}

}  // namespace jan20::model
