#pragma once
// Reading back a tagged PDF's logical structure as `pdfinfo -struct-text`
// prints it, and running the accessibility checker (check_tagged_pdf.py).
#include <string>
#include <vector>

#include "support/test_support.h"

namespace jan20::testing {

// One line of `pdfinfo -struct-text`: an element ("P (block)", `Figure
// "title"`), a piece of marked content ("\"text\""), or an annotation
// ("Object 12 0").
struct StructNode {
  enum class Kind { Element, Text, Object } kind = Kind::Element;
  std::string role;                // Element: "P", "H1", …
  std::string text;                // Text: the content; Element: its /T title, if printed
  std::vector<StructNode> kids;    // Element: in reading order
};

// The tree under "Document" (the root itself is returned).
StructNode parse_struct_text(const std::string& output);
StructNode struct_tree(const std::string& pdf);

// Every piece of text under `node`, in reading order.
std::vector<std::string> texts_of(const StructNode& node);
// The elements directly under `node` (text and objects skipped).
std::vector<const StructNode*> elements_of(const StructNode& node);
// How many annotations (Object lines) are under `node`.
int objects_under(const StructNode& node);

// Whether the pieces of text spell `expected` in order: each piece must
// continue `expected` where the previous one stopped, white space between
// pieces is free (a line ends where a space was; a hyphenated word is split
// after its inserted hyphen, which reads "-" at the end of the piece). "" when they do, else what differs.
std::string spelling_mismatch(const std::string& expected, const std::vector<std::string>& pieces);

// The file rewritten by qpdf with uncompressed streams (--qdf), as text.
std::string uncompressed_objects(const std::string& pdf);

// check_tagged_pdf.py with `flags` on `pdfs`.
CommandResult run_checker(const std::vector<std::string>& flags, const std::vector<std::string>& pdfs);
// break_pdf.py HOW IN OUT.
CommandResult break_pdf(const std::string& how, const std::string& in, const std::string& out);

}  // namespace jan20::testing
