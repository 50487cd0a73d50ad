#include "layout/paragraph_memo.h"

#include <atomic>
#include <cstring>
#include <thread>

namespace jan20::layout {

namespace {

// Appends values as their bytes and strings with their length, so that no two
// different inputs have the same key.
struct KeyWriter {
  std::string& out;
  template <typename T>
  void raw(const T& value) {
    char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    out.append(bytes, sizeof(T));
  }
  void text(const std::string& s) {
    raw(s.size());
    out += s;
  }
};

}  // namespace

std::string ParagraphMemo::key_of(const text::ParagraphInput& in) {
  std::string key;
  key.reserve(in.text.size() + 128 * in.spans.size() + 160);
  KeyWriter k{key};
  k.text(in.text);
  k.text(in.lang);
  k.raw(in.align);
  k.raw(in.measure);
  k.raw(in.first_indent);
  k.raw(in.hyphenate);
  k.raw(in.hyphenators);
  k.raw(in.hyphenation.min_word);
  k.raw(in.hyphenation.min_left);
  k.raw(in.hyphenation.min_right);
  k.raw(in.hyphenation.exceptions.size());
  k.raw(in.hyphenation.languages.size());
  for (const auto& [lang, m] : in.hyphenation.languages) {
    k.text(lang);
    k.raw(m.min_word);
    k.raw(m.min_left);
    k.raw(m.min_right);
  }
  const text::LineBreakParams& p = in.params;
  for (double v : {p.pretolerance, p.tolerance, p.emergency_tolerance, p.line_penalty, p.hyphen_penalty, p.explicit_hyphen_penalty,
                   p.adjacent_hyphens_demerits, p.final_hyphen_demerits, p.fitness_demerits, p.space_stretch,
                   p.space_shrink, p.ragged_stretch, p.expansion, p.expansion_step, p.emergency_stretch, p.overfull_tolerance})
    k.raw(v);
  k.raw(p.max_consecutive_hyphens);
  k.raw(p.penultimate_hyphen);
  k.raw(p.uc_hyphen);
  k.raw(in.spans.size());
  for (const text::StyledSpan& s : in.spans) {
    k.raw(s.begin);
    k.raw(s.end);
    k.raw(s.style.face);
    k.raw(s.style.fallbacks.size());
    for (const font::Face* f : s.style.fallbacks) k.raw(f);
    k.raw(s.style.size);
    k.raw(s.style.tracking);
    k.raw(s.style.color.space);
    k.raw(s.style.color.v);
    k.raw(s.style.features.size());
    for (const std::string& f : s.style.features) k.text(f);
    k.raw(s.style.tag);
    k.text(s.lang);
    k.text(s.link);
    k.text(s.where.file);
    k.raw(s.where.line);
    k.raw(s.where.column);
  }
  return key;
}

void ParagraphMemo::record(const text::ParagraphInput& input) {
  auto [it, added] = settings_.try_emplace(key_of(input));
  if (!added) return;
  it->second = std::make_unique<Setting>();
  pending_.emplace_back(input, it->second.get());
}

void ParagraphMemo::set_recorded(text::ShapeCache& cache, int threads) {
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next++) < pending_.size();) {
      auto& [input, setting] = pending_[i];
      setting->result = text::set_paragraph(input, cache, setting->diagnostics);
      setting->done = true;
    }
  };
  std::vector<std::thread> helpers;
  for (int t = 1; t < threads && static_cast<size_t>(t) < pending_.size(); ++t) helpers.emplace_back(work);
  work();
  for (auto& h : helpers) h.join();
  pending_.clear();
}

text::ParagraphResult ParagraphMemo::use(const text::ParagraphInput& input, text::ShapeCache& cache,
                                         DiagnosticSink& sink) {
  std::string key = key_of(input);
  auto it = settings_.find(key);
  if (it == settings_.end() || !it->second->done) {  // not recorded, or recorded and not set yet
    if (!keep_) return text::set_paragraph(input, cache, sink);
    if (it == settings_.end()) it = settings_.emplace(std::move(key), std::make_unique<Setting>()).first;
    it->second->result = text::set_paragraph(input, cache, it->second->diagnostics);
    it->second->done = true;
  }
  Setting& setting = *it->second;
  sink.append(setting.diagnostics);
  if (keep_) return setting.result;
  text::ParagraphResult result = std::move(setting.result);
  settings_.erase(it);
  return result;
}

}  // namespace jan20::layout
