// A content file parsed in pieces on several threads (load/toml_pieces.h) is
// toml++'s parse of the whole file, node for node with the same lines and
// columns (but for where the root and the block array end), or nothing (the whole file is then parsed as one). Checked on the
// project's own content files cut in 2, 3 and 4 pieces, and on files made to
// mislead the cutting: headers inside multi-line strings, a table after the
// blocks, `block` as an inline array, a syntax error in a later piece.
#include <gtest/gtest.h>

#include <optional>
#include <sstream>
#include <string>

#include <toml++/toml.h>

#include "core/diagnostic.h"
#include "load/source_file.h"
#include "load/toml_limits.h"
#include "load/toml_pieces.h"
#include "support/test_support.h"

namespace jan20::load {
namespace {

std::optional<toml::table> whole(std::string_view text) {
  try {
    return toml::parse(text, std::string_view("content.toml"));
  } catch (const toml::parse_error&) {
    return std::nullopt;
  }
}

std::optional<toml::table> in_pieces(std::string_view text, int pieces) {
  return parse_in_pieces(text, "content.toml", TomlPieces{"block", pieces, 0});
}

std::string formatted(const toml::table& t) {
  std::ostringstream out;
  out << toml::toml_formatter{t};
  return out.str();
}

// The same nodes at the same places (toml++'s formatter shows the values, not
// where they were read). Only where the root table and the block array end
// differs (they end with the first piece); nothing reads where a node ends.
void expect_same_places(const toml::node& a, const toml::node& b, const std::string& path, int* nodes) {
  ++*nodes;
  ASSERT_EQ(a.type(), b.type()) << path;
  EXPECT_EQ(a.source().begin.line, b.source().begin.line) << path;
  EXPECT_EQ(a.source().begin.column, b.source().begin.column) << path;
  if (path != "" && path != ".block") {
    EXPECT_EQ(a.source().end.line, b.source().end.line) << path;
    EXPECT_EQ(a.source().end.column, b.source().end.column) << path;
  }
  if (const toml::table* ta = a.as_table()) {
    const toml::table* tb = b.as_table();
    ASSERT_EQ(ta->size(), tb->size()) << path;
    EXPECT_EQ(ta->is_inline(), tb->is_inline()) << path;
    for (const auto& [key, value] : *ta) {
      const toml::node* other = tb->get(key.str());
      ASSERT_NE(other, nullptr) << path << "." << key.str();
      expect_same_places(value, *other, path + "." + std::string(key.str()), nodes);
    }
  } else if (const toml::array* aa = a.as_array()) {
    const toml::array* ab = b.as_array();
    ASSERT_EQ(aa->size(), ab->size()) << path;
    for (size_t i = 0; i < aa->size(); ++i)
      expect_same_places(*aa->get(i), *ab->get(i), path + "[" + std::to_string(i) + "]", nodes);
  }
}

// Cut in `pieces`, the file must give exactly the whole file's table.
void expect_same_as_whole(std::string_view text, int pieces) {
  std::optional<toml::table> one = whole(text);
  ASSERT_TRUE(one) << "the file itself must parse";
  std::optional<toml::table> cut = in_pieces(text, pieces);
  ASSERT_TRUE(cut) << "no pieces for " << pieces;
  EXPECT_EQ(formatted(*cut), formatted(*one));
  int nodes = 0;
  expect_same_places(*cut, *one, "", &nodes);
  EXPECT_GT(nodes, 10);
}

std::string blocks(int count, const std::string& extra_text = "") {
  std::string out = "[meta]\ntitle = \"T\"\n\n";
  for (int i = 0; i < count; ++i) {
    out += "[[block]]\ntype = \"paragraph\"\ntext = \"Paragraf " + std::to_string(i) + " ə ı İ ğ ş\"\n";
    if (i == count / 2) out += extra_text;
    out += "\n";
  }
  return out;
}

TEST(TomlPieces, TheProjectsContentCutInPiecesIsTheWholeFile) {
  for (const char* file : {"content/booklet/az.toml", "content/booklet/en.toml", "content/poster/az.toml"}) {
    const std::string text = testing::read_file(testing::source_dir() + "/" + file);
    ASSERT_FALSE(text.empty()) << file;
    ASSERT_GE(table_array_header_lines(text, "block").size(), 5u) << file;
    for (int pieces : {2, 3, 4}) {
      SCOPED_TRACE(std::string(file) + " in " + std::to_string(pieces));
      expect_same_as_whole(text, pieces);
    }
  }
}

TEST(TomlPieces, CrLfLinesAndHeadersWithComments) {
  std::string text = blocks(40);
  std::string crlf;
  for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  expect_same_as_whole(crlf, 3);
  std::string commented = blocks(40);
  for (size_t at = commented.find("[[block]]\n"); at != std::string::npos; at = commented.find("[[block]]\n", at + 1))
    commented.replace(at, 10, "[[block]]  # a block\n");
  EXPECT_EQ(table_array_header_lines(commented, "block").size(), 40u);
  expect_same_as_whole(commented, 2);
}

TEST(TomlPieces, AHeaderInsideAMultiLineStringIsNoPlaceToCut) {
  for (const std::string& quote : {std::string("\"\"\""), std::string("'''")}) {
    // Half the file is one string whose lines look like headers.
    std::string fake;
    for (int i = 0; i < 60; ++i) fake += "[[block]]\ntext = \"not a block\"\n";
    const std::string text = blocks(10, "note = " + quote + "\n" + fake + "a quote: \"\" " + quote + "\n");
    EXPECT_EQ(table_array_header_lines(text, "block").size(), 10u) << quote;
    std::optional<toml::table> cut = in_pieces(text, 2);
    ASSERT_TRUE(cut) << quote;
    EXPECT_EQ(cut->at_path("block").as_array()->size(), 10u) << quote;
    expect_same_as_whole(text, 2);
  }
  // Quotes closing the string with one or two of its own, and an escaped
  // quote before the delimiter.
  const std::string tricky = blocks(20, "a = \"\"\"x\"\"\"\"\nb = '''y'''''\nc = \"\"\"z\\\"\"\"\"\nd = \"[[block]]\"\n");
  EXPECT_EQ(table_array_header_lines(tricky, "block").size(), 20u);
  expect_same_as_whole(tricky, 3);
}

TEST(TomlPieces, WhatThePiecesCannotStandForIsLeftToTheWholeParse) {
  // A table after the blocks: the last piece would hold more than blocks.
  EXPECT_FALSE(in_pieces(blocks(30) + "[extra]\nkey = 1\n", 2));
  ASSERT_TRUE(whole(blocks(30) + "[extra]\nkey = 1\n"));
  // [meta] defined twice, once in each half: only the whole file sees it.
  const std::string twice = blocks(30) + "[meta]\ntitle = \"again\"\n";
  EXPECT_FALSE(whole(twice));
  EXPECT_FALSE(in_pieces(twice, 2));
  // `block` as an inline array cannot be extended by [[block]].
  const std::string inline_array = "block = [{type = \"paragraph\", text = \"a\"}]\n" + blocks(30);
  EXPECT_FALSE(whole(inline_array));
  EXPECT_FALSE(in_pieces(inline_array, 2));
  // A syntax error in the last piece.
  const std::string broken = blocks(30) + "[[block]]\ntext = unquoted\n";
  EXPECT_FALSE(whole(broken));
  EXPECT_FALSE(in_pieces(broken, 2));
  // A string left open at the end of a piece.
  std::string open = blocks(30);
  open.insert(open.find("[[block]]", open.size() / 3), "x = \"\"\"\n");
  EXPECT_FALSE(whole(open));
  EXPECT_FALSE(in_pieces(open, 2));
  // Nothing to cut: one block, or a file under the size given.
  EXPECT_FALSE(in_pieces(blocks(1), 2));
  EXPECT_FALSE(parse_in_pieces(blocks(30), "c", TomlPieces{"block", 2}));  // under 128 KiB
  EXPECT_FALSE(in_pieces(blocks(30), 1));
}

TEST(TomlPieces, AnErrorInALaterPieceIsReportedWhereTheWholeParseReportsIt) {
  std::string text = blocks(4000) + "[[block]]\ntype = \"paragraph\"\ntext = unquoted\n";
  ASSERT_GT(text.size(), size_t{128} << 10);
  auto report = [&](int pieces) {
    DiagnosticSink sink;
    SourceFile file{"content/booklet/az.toml", "/x/content/booklet/az.toml", text};
    EXPECT_FALSE(parse_toml(file, sink, TomlPieces{"block", pieces}));
    EXPECT_EQ(sink.error_count(), 1);
    return sink.diagnostics().empty() ? SourceLocation{} : sink.diagnostics().front().where;
  };
  const SourceLocation one = report(1), four = report(4);
  EXPECT_EQ(one.line, 4 * 4000 + 3 + 2 + 1);
  EXPECT_EQ(four.line, one.line);
  EXPECT_EQ(four.column, one.column);
}

// The nesting check's pass finds the places to cut: [[block]] alone on its
// line from column 1, never inside a value, and whether another table comes
// after the blocks (then the file is parsed whole, without trying pieces).
TEST(TomlPieces, TheNestingCheckFindsThePlacesToCut) {
  auto scan = [](const std::string& text) {
    HeaderScan headers{"block"};
    DiagnosticSink sink;
    EXPECT_TRUE(check_nesting(SourceFile{"c.toml", "c.toml", text}, sink, &headers));
    return headers;
  };
  const HeaderScan plain = scan(blocks(5));  // [meta] first, then five blocks
  EXPECT_EQ(plain.lines.size(), 5u);
  EXPECT_FALSE(plain.other_header_after);
  EXPECT_EQ(plain.lines, table_array_header_lines(blocks(5), "block"));
  // A table after the blocks; sub-tables of a block are the blocks' own.
  EXPECT_TRUE(scan(blocks(5) + "[meta]\ntitle = \"x\"\n").other_header_after);
  EXPECT_TRUE(scan(blocks(5) + "[[blocks]]\na = 1\n").other_header_after);
  const std::string more = "[[block]]\nb = 2\n[[block]]\nc = 3\n";
  const HeaderScan own = scan(blocks(3) + "[block.style]\nsize = 1\n[[block.rows]]\na = 1\n" + more);
  EXPECT_FALSE(own.other_header_after);
  EXPECT_EQ(own.lines.size(), 5u);
  // Not a place to cut: inside an array value, indented, or followed by more
  // than a comment.
  const HeaderScan inside = scan(blocks(2) + "list = [\n[[block]]\n]\n" + "  [[block]]\na = 1\n" + more);
  EXPECT_EQ(inside.lines.size(), 4u);
  EXPECT_FALSE(inside.other_header_after);
  // The nesting error still comes first, with what was found before it.
  HeaderScan stopped{"block"};
  DiagnosticSink sink;
  EXPECT_FALSE(check_nesting(SourceFile{"c.toml", "c.toml", blocks(2) + "x = " + std::string(40, '[') + "\n"}, sink,
                             &stopped));
  EXPECT_EQ(sink.error_count(), 1);
  EXPECT_EQ(stopped.lines.size(), 2u);
}

// A large file with a table after its blocks is parsed once, whole: the same
// table as toml++'s.
TEST(TomlPieces, ALargeFileWithATableAfterItsBlocksIsParsedWhole) {
  const std::string text = blocks(4000) + "[extra]\nkey = 1\n";
  ASSERT_GT(text.size(), size_t{128} << 10);
  DiagnosticSink sink;
  std::optional<toml::table> parsed = parse_toml(SourceFile{"c.toml", "c.toml", text}, sink, TomlPieces{"block", 4});
  ASSERT_TRUE(parsed);
  EXPECT_EQ(sink.error_count(), 0);
  std::optional<toml::table> reference = whole(text);
  ASSERT_TRUE(reference);
  EXPECT_EQ(formatted(*parsed), formatted(*reference));
  EXPECT_EQ(parsed->at_path("block").as_array()->size(), 4000u);
}

// One rule says which files are worth cutting; the loader's header scan and
// both forms of parse_in_pieces ask it, so they cannot disagree.
TEST(TomlPieces, OnlyAFileLargeEnoughWithTwoPiecesAndANamedArrayIsCut) {
  const TomlPieces how{"block", 2, 100};
  EXPECT_TRUE(may_cut(100, how));
  EXPECT_FALSE(may_cut(99, how));
  EXPECT_FALSE(may_cut(1000, TomlPieces{"block", 1, 100}));
  EXPECT_FALSE(may_cut(1000, TomlPieces{"", 2, 100}));
  // Below the size, the piece parser gives nothing even with headers found.
  const std::string text = blocks(3);
  ASSERT_LT(text.size(), size_t{128} << 10);
  HeaderScan scan{"block"};
  scan_headers(text, scan);
  ASSERT_GE(scan.lines.size(), 2u);
  EXPECT_FALSE(parse_in_pieces(text, "c.toml", TomlPieces{"block", 2}, scan));
  EXPECT_TRUE(parse_in_pieces(text, "c.toml", TomlPieces{"block", 2, 0}, scan));
}

}  // namespace
}  // namespace jan20::load
