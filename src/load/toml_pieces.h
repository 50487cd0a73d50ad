#pragma once
// A large content file parsed in pieces, one piece a thread. toml++ parses a
// document on one thread, and at 240 pages the content's parse is a serial
// twentieth of an edition's time, with the second core idle.
//
// The file is cut before [[block]] header lines (the header alone on its
// line, from column 1, outside any string). Each piece after the first is
// parsed with the lines before it replaced by empty lines, so that every
// node's line and column are those of the whole file; the pieces' blocks are
// then appended, in order, to the first piece's.
//
// The result is toml++'s for the whole file or nothing: the same nodes, each
// read at the same line and column. (Only where the root table and the block
// array end differs, at the end of the first piece; nothing reads where a
// node ends, and toml++ has no way to set it.) It is used only when
// every piece parses, when the first piece makes `block` an array of tables
// with [[block]] headers (not `block = [ … ]`), and when each later piece
// holds [[block]] tables and nothing else. Anything else — a syntax error in
// any piece, a cut inside a multi-line string (its piece then ends with the
// string open), a table such as [meta] after the blocks — gives nothing, and
// the caller parses the whole file in one piece, with toml++'s own messages.
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

namespace jan20::load {

struct TomlPieces {
  std::string_view array;          // the table array whose headers may be cut before: "block"
  int pieces = 1;                  // at most this many, each parsed on a thread of its own
  size_t min_bytes = size_t{128} << 10;  // a smaller file is parsed whole (a thread costs more than it saves)
};

struct HeaderScan;

// Whether a file of `bytes` is worth cutting as `how` says: at least two
// pieces, at least min_bytes, a named array. The loader asks before it has
// the header scan made; both forms of parse_in_pieces ask again.
bool may_cut(size_t bytes, const TomlPieces& how);

// Byte offsets of the lines that hold the header [[array]] alone (spaces and
// a comment may follow), from column 1 and outside multi-line strings: the
// places a piece may begin. Found by the pass that checks the file's nesting
// (load/toml_limits.h), which the loader makes anyway.
std::vector<size_t> table_array_header_lines(std::string_view text, std::string_view array);

// The whole file's table, parsed in pieces; nothing when the file is too
// small, has no place to cut, or when the pieces cannot stand for the whole
// (see above). `path` is the name toml++ records as the nodes' source.
std::optional<toml::table> parse_in_pieces(std::string_view text, std::string_view path, const TomlPieces& how);
// The same, with the file's headers already found by check_nesting.
std::optional<toml::table> parse_in_pieces(std::string_view text, std::string_view path, const TomlPieces& how,
                                           const HeaderScan& headers);

}  // namespace jan20::load
