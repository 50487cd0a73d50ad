#include "struct_text.h"

#include <sstream>

namespace jan20::testing {
namespace {

bool is_space_at(const std::string& s, size_t pos, size_t* length) {
  unsigned char c = static_cast<unsigned char>(s[pos]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
    *length = 1;
    return true;
  }
  // U+00A0 no-break space, U+202F narrow no-break space, U+2009 thin space
  for (const char* space : {"\xC2\xA0", "\xE2\x80\xAF", "\xE2\x80\x89"})
    if (s.compare(pos, std::char_traits<char>::length(space), space) == 0) {
      *length = std::char_traits<char>::length(space);
      return true;
    }
  return false;
}

size_t skip_spaces(const std::string& s, size_t pos) {
  size_t n = 0;
  while (pos < s.size() && is_space_at(s, pos, &n)) pos += n;
  return pos;
}

std::string trim(const std::string& s) {
  size_t begin = skip_spaces(s, 0);
  size_t end = s.size();
  while (end > begin) {
    size_t back = end - 1;
    while (back > begin && (static_cast<unsigned char>(s[back]) & 0xC0) == 0x80) --back;
    size_t n = 0;
    if (!is_space_at(s, back, &n) || back + n != end) break;
    end = back;
  }
  return s.substr(begin, end - begin);
}

}  // namespace

StructNode parse_struct_text(const std::string& output) {
  StructNode root;
  root.role = "(root)";
  std::vector<std::pair<int, StructNode*>> stack{{-1, &root}};
  std::istringstream in(output);
  std::string line;
  while (std::getline(in, line)) {
    size_t spaces = line.find_first_not_of(' ');
    if (spaces == std::string::npos) continue;
    int depth = static_cast<int>(spaces / 2);
    std::string body = line.substr(spaces);
    StructNode node;
    if (body.size() >= 2 && body.front() == '"' && body.back() == '"') {
      node.kind = StructNode::Kind::Text;
      node.text = body.substr(1, body.size() - 2);
    } else if (body.rfind("Object ", 0) == 0) {
      node.kind = StructNode::Kind::Object;
    } else {
      size_t space = body.find(' ');
      node.role = body.substr(0, space);
      size_t quote = body.find(" \"");
      if (quote != std::string::npos) {
        size_t end = body.rfind('"');
        node.text = body.substr(quote + 2, end > quote + 2 ? end - quote - 2 : 0);
      }
    }
    while (stack.size() > 1 && stack.back().first >= depth) stack.pop_back();
    StructNode* parent = stack.back().second;
    parent->kids.push_back(std::move(node));
    if (parent->kids.back().kind == StructNode::Kind::Element) stack.push_back({depth, &parent->kids.back()});
  }
  if (root.kids.size() == 1 && root.kids[0].role == "Document") return root.kids[0];
  return root;
}

StructNode struct_tree(const std::string& pdf) { return parse_struct_text(run({"pdfinfo", "-struct-text", pdf}).out); }

std::vector<std::string> texts_of(const StructNode& node) {
  std::vector<std::string> out;
  for (const StructNode& k : node.kids) {
    if (k.kind == StructNode::Kind::Text) out.push_back(k.text);
    if (k.kind == StructNode::Kind::Element)
      for (std::string& t : texts_of(k)) out.push_back(std::move(t));
  }
  return out;
}

std::vector<const StructNode*> elements_of(const StructNode& node) {
  std::vector<const StructNode*> out;
  for (const StructNode& k : node.kids)
    if (k.kind == StructNode::Kind::Element) out.push_back(&k);
  return out;
}

int objects_under(const StructNode& node) {
  int n = 0;
  for (const StructNode& k : node.kids)
    n += k.kind == StructNode::Kind::Object ? 1 : k.kind == StructNode::Kind::Element ? objects_under(k) : 0;
  return n;
}

std::string spelling_mismatch(const std::string& expected, const std::vector<std::string>& pieces) {
  size_t pos = 0;
  for (const std::string& raw : pieces) {
    std::string piece = trim(raw);
    if (piece.empty()) continue;
    pos = skip_spaces(expected, pos);
    // A hyphen inserted at a line break reads "-" at the end of its piece
    // (pdfinfo ignores /ActualText): the word goes on in the next piece.
    if (piece.size() > 1 && piece.back() == '-' && expected.compare(pos, piece.size(), piece) != 0 &&
        expected.compare(pos, piece.size() - 1, piece, 0, piece.size() - 1) == 0)
      piece.pop_back();
    if (expected.compare(pos, piece.size(), piece) != 0)
      return "expected '" + expected.substr(pos, piece.size() + 20) + "…', read '" + piece + "'";
    pos += piece.size();
  }
  pos = skip_spaces(expected, pos);
  if (pos != expected.size()) return "the structure lacks '" + expected.substr(pos) + "'";
  return "";
}

std::string uncompressed_objects(const std::string& pdf) {
  return run({"qpdf", "--qdf", "--object-streams=disable", pdf, "-"}).out;
}

CommandResult run_checker(const std::vector<std::string>& flags, const std::vector<std::string>& pdfs) {
  std::vector<std::string> argv{"python3", source_dir() + "/tests/a11y/check_tagged_pdf.py"};
  argv.insert(argv.end(), flags.begin(), flags.end());
  argv.insert(argv.end(), pdfs.begin(), pdfs.end());
  return run(argv);
}

CommandResult break_pdf(const std::string& how, const std::string& in, const std::string& out) {
  return run({"python3", source_dir() + "/tests/a11y/break_pdf.py", how, in, out});
}

}  // namespace jan20::testing
