// The structure the layout builds for inline content: a link is a Link
// element holding its annotation, a word in another script a Span with its
// /Lang, a block in another language carries /Lang, a captioned figure is a
// Div with the Figure and its Caption; and a figure without alternative text
// stops `check` at its place in the content file.
#include <gtest/gtest.h>

#include "struct_text.h"

namespace jan20::testing {
namespace {

// The loader's minimal project (one frame, "headline", made taller here)
// with `content` as its Azerbaijani edition.
std::string project_with(const std::string& content) {
  std::string dir = make_temp_dir();
  CommandResult cp = run({"cp", "-r", source_dir() + "/tests/load/minimal_project/.", dir});
  EXPECT_EQ(cp.exit_code, 0) << cp.err;
  std::string layout = read_file(dir + "/layouts/test.toml");
  size_t at = layout.find("height = \"40mm\"");
  EXPECT_NE(at, std::string::npos);
  if (at != std::string::npos) layout.replace(at, 16, "height = \"160mm\"");
  write_file(dir + "/layouts/test.toml", layout);
  write_file(dir + "/content/test/az.toml", content);
  return dir;
}

const char* const kMeta =
    "[meta]\n"
    "title = \"20 Yanvar\"\n"
    "language = \"az\"\n"
    "date = \"2026-01-20\"\n";

const StructNode* find_role(const StructNode& node, const std::string& role) {
  for (const StructNode& k : node.kids) {
    if (k.kind != StructNode::Kind::Element) continue;
    if (k.role == role) return &k;
    if (const StructNode* found = find_role(k, role)) return found;
  }
  return nullptr;
}

std::string joined(const std::vector<std::string>& pieces) {
  std::string s;
  for (const std::string& p : pieces) s += p;
  return s;
}

TEST(InlineStructure, LinksForeignWordsAndCaptionedFigures) {
  std::string dir = project_with(std::string(kMeta) +
                                 "\n[[block]]\ntype = \"paragraph\"\nframe = \"headline\"\n"
                                 "text = \"Kiril əlifbası ilə Азәрбајҹан yazılır; [Vikipediya](https://az.wikipedia.org/).\"\n"
                                 "\n[[block]]\ntype = \"paragraph\"\nframe = \"headline\"\nlang = \"en\"\n"
                                 "text = \"Black January\"\n"
                                 "\n[[block]]\ntype = \"figure\"\nframe = \"headline\"\n"
                                 "image = \"content/images/dot.png\"\nalt = \"Bir nöqtə\"\ncaption = \"Nöqtə\"\n");
  CommandResult b = run({jan20_binary(), "-C", dir, "build", "--target", "screen", "--quiet", "--out", dir});
  ASSERT_EQ(b.exit_code, 0) << b.err;
  std::string pdf = dir + "/test.az.pdf";
  StructNode tree = struct_tree(pdf);
  std::vector<const StructNode*> blocks = elements_of(tree);
  ASSERT_EQ(blocks.size(), 3u);

  // The paragraph: a Span for the Cyrillic word, a Link with its annotation
  // (a screen file: print files have no annotations).
  EXPECT_EQ(blocks[0]->role, "P");
  const StructNode* span = find_role(*blocks[0], "Span");
  ASSERT_NE(span, nullptr);
  EXPECT_EQ(squash_spaces(joined(texts_of(*span))), "Азәрбајҹан");
  const StructNode* link = find_role(*blocks[0], "Link");
  ASSERT_NE(link, nullptr);
  EXPECT_EQ(joined(texts_of(*link)), "Vikipediya");
  EXPECT_EQ(objects_under(*link), 1);
  EXPECT_EQ(objects_under(*blocks[0]), 1) << "the annotation sits in the Link, not the paragraph";

  EXPECT_EQ(blocks[1]->role, "P");
  // Each line that ends at a word break ends with a space (PDF 1.7
  // §14.8.2.5), the last line of a block too.
  EXPECT_EQ(joined(texts_of(*blocks[1])), "Black January ");

  EXPECT_EQ(blocks[2]->role, "Div");
  std::vector<const StructNode*> figure = elements_of(*blocks[2]);
  ASSERT_EQ(figure.size(), 2u);
  EXPECT_EQ(figure[0]->role, "Figure");
  EXPECT_EQ(figure[1]->role, "Caption");
  EXPECT_EQ(joined(texts_of(*figure[1])), "Nöqtə ");

  std::string json = run({"qpdf", "--json=2", "--json-key=qpdf", pdf}).out;
  EXPECT_NE(json.find("\"/Lang\": \"u:az-Cyrl\""), std::string::npos);
  EXPECT_NE(json.find("\"/Lang\": \"u:en\""), std::string::npos);
  EXPECT_NE(json.find("\"/Alt\": \"u:Bir nöqtə\""), std::string::npos);
  CommandResult check = run_checker({"--pdfua"}, {pdf});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
}

TEST(InlineStructure, FigureWithoutAltStopsCheckAtItsPlace) {
  std::string dir = project_with(std::string(kMeta) +
                                 "\n[[block]]\ntype = \"figure\"\nframe = \"headline\"\n"
                                 "image = \"content/images/dot.png\"\n");
  CommandResult r = run({jan20_binary(), "-C", dir, "check"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("content/test/az.toml:6:1: error: missing required key 'alt' in [[block]]"), std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace jan20::testing
