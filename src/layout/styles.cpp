#include "layout/styles.h"

#include <set>

namespace jan20::layout {

StyleResolver::StyleResolver(const model::Design& design, font::FontCollection& fonts, DiagnosticSink& sink)
    : design_(design), fonts_(fonts), sink_(sink) {}

Color StyleResolver::color(const std::string& name, Color fallback) const {
  auto it = design_.colors.find(name);
  return it == design_.colors.end() ? fallback : it->second;
}

const font::Face* StyleResolver::face(const std::string& font_name,
                                      std::vector<const font::Face*>* fallbacks) {
  auto it = design_.fonts.find(font_name);
  if (it == design_.fonts.end()) return nullptr;
  const font::Face* primary = resolve_font(font_name, it->second);
  if (fallbacks) {
    // Breadth-first through the fallback lists, each font once.
    std::set<std::string> seen{font_name};
    std::vector<std::string> queue(it->second.fallback.begin(), it->second.fallback.end());
    for (size_t i = 0; i < queue.size(); ++i) {
      if (!seen.insert(queue[i]).second) continue;
      auto fb = design_.fonts.find(queue[i]);
      if (fb == design_.fonts.end()) continue;
      if (const font::Face* f = resolve_font(queue[i], fb->second)) fallbacks->push_back(f);
      queue.insert(queue.end(), fb->second.fallback.begin(), fb->second.fallback.end());
    }
  }
  return primary;
}

const font::Face* StyleResolver::resolve_font(const std::string& font_name, const model::FontSpec& spec) {
  auto [it, first_time] = faces_.try_emplace(font_name, nullptr);
  if (first_time) it->second = fonts_.resolve(spec, sink_);
  return it->second;
}

ResolvedStyle StyleResolver::resolve(const model::ParagraphStyle& style) {
  ResolvedStyle r;
  r.paragraph = style;
  auto variant = [&](const std::string& font_name) {
    text::TextStyle t;
    t.face = face(font_name, &t.fallbacks);
    t.size = style.size;
    t.tracking = style.tracking;
    t.color = color(style.color);
    t.features = style.features;
    return t;
  };
  r.regular = variant(style.font);
  r.emphasis = style.emphasis_font.empty() ? r.regular : variant(style.emphasis_font);
  r.strong = style.strong_font.empty() ? r.regular : variant(style.strong_font);
  r.ok = r.regular.face && r.emphasis.face && r.strong.face;
  return r;
}

const ResolvedStyle& StyleResolver::get(const std::string& name, std::initializer_list<const char*> fallbacks) {
  std::string key = name;
  if (!design_.styles.count(key)) {
    key.clear();
    for (const char* f : fallbacks)
      if (design_.styles.count(f)) {
        key = f;
        break;
      }
    if (key.empty()) key = "body";
  }
  auto cached = cache_.find(key);
  if (cached != cache_.end()) return cached->second;
  auto it = design_.styles.find(key);
  model::ParagraphStyle style = it != design_.styles.end() ? it->second : model::ParagraphStyle{};
  if (it == design_.styles.end() && !design_.fonts.empty()) style.font = design_.fonts.begin()->first;
  return cache_.emplace(key, resolve(style)).first->second;
}

ResolvedStyle StyleResolver::scaled(const ResolvedStyle& style, double factor) const {
  ResolvedStyle s = style;
  s.paragraph.size *= factor;
  s.paragraph.leading *= factor;
  s.paragraph.space_before *= factor;
  s.paragraph.space_after *= factor;
  for (text::TextStyle* t : {&s.regular, &s.emphasis, &s.strong}) t->size *= factor;
  return s;
}

}  // namespace jan20::layout
