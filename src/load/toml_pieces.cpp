#include "load/toml_pieces.h"

#include <algorithm>
#include <string>

#include "core/parallel.h"

namespace jan20::load {

namespace {

// The rest of a line after a header: spaces, tabs, a comment, a '\r'.
bool only_comment_after(std::string_view line) {
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '#') return true;
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

bool is_header_line(std::string_view line, std::string_view array) {
  if (line.size() < array.size() + 4 || line.substr(0, 2) != "[[" || line.substr(2, array.size()) != array ||
      line.substr(2 + array.size(), 2) != "]]")
    return false;
  return only_comment_after(line.substr(array.size() + 4));
}

// Skips a string that closes on its line (from just after its opening
// quote); returns where scanning goes on.
size_t skip_line_string(std::string_view line, size_t k, char quote) {
  while (k < line.size() && line[k] != quote) k += (quote == '"' && line[k] == '\\') ? 2 : 1;
  return k + 1;
}

// A multi-line string's closing delimiter may be followed by one or two more
// quotes, which belong to the string.
size_t after_close(std::string_view line, size_t k, char quote) {
  k += 3;
  for (int extra = 0; extra < 2 && k < line.size() && line[k] == quote; ++extra) ++k;
  return k;
}

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
  std::vector<size_t> out;
  enum class In { Nothing, Basic, Literal } in = In::Nothing;  // a multi-line string open
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    if (in == In::Nothing && is_header_line(line, array)) out.push_back(start);
    for (size_t k = 0; k < line.size();) {
      if (in == In::Basic) {
        if (line[k] == '\\') {
          k += 2;
        } else if (line.compare(k, 3, "\"\"\"") == 0) {
          k = after_close(line, k, '"');
          in = In::Nothing;
        } else {
          ++k;
        }
        continue;
      }
      if (in == In::Literal) {
        if (line.compare(k, 3, "'''") == 0) {
          k = after_close(line, k, '\'');
          in = In::Nothing;
        } else {
          ++k;
        }
        continue;
      }
      const char c = line[k];
      if (c == '#') break;
      if (line.compare(k, 3, "\"\"\"") == 0) {
        in = In::Basic;
        k += 3;
      } else if (line.compare(k, 3, "'''") == 0) {
        in = In::Literal;
        k += 3;
      } else if (c == '"' || c == '\'') {
        k = skip_line_string(line, k + 1, c);
      } else {
        ++k;
      }
    }
    start = end + 1;
  }
  return out;
}

std::optional<toml::table> parse_in_pieces(std::string_view text, std::string_view path, const TomlPieces& how) {
  if (how.pieces < 2 || text.size() < how.min_bytes || how.array.empty()) return std::nullopt;
  const std::vector<size_t> headers = table_array_header_lines(text, how.array);
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
