#pragma once
// Resolves the design's named paragraph styles into what the text stage
// needs: faces (with fallbacks), sizes, colours, for the regular, emphasis
// and strong variants. Each style is resolved once per edition.
#include <map>
#include <string>

#include "core/diagnostic.h"
#include "font/collection.h"
#include "model/design.h"
#include "text/paragraph.h"

namespace jan20::layout {

struct ResolvedStyle {
  model::ParagraphStyle paragraph;  // the design's values
  text::TextStyle regular;
  text::TextStyle emphasis;
  text::TextStyle strong;
  bool ok = false;                  // every face resolved
};

class StyleResolver {
 public:
  StyleResolver(const model::Design& design, font::FontCollection& fonts, DiagnosticSink& sink);
  // The style called `name`, else the first of `fallbacks` that exists, else
  // the "body" style. Never fails: a missing face was reported when loading.
  const ResolvedStyle& get(const std::string& name, std::initializer_list<const char*> fallbacks = {});
  bool has(const std::string& name) const { return design_.styles.count(name) > 0; }
  Color color(const std::string& name, Color fallback = Color::black_k()) const;
  // A style scaled by `factor` (poster fit modes).
  ResolvedStyle scaled(const ResolvedStyle& style, double factor) const;

 private:
  const font::Face* face(const std::string& font_name, std::vector<const font::Face*>* fallbacks);
  // The face of a [fonts.*] entry, resolved once per edition: a font that
  // cannot be loaded is reported once, not once per style that uses it.
  const font::Face* resolve_font(const std::string& font_name, const model::FontSpec& spec);
  ResolvedStyle resolve(const model::ParagraphStyle& style);
  const model::Design& design_;
  font::FontCollection& fonts_;
  DiagnosticSink& sink_;
  std::map<std::string, ResolvedStyle> cache_;
  std::map<std::string, const font::Face*> faces_;  // by [fonts.*] name; null = reported
};

}  // namespace jan20::layout
