#include "load/toml_pieces.h"

#include <algorithm>
#include <string>

#include "core/parallel.h"
#include "load/toml_limits.h"

namespace jan20::load {

namespace {

struct Piece {
  std::string padded;  // the piece, after as many newlines as lines before it (empty for the first)
  std::string_view text;
  std::optional<toml::table> table;
};

void parse_piece(Piece& piece, std::string_view path) noexcept {
  try {
#if TOML_EXCEPTIONS
    piece.table = toml::parse(piece.text, path);
#else
    toml::parse_result result = toml::parse(piece.text, path);
    if (result) piece.table = std::move(result).table();
#endif
  } catch (...) {  // a syntax error, or no memory: the whole file is parsed again, as one
    piece.table.reset();
  }
}

// `key` of `root` is an array of tables made by [[key]] headers, at least one.
toml::array* header_tables(toml::table& root, std::string_view key) {
  toml::array* array = root[key].as_array();
  if (!array || array->empty()) return nullptr;
  for (toml::node& element : *array) {
    const toml::table* table = element.as_table();
    if (!table || table->is_inline()) return nullptr;
  }
  return array;
}

}  // namespace

std::vector<size_t> table_array_header_lines(std::string_view text, std::string_view array) {
  HeaderScan headers{array};
  scan_headers(text, headers);
  return std::move(headers.lines);
}

bool may_cut(size_t bytes, const TomlPieces& how) {
  return how.pieces >= 2 && bytes >= how.min_bytes && !how.array.empty();
}

std::optional<toml::table> parse_in_pieces(std::string_view text, std::string_view path, const TomlPieces& how) {
  if (!may_cut(text.size(), how)) return std::nullopt;
  HeaderScan headers{how.array};
  scan_headers(text, headers);
  return parse_in_pieces(text, path, how, headers);
}

std::optional<toml::table> parse_in_pieces(std::string_view text, std::string_view path, const TomlPieces& how,
                                           const HeaderScan& scan) {
  if (!may_cut(text.size(), how)) return std::nullopt;
  // A table after the blocks would leave the last piece more than blocks:
  // known before any piece is parsed.
  if (scan.other_header_after) return std::nullopt;
  const std::vector<size_t>& headers = scan.lines;
  if (headers.size() < 2) return std::nullopt;
  // Cuts near equal shares of the bytes, never before the first header.
  std::vector<size_t> cuts{0};
  for (int k = 1; k < how.pieces; ++k) {
    const size_t share = text.size() / static_cast<size_t>(how.pieces) * static_cast<size_t>(k);
    auto at = std::lower_bound(headers.begin() + 1, headers.end(), std::max(share, cuts.back() + 1));
    if (at != headers.end()) cuts.push_back(*at);
  }
  if (cuts.size() < 2) return std::nullopt;
  cuts.push_back(text.size());

  std::vector<Piece> pieces(cuts.size() - 1);
  size_t lines = 0, counted_to = 0;
  for (size_t p = 0; p < pieces.size(); ++p) {
    const std::string_view piece = text.substr(cuts[p], cuts[p + 1] - cuts[p]);
    if (p == 0) {
      pieces[p].text = piece;
      continue;
    }
    lines += static_cast<size_t>(std::count(text.begin() + static_cast<std::ptrdiff_t>(counted_to),
                                            text.begin() + static_cast<std::ptrdiff_t>(cuts[p]), '\n'));
    counted_to = cuts[p];
    pieces[p].padded.reserve(lines + piece.size());
    pieces[p].padded.assign(lines, '\n');
    pieces[p].padded.append(piece);
    pieces[p].text = pieces[p].padded;
  }
  run_jobs(pieces.size(), static_cast<int>(pieces.size()), [&](size_t p) { parse_piece(pieces[p], path); });

  for (const Piece& piece : pieces)
    if (!piece.table) return std::nullopt;
  toml::table& whole = *pieces[0].table;
  toml::array* blocks = header_tables(whole, how.array);
  if (!blocks) return std::nullopt;
  for (size_t p = 1; p < pieces.size(); ++p) {
    toml::table& root = *pieces[p].table;
    if (root.size() != 1 || !header_tables(root, how.array)) return std::nullopt;
  }
  for (size_t p = 1; p < pieces.size(); ++p)
    for (toml::node& element : *pieces[p].table->get_as<toml::array>(how.array))
      blocks->push_back(std::move(*element.as_table()));
  return std::move(whole);
}

}  // namespace jan20::load
