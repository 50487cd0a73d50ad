#pragma once
// The inspection subcommands: `shape` (glyphs as the PDF writer will place
// them) and `hyphenate` (break points of words).
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace jan20::cli {

struct ShapeToolArgs {
  std::string font;          // a layout's font name ("serif-bold"), a family ("Noto Serif:Bold") or a path
  std::string layout;        // where to look the font name up; "" = the project's layouts
  std::string lang = "az";
  std::string script;        // ISO 15924, e.g. Latn; empty = from the text
  std::vector<std::string> features;
  bool explain = false;
  std::string text;
};

struct HyphenateToolArgs {
  std::string lang = "az";
  std::vector<std::string> words;
  int min_left = 2, min_right = 2;
  int min_word = 0;          // 0 = min_left + min_right (or the layout's)
  bool left_given = false, right_given = false, word_given = false;  // given on the command line: over the layout's
  std::string layout;        // "booklet" or a layout file: its [hyphenation] minima and exceptions
  std::string exceptions_file;
};

void add_shape_options(CLI::App* cmd, ShapeToolArgs& args);
void add_hyphenate_options(CLI::App* cmd, HyphenateToolArgs& args);
int run_shape(const ShapeToolArgs& args, const std::string& project_dir);
int run_hyphenate(const HyphenateToolArgs& args, const std::string& project_dir);

}  // namespace jan20::cli
