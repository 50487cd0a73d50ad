#pragma once
// The words of one edition (one content TOML file in one language), as plain
// data. Produced by load/, read by layout/. Knows nothing of fonts or pages.
#include <string>
#include <variant>
#include <vector>

#include "core/diagnostic.h"
#include "model/image.h"

namespace jan20::model {

// A run of text with inline formatting, from the content's small Markdown
// inline syntax (*emphasis*, **strong**, [text](url)) parsed with md4c.
struct Span {
  std::string text;        // UTF-8, NFC
  bool emphasis = false;   // *text*
  bool strong = false;     // **text**
  std::string link;        // URL for [text](url); empty otherwise
  std::string lang;        // BCP-47 when the span is in another language ("az-Cyrl", "az-Arab", "en"); empty = block's language
  SourceLocation where;    // where the span's text starts in the TOML file
};

using Inline = std::vector<Span>;  // a paragraph's or heading's text

struct FactFigure {
  std::string value;  // "150"
  std::string label;  // "civilians killed"
};

struct TimelineEntry {
  std::string date;  // "19–20 January 1990"
  Inline event;
};

// One type per block kind; a Block holds exactly one of them (Block::content),
// and every stage that handles blocks visits them with std::visit, so a
// kind added here is a compile error wherever it is not handled yet.
struct Paragraph {
  Inline text;
};

struct Heading {
  int level = 1;                // 1..3
  Inline text;
};

struct Quote {                  // block quote with attribution
  Inline text;
  std::string attribution;
};

struct List {
  bool numbered = false;        // numbered or bulleted
  std::vector<Inline> items;
};

struct Figure {
  std::string image;    // the path as the content gives it; empty for a vector ornament figure
  ImageFile file;       // the image the loader found there (file.path absolute); empty path for an ornament
  std::string ornament; // name of a layout ornament drawn instead of an image
  Inline caption;
  std::string credit;
  std::string alt;      // alternative text for screen readers
};

struct Facts {                  // fact figures: big number + label
  std::vector<FactFigure> figures;
};

struct Timeline {
  std::vector<TimelineEntry> entries;
};

struct PageBreak {
  std::string master;           // master page of the next page ("cover", "body", "back"); empty = body
};

struct Contents {};             // the table of contents is generated here

struct NameCell {
  std::string text;
  std::string lang;  // "az", "az-Cyrl", "az-Arab", "en"
};

struct Names {                  // a table of names in several scripts
  std::vector<std::string> header;              // optional column headings
  std::vector<std::vector<NameCell>> rows;      // rows × cells, each cell with its lang
};

using BlockContent = std::variant<Paragraph, Heading, Quote, List, Figure, Facts, Timeline, PageBreak, Contents, Names>;

struct Block {
  SourceLocation where;
  std::string style;            // paragraph style override from the content ("lead", "colophon", …); empty = default for the kind
  std::string lang;             // block language if it differs from the document's
  std::string id;               // anchor name for links and the TOC (derived from a heading's text when empty)
  std::string frame;            // poster: the named frame this block flows into; empty = the main flow
  BlockContent content;

  template <class Kind>
  bool is() const { return std::holds_alternative<Kind>(content); }
  template <class Kind>
  const Kind* as() const { return std::get_if<Kind>(&content); }
  template <class Kind>
  Kind* as() { return std::get_if<Kind>(&content); }
};

// Overloaded{[](const A&) {...}, [](const B&) {...}}: one visitor from lambdas.
template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

struct Metadata {
  std::string title;
  std::string subtitle;
  std::string author;
  std::string publisher;
  std::string subject;
  std::vector<std::string> keywords;
  std::string language;   // BCP-47 of the edition: "az", "en"
  std::string date;       // ISO 8601 date of the edition ("2026-01-20"); PDF dates come from it, never the clock
  std::string source;     // credit for the facts (colophon)
  std::string url;        // link for the QR code (poster), as an ASCII URI (IDNA host, %XX path)
  std::vector<std::string> hyphenation_exceptions;  // "xal-qı-mı-zın"
};

struct Document {
  std::string path;  // the content file
  Metadata meta;
  std::vector<Block> blocks;
};

}  // namespace jan20::model
