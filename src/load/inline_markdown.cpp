#include <cctype>
#include <numeric>
#include "load/inline_markdown.h"

#include <md4c.h>

#include "load/string_positions.h"
#include "load/text_util.h"

namespace jan20::load {

namespace {

bool only_of(std::string_view line, std::string_view chars) {
  bool any = false;
  for (char c : line) {
    if (c == ' ' || c == '\t') continue;
    if (chars.find(c) == std::string_view::npos) return false;
    any = true;
  }
  return any;
}

// Whether `c` is escaped somewhere in a line (besides a line-start marker):
// '`', '<', '&', an image's "![", and a line-ending backslash.
bool may_need_escape(char c) {
  return c == '`' || c == '<' || c == '&' || c == '!' || c == '[' || c == '\\';
}

// Copies `text` into md4c's input, putting a backslash before everything that
// would make md4c see more than emphasis, strong and links. `origin[i]` is
// the offset in `text` that md4c input byte i stands for.
void escape_for_md4c(const std::string& text, std::string& md, std::vector<size_t>& origin) {
  auto put = [&](char c, size_t from) {
    md.push_back(c);
    origin.push_back(from);
  };
  size_t line_start = 0;
  while (line_start <= text.size()) {
    size_t line_end = text.find('\n', line_start);
    if (line_end == std::string::npos) line_end = text.size();
    std::string_view line(text.data() + line_start, line_end - line_start);
    size_t first = line.find_first_not_of(" \t");
    // Index (in `line`) of a line-start marker to escape, if any.
    size_t mark = std::string::npos;
    if (first != std::string_view::npos) {
      char c = line[first];
      char next = first + 1 < line.size() ? line[first + 1] : ' ';
      bool next_blank = next == ' ' || next == '\t';
      if (c == '#' || c == '>' || c == '|') {
        mark = first;  // ATX heading, block quote, table row
      } else if ((c == '-' || c == '+' || c == '*') && (next_blank || only_of(line, std::string(1, c)))) {
        mark = first;  // list item, thematic break, setext underline
      } else if ((c == '=' || c == '_') && only_of(line, std::string(1, c))) {
        mark = first;  // setext underline, thematic break
      } else if (c == '~' && line.substr(first, 3) == "~~~") {
        mark = first;  // fenced code
      } else if (c == '[' && line.find("]:", first) != std::string_view::npos) {
        mark = first;  // link reference definition
      } else if (c >= '0' && c <= '9') {  // ordered list item: "20. Yanvar"
        size_t d = first;
        while (d < line.size() && line[d] >= '0' && line[d] <= '9') ++d;
        if (d < line.size() && d - first <= 9 && (line[d] == '.' || line[d] == ')') &&
            (d + 1 >= line.size() || line[d + 1] == ' ' || line[d + 1] == '\t'))
          mark = d;
      }
    }
    for (size_t i = 0; i < line.size(); ++i) {
      // Characters md4c reads as plain text go over in one piece.
      size_t plain = i;
      while (plain < line.size() && plain != mark && !may_need_escape(line[plain])) ++plain;
      if (plain > i) {
        md.append(line.data() + i, plain - i);
        const size_t from = origin.size();
        origin.resize(from + (plain - i));
        std::iota(origin.begin() + static_cast<long>(from), origin.end(), line_start + i);
        i = plain;
        if (i == line.size()) break;
      }
      size_t at = line_start + i;
      char c = line[i];
      bool image = c == '!' && i + 1 < line.size() && line[i + 1] == '[';
      bool after_image = c == '[' && i > 0 && line[i - 1] == '!' && !(i > 1 && line[i - 2] == '\\');
      bool line_end_backslash = c == '\\' && i + 1 == line.size() && line_end < text.size();
      if (i == mark || c == '`' || c == '<' ||
          c == '&' || image || after_image || line_end_backslash)
        put('\\', at);
      put(c, at);
    }
    if (line_end < text.size()) put('\n', line_end);
    line_start = line_end + 1;
  }
}

// A BCP-47 tag as the content uses them: letters, digits and '-', starting
// with a letter ("az", "az-Cyrl", "az-Arab", "en").
bool lang_tag_ok(std::string_view tag) {
  if (tag.empty() || tag.size() > 35 || !std::isalpha(static_cast<unsigned char>(tag[0]))) return false;
  for (char c : tag)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return false;
  return true;
}

bool web_target(std::string_view href) {
  for (std::string_view prefix : {"https://", "http://", "mailto:", "#"})
    if (href.substr(0, prefix.size()) == prefix && href.size() > prefix.size()) return true;
  return false;
}

struct Builder {
  const Ctx& cx;
  const std::string& path;
  const std::string& md;
  const std::vector<size_t>& origin;
  const StringPositions& positions;
  int emphasis = 0, strong = 0;
  std::vector<std::string> links;
  bool link_reported = false;
  int paragraphs = 0;
  bool paragraph_warning = false;
  model::Inline spans;

  void text(const MD_CHAR* p, MD_SIZE n) {
    if (n == 0) return;
    SourceLocation where = positions.at(0);
    if (p >= md.data() && p < md.data() + md.size()) where = positions.at(origin[static_cast<size_t>(p - md.data())]);
    if (paragraph_warning) {
      cx.sink.warning(where, "a blank line in '" + path + "' does not start a new paragraph",
                      "write each paragraph as its own [[block]]");
      paragraph_warning = false;
    }
    std::string link = links.empty() ? std::string{} : links.back();
    // [words](lang:az-Cyrl) marks words in another language (for hyphenation,
    // shaping and the screen reader's voice) rather than a link.
    std::string lang;
    if (link.rfind("lang:", 0) == 0) {
      lang = link.substr(5);
      link.clear();
      if (!lang_tag_ok(lang) && !link_reported) {
        cx.sink.error(where, "'" + shorten(lang) + "' in '" + path + "' is not a language tag",
                      "write a BCP-47 tag: [Şəhidlər Xiyabanı](lang:az), (lang:az-Cyrl), (lang:az-Arab)");
        link_reported = true;
      }
    }
    if (!link.empty() && !link_reported && !web_target(link)) {
      cx.sink.error(where, "link target '" + shorten(link) + "' in '" + path + "' is not a web address",
                    "write https://…, mailto:… or #<id of a block>");
      link_reported = true;
    }
    bool same = !spans.empty() && spans.back().emphasis == (emphasis > 0) && spans.back().strong == (strong > 0) &&
                spans.back().link == link && spans.back().lang == lang && spans.back().where.line == where.line;
    if (!same) {
      model::Span s;
      s.emphasis = emphasis > 0;
      s.strong = strong > 0;
      s.link = link;
      s.lang = lang;
      s.where = where;
      spans.push_back(std::move(s));
    }
    spans.back().text.append(p, n);
  }
  void space() {
    if (!spans.empty() && !spans.back().text.empty() && spans.back().text.back() != ' ') spans.back().text += ' ';
  }
};

int on_enter_block(MD_BLOCKTYPE type, void*, void* user) {
  auto* b = static_cast<Builder*>(user);
  if (type == MD_BLOCK_P && ++b->paragraphs > 1) {
    b->space();
    b->paragraph_warning = true;
  }
  return 0;
}
int on_leave_block(MD_BLOCKTYPE, void*, void*) { return 0; }

int on_enter_span(MD_SPANTYPE type, void* detail, void* user) {
  auto* b = static_cast<Builder*>(user);
  if (type == MD_SPAN_EM) ++b->emphasis;
  if (type == MD_SPAN_STRONG) ++b->strong;
  if (type == MD_SPAN_A) {
    const MD_ATTRIBUTE& href = static_cast<MD_SPAN_A_DETAIL*>(detail)->href;
    b->links.emplace_back(href.text, href.size);
    b->link_reported = false;
  }
  return 0;
}

int on_leave_span(MD_SPANTYPE type, void*, void* user) {
  auto* b = static_cast<Builder*>(user);
  if (type == MD_SPAN_EM) --b->emphasis;
  if (type == MD_SPAN_STRONG) --b->strong;
  if (type == MD_SPAN_A && !b->links.empty()) b->links.pop_back();
  return 0;
}

int on_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* user) {
  auto* b = static_cast<Builder*>(user);
  switch (type) {
    case MD_TEXT_SOFTBR:
    case MD_TEXT_BR:  // a hard break is literal white space here
      b->space();
      break;
    case MD_TEXT_NULLCHAR:
      break;
    default:  // normal text; code, entities and HTML cannot occur (escaped)
      b->text(text, size);
  }
  return 0;
}

}  // namespace

model::Inline parse_inline(const Ctx& cx, const toml::node& node, const std::string& path) {
  const std::string& text = node.as_string()->get();
  StringPositions positions(cx.file, node);
  std::string md;
  std::vector<size_t> origin;
  md.reserve(text.size() + 16);
  origin.reserve(text.size() + 17);
  escape_for_md4c(text, md, origin);
  origin.push_back(text.size());
  Builder builder{cx, path, md, origin, positions};
  MD_PARSER parser{};
  parser.abi_version = 0;
  // No HTML, no indented code: text indented in a """multi-line string""" is
  // still just text.
  parser.flags = MD_FLAG_NOHTML | MD_FLAG_NOINDENTEDCODEBLOCKS;
  parser.enter_block = on_enter_block;
  parser.leave_block = on_leave_block;
  parser.enter_span = on_enter_span;
  parser.leave_span = on_leave_span;
  parser.text = on_text;
  md_parse(md.data(), static_cast<MD_SIZE>(md.size()), &parser, &builder);

  model::Inline out;
  for (auto& span : builder.spans) {
    span.text = to_nfc(span.text);
    if (!span.text.empty()) out.push_back(std::move(span));
  }
  // White space at the end of a line was kept as the soft break's space.
  while (!out.empty()) {
    std::string& last = out.back().text;
    while (!last.empty() && last.back() == ' ') last.pop_back();
    if (!last.empty()) break;
    out.pop_back();
  }
  return out;
}

std::string inline_text(const model::Inline& text) {
  std::string out;
  for (const auto& s : text) out += s.text;
  return out;
}

}  // namespace jan20::load
