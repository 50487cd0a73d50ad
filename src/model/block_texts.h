#pragma once
// The one place that lists what a block carries: its texts (with their
// language and where they are in the content), the characters the layout
// adds around them, and its image files. check_scripts, `jan20-pdf fonts`,
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
  std::visit(Overloaded{
                 [&](const Paragraph& p) { spans(p.text); },
                 [&](const Heading& h) { spans(h.text); },
                 [&](const Quote& q) {
                   spans(q.text);
                   if (q.attribution.empty()) return;
                   plain(kAttributionDash, BlockText::Kind::Added);
                   plain(q.attribution);
                 },
                 [&](const List& l) {
                   int number = 0;
                   for (const Inline& item : l.items) {
                     plain(list_label(l.numbered, ++number), BlockText::Kind::Added);
                     spans(item);
                   }
                 },
                 [&](const Figure& f) {
                   spans(f.caption);
                   plain(f.credit);
                   plain(f.alt, BlockText::Kind::Alt);
                 },
                 [&](const Facts& f) {
                   for (const FactFigure& figure : f.figures) {
                     plain(figure.value);
                     plain(figure.label);
                   }
                 },
                 [&](const Timeline& t) {
                   for (const TimelineEntry& e : t.entries) {
                     plain(e.date);
                     spans(e.event);
                   }
                 },
                 [&](const PageBreak&) {},
                 [&](const Contents&) {},
                 [&](const Names& n) {
                   for (const std::string& heading : n.header) plain(heading);
                   for (const auto& row : n.rows)
                     for (const NameCell& cell : row) plain(cell.text, BlockText::Kind::Set, cell.lang);
                 },
             },
             b.content);
}

// Calls visit(const ImageFile&) for every image file `b` shows (a figure's
// image; none for an ornament or any other kind). --deps lists them and the
// print diagnostics find a figure by them.
template <class Visit>
void for_each_image(const Block& b, Visit&& visit) {
  std::visit(Overloaded{
                 [&](const Figure& f) {
                   if (!f.file.path.empty()) visit(f.file);
                 },
                 // Every kind is named, so that a new one must say whether it shows images.
                 [](const Paragraph&) {}, [](const Heading&) {}, [](const Quote&) {}, [](const List&) {},
                 [](const Facts&) {}, [](const Timeline&) {}, [](const PageBreak&) {}, [](const Contents&) {},
                 [](const Names&) {},
             },
             b.content);
}

}  // namespace jan20::model
