#pragma once
// The parts of a layout file, each read by its own function into
// model::Design. Cross-references (a style naming a font or a colour, a
// master naming a style) are collected while reading and checked once every
// name is known, so the order of tables in the file does not matter.
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "load/load.h"
#include "load/table_reader.h"
#include "model/design.h"

namespace jan20::load {

// A name used somewhere that must be defined in [colors], [fonts] or [styles].
struct NameRef {
  enum class Kind { Color, Font, Style } kind;
  std::string name;
  std::string path;      // key path of the reference: "styles.body.font"
  SourceLocation where;  // its value
};
using NameRefs = std::vector<NameRef>;

// [page]: size, margins, facing, columns, gutter, bleed, page-multiple, ink-limit.
void read_page(TableReader& root, model::Design& design);
// [hyphenation] and [flow].
void read_hyphenation(TableReader& root, model::Design& design, const LoadOptions& options);
void read_justification(TableReader& root, model::Design& design);
void read_flow(TableReader& root, model::Design& design);
// [colors.<name>]; needs design.ink_limit.
void read_colors(TableReader& root, model::Design& design);
// [fonts.<name>].
void read_fonts(TableReader& root, model::Design& design, const LoadOptions& options, NameRefs& refs);
// [styles.<name>], with based-on inheritance.
void read_styles(TableReader& root, model::Design& design, NameRefs& refs);
// [masters.<name>] with their ornaments and frames; needs the page size.
void read_masters(TableReader& root, model::Design& design, NameRefs& refs);
// Reports every reference to an undefined name, with a did-you-mean.
void check_names(const Ctx& cx, const model::Design& design, const NameRefs& refs);

// A name for a colour, font, style, master or frame: letters, digits, '-', '_'.
bool valid_name(std::string_view name);
// Reports an invalid name at the key; returns whether it was valid.
bool check_name(const Ctx& cx, const toml::key& key, std::string_view what);

}  // namespace jan20::load
