#include "build/style_faces.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <vector>

#include "core/utf.h"
#include "layout/styles.h"
#include "model/block_texts.h"
#include "text/case_transform.h"

namespace jan20::build {

namespace {

enum Variant { Regular, Emphasis, Strong };
const char* const kVariantNames[] = {"regular", "emphasis", "strong"};

// style name -> variant -> the characters set in it
using Usage = std::map<std::string, std::map<int, std::set<char32_t>>>;

class UsageCollector {
 public:
  UsageCollector(const model::Design& design, const model::Document& doc) : design_(design), doc_(doc) {
    for (const auto& [name, master] : design.masters)
      if (master.role == model::MasterRole::First) master_ = name;
  }

  Usage collect() {
    for (const model::Block& b : doc_.blocks) add_block(b);
    add_running_heads();
    return std::move(usage_);
  }

 private:
  bool has(const std::string& style) const { return design_.styles.count(style) > 0; }
  // As StyleResolver::get: the name, else the first fallback that exists, else body.
  std::string pick(const std::string& name, std::initializer_list<const char*> fallbacks) const {
    if (has(name)) return name;
    for (const char* f : fallbacks)
      if (has(f)) return f;
    return "body";
  }
  std::string master_style(const std::string& style) const {
    std::string prefixed = master_ + "-" + style;
    return has(prefixed) ? prefixed : style;
  }
  std::string lang_of(const model::Block& b, std::string_view lang = {}) const {
    if (!lang.empty()) return std::string(lang);
    return b.lang.empty() ? doc_.meta.language : b.lang;
  }

  void add(const std::string& style, int variant, std::string_view text, const std::string& lang) {
    auto it = design_.styles.find(style);
    std::string transformed;
    std::string_view set = text;
    if (it != design_.styles.end() && it->second.transform == model::CaseTransform::Upper)
      set = transformed = text::to_upper(text, lang);
    if (it != design_.styles.end() && it->second.transform == model::CaseTransform::Lower)
      set = transformed = text::to_lower(text, lang);
    std::set<char32_t>& chars = usage_[style][variant];
    // The first code points are looked up in a table of those already in
    // `chars`, not in the tree: every character of the document comes here.
    std::vector<uint8_t>& seen = seen_[&chars];
    if (seen.empty()) seen.assign(kSeenTable, 0);
    for (size_t pos = 0; pos < set.size();) {
      // An ASCII character already seen, most of them, without decoding.
      if (const auto b = static_cast<unsigned char>(set[pos]); b < 0x80 && seen[b]) {
        ++pos;
        continue;
      }
      const char32_t c = utf8_next(set, pos);
      if (c < kSeenTable) {
        if (seen[c]) continue;
        seen[c] = 1;
      }
      chars.insert(c);
    }
  }
  void add_inline(const std::string& style, const model::Inline& text, const model::Block& b) {
    for (const model::Span& span : text)
      add(style, span.strong ? Strong : span.emphasis ? Emphasis : Regular, span.text, lang_of(b, span.lang));
  }

  void add_block(const model::Block& b) {
    std::string own = b.style;
    std::visit(model::Overloaded{
                   [&](const model::Heading& h) {
                     std::string level = "h" + std::to_string(std::clamp(h.level, 1, 3));
                     std::string style = !own.empty() ? own : pick(master_style(level), {level.c_str(), "h1"});
                     add_inline(style, h.text, b);
                     headings_.push_back({std::clamp(h.level, 1, 3), &b, &h.text});
                   },
                   [&](const model::Paragraph& p) {
                     add_inline(!own.empty() ? own : pick(master_style("body"), {"body"}), p.text, b);
                   },
                   [&](const model::Quote& q) {
                     add_inline(!own.empty() ? own : pick(master_style("quote"), {"quote", "body"}), q.text, b);
                     if (!q.attribution.empty())
                       add(pick("attribution", {"quote"}), Regular,
                           std::string(model::kAttributionDash) + q.attribution, lang_of(b));
                   },
                   [&](const model::List& l) {
                     std::string style = pick(own.empty() ? "list" : own, {"body"});
                     int number = 0;
                     for (const model::Inline& item : l.items) {
                       add(style, Regular, model::list_label(l.numbered, ++number), lang_of(b));
                       add_inline(style, item, b);
                     }
                   },
                   [&](const model::Figure& f) {
                     std::string style = pick("caption", {"body"});
                     add_inline(style, f.caption, b);
                     add(style, Regular, f.credit, lang_of(b));
                   },
                   [&](const model::Facts& f) {
                     for (const model::FactFigure& figure : f.figures) {
                       add(pick("fact-value", {"h1"}), Regular, figure.value, lang_of(b));
                       add(pick("fact-label", {"caption", "body"}), Regular, figure.label, lang_of(b));
                     }
                   },
                   [&](const model::Timeline& t) {
                     for (const model::TimelineEntry& e : t.entries) {
                       add(pick("timeline-date", {"body"}), Regular, e.date, lang_of(b));
                       add_inline(pick("timeline-event", {"body"}), e.event, b);
                     }
                   },
                   [&](const model::PageBreak& p) { master_ = p.master.empty() ? "body" : p.master; },
                   [&](const model::Contents&) { contents_ = true; },
                   [&](const model::Names& n) {
                     for (const std::string& heading : n.header)
                       add(pick("names-header", {"caption", "body"}), Regular, heading, lang_of(b));
                     for (const auto& row : n.rows)
                       for (const model::NameCell& cell : row)
                         add(pick("names", {"body"}), Regular, cell.text, lang_of(b, cell.lang));
                   },
               },
               b.content);
  }

  // The contents' entries (levels 1 and 2, in their own styles, page
  // numbers in digits) and the running headers (the title and the
  // level-1 headings).
  void add_running_heads() {
    for (const Heading& h : headings_) {
      if (contents_ && h.level <= 2) {
        std::string style = pick("toc-" + std::to_string(h.level), {"toc-1", "body"});
        for (const model::Span& span : *h.text) add(style, Regular, span.text, lang_of(*h.block, span.lang));
        add(style, Regular, "0123456789", doc_.meta.language);
      }
    }
    for (const auto& [name, master] : design_.masters) {
      if (master.header.empty() || master.header_style.empty()) continue;
      add(master.header_style, Regular, master.header, doc_.meta.language);  // the separators around {…}
      add(master.header_style, Regular, doc_.meta.title, doc_.meta.language);
      for (const Heading& h : headings_)
        if (h.level == 1)
          for (const model::Span& span : *h.text)
            add(master.header_style, Regular, span.text, lang_of(*h.block, span.lang));
    }
  }

  struct Heading {
    int level;
    const model::Block* block;
    const model::Inline* text;
  };
  const model::Design& design_;
  const model::Document& doc_;
  std::string master_ = "body";
  bool contents_ = false;
  std::vector<Heading> headings_;
  Usage usage_;
  static constexpr char32_t kSeenTable = 0x530;
  std::map<const std::set<char32_t>*, std::vector<uint8_t>> seen_;  // per set of usage_: low code points in it
};

bool is_bold(const font::Face& f) {
  const std::string& s = f.style_name();
  for (const char* w : {"Bold", "Black", "Heavy", "Semibold", "SemiBold", "Demi", "ExtraBold"})
    if (s.find(w) != std::string::npos) return true;
  return false;
}
bool is_italic(const font::Face& f) {
  const std::string& s = f.style_name();
  return s.find("Italic") != std::string::npos || s.find("Oblique") != std::string::npos;
}
std::string face_name(const font::Face& f) { return f.family() + " " + f.style_name(); }

// Characters that no face is asked to draw (spaces, controls) or that the
// template placeholders bring in.
bool drawn(char32_t cp) { return !(cp < 0x21 || cp == 0xA0 || cp == 0x200B || cp == 0x2009 || cp == 0x202F || cp == '{' || cp == '}'); }

}  // namespace

std::vector<StyleFaceGap> style_face_gaps(const model::Design& design, const model::Document& doc,
                                          font::FontCollection& fonts) {
  std::vector<StyleFaceGap> gaps;
  Usage usage = UsageCollector(design, doc).collect();
  DiagnosticSink quiet;  // fonts that do not resolve are reported by the build itself
  layout::StyleResolver styles(design, fonts, quiet);
  for (const auto& [name, variants] : usage) {
    auto declared = design.styles.find(name);
    if (declared == design.styles.end()) continue;
    const layout::ResolvedStyle& resolved = styles.get(name);
    for (const auto& [variant, characters] : variants) {
      const text::TextStyle& ts =
          variant == Strong ? resolved.strong : variant == Emphasis ? resolved.emphasis : resolved.regular;
      if (!ts.face) continue;
      const model::ParagraphStyle& ps = declared->second;
      std::string font = variant == Strong && !ps.strong_font.empty()       ? ps.strong_font
                         : variant == Emphasis && !ps.emphasis_font.empty() ? ps.emphasis_font
                                                                            : ps.font;
      std::map<const font::Face*, std::vector<char32_t>> by_face;
      for (char32_t cp : characters) {
        if (!drawn(cp) || ts.face->has_glyph(cp)) continue;
        bool found = false;
        for (const font::Face* fb : ts.fallbacks)
          if (fb && fb->has_glyph(cp)) {
            if (is_bold(*fb) != is_bold(*ts.face) || is_italic(*fb) != is_italic(*ts.face)) by_face[fb].push_back(cp);
            found = true;
            break;
          }
        if (!found) by_face[nullptr].push_back(cp);
      }
      for (const auto& [fb, missing] : by_face)
        gaps.push_back(
            {name, kVariantNames[variant], font, face_name(*ts.face), fb ? face_name(*fb) : "", missing, ps.where});
    }
  }
  return gaps;
}

std::string describe_characters(const std::vector<char32_t>& characters) {
  std::string out;
  for (char32_t cp : characters) {
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
    if (!out.empty()) out += ", ";
    out += "'" + u32_to_utf8(std::u32string(1, cp)) + "' ";
    out += code;
  }
  return out;
}

void warn_style_face_gaps(const std::vector<StyleFaceGap>& gaps, DiagnosticSink& sink) {
  for (const StyleFaceGap& g : gaps) {
    if (g.drawn_from.empty()) continue;  // no face has them: the text stage reports each one as an error
    std::string text = g.variant == "regular" ? "" : " (" + g.variant + " text)";
    sink.warning(g.where,
                 "style '" + g.style + "'" + text + " is set in " + g.face + " ([fonts." + g.font + "]), which has no " +
                     describe_characters(g.characters) + ": they are drawn from " + g.drawn_from +
                     ", another weight or style",
                 "use a font of this weight that has them, or put a fallback of the same weight first in [fonts." +
                     g.font + "] fallback");
  }
}

}  // namespace jan20::build
