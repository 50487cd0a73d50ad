// StringPositions: where each byte of a TOML string's value is written. The
// oracle is SourceFile::at_offset, the line and column of a byte of the file:
// a byte copied from the file is where the file has it; the bytes an escape
// makes are at its backslash.
#include "load/string_positions.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "load/source_file.h"

namespace jan20::load {
namespace {

SourceFile file_of(std::string text) {
  SourceFile f;
  f.display = "c.toml";
  f.absolute = "/c.toml";
  f.text = std::move(text);
  return f;
}

std::string where(const SourceLocation& l) { return std::to_string(l.line) + ":" + std::to_string(l.column); }

TEST(StringPositions, EveryCopiedByteIsWhereTheFileHasItAndEscapesAreAtTheirBackslash) {
  // Words that occur once in the file, in strings of each kind: basic,
  // literal, multi-line with a CRLF line end, a line-ending backslash,
  // quotes before the closing delimiter, and escapes.
  const SourceFile file = file_of(
      "a = \"Şəhidlər xiyabanı \\u0259 sonra\\tson\"\n"
      "b = 'Yol C:\\\\qovluq ölkə'\n"
      "c = \"\"\"\nBirinci sətir,\r\n    ikinci \\\n   davamı \"\"Ədalət\"\" \\\"Azadlıq\\\" sonu\"\"\"\"\n");
  DiagnosticSink sink;
  auto table = parse_toml(file, sink);
  ASSERT_TRUE(table) << (sink.diagnostics().empty() ? "" : sink.diagnostics()[0].message);
  int checked = 0;
  for (const char* key : {"a", "b", "c"}) {
    SCOPED_TRACE(key);
    const toml::node& node = *table->get(key);
    const std::string& value = node.as_string()->get();
    const StringPositions positions(file, node);
    ASSERT_TRUE(positions.exact());
    // Each word's bytes: the word is found once in the file and in the value.
    for (const char* word : {"Şəhidlər", "xiyabanı", "sonra", "Yol", "qovluq", "ölkə", "Birinci", "sətir,",
                             "ikinci", "davamı", "Ədalət", "Azadlıq", "sonu"}) {
      const size_t in_value = value.find(std::string(" ") + word) != std::string::npos
                                  ? value.find(std::string(" ") + word) + 1
                                  : value.rfind(word, 0) == 0 ? 0 : std::string::npos;
      if (in_value == std::string::npos) continue;
      const size_t in_file = file.text.find(word);
      ASSERT_EQ(file.text.find(word, in_file + 1), std::string::npos) << word << " is not unique";
      for (size_t k = 0; k < std::string(word).size(); ++k) {
        // A byte of a character is at the character's column.
        size_t lead = in_file + k;
        while ((static_cast<unsigned char>(file.text[lead]) & 0xC0) == 0x80) --lead;
        EXPECT_EQ(where(positions.at(in_value + k)), where(file.at_offset(lead))) << word << " byte " << k;
        ++checked;
      }
    }
  }
  // Escapes: "\u0259" makes two bytes, both at the backslash; "\t" one.
  const toml::node& a = *table->get("a");
  const StringPositions pa(file, a);
  const std::string& va = a.as_string()->get();
  const size_t schwa = va.find("\xC9\x99 sonra");
  ASSERT_NE(schwa, std::string::npos);
  const size_t backslash = file.text.find("\\u0259");
  EXPECT_EQ(where(pa.at(schwa)), where(file.at_offset(backslash)));
  EXPECT_EQ(where(pa.at(schwa + 1)), where(file.at_offset(backslash)));
  EXPECT_EQ(where(pa.at(va.find('\t'))), where(file.at_offset(file.text.find("\\tson"))));
  // Just after the last character: one column on.
  EXPECT_EQ(where(pa.at(va.size())), "1:" + std::to_string(file.at_offset(file.text.find("son\"")).column + 3));
  // The multi-line string's \" escapes are at their backslashes; of the
  // four quotes that close it, the first is text, where the file has it.
  const toml::node& c = *table->get("c");
  const StringPositions pc(file, c);
  const std::string& vc = c.as_string()->get();
  EXPECT_EQ(where(pc.at(vc.find("\"Azadlıq"))), where(file.at_offset(file.text.find("\\\"Azadlıq"))));
  EXPECT_EQ(where(pc.at(vc.size() - 1)), where(file.at_offset(file.text.rfind("\"\"\"\""))));
  EXPECT_GT(checked, 60);
}

}  // namespace
}  // namespace jan20::load
