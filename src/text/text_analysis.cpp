#include "text/text_analysis.h"

#include <algorithm>
#include <functional>
#include <string_view>

namespace jan20::text {

namespace {

struct SpanKey {
  size_t begin = 0, end = 0;
  const font::Face* face = nullptr;
  std::vector<const font::Face*> fallbacks;
  std::string lang;
  SourceLocation where;

  bool same(const StyledSpan& s) const {
    return begin == s.begin && end == s.end && face == s.style.face && fallbacks == s.style.fallbacks &&
           lang == s.lang && where == s.where;
  }
};

void analyse(const ParagraphInput& input, LikelyScripts* likely, TextAnalysis& a) {
  a.decoded = decode_code_points(input.text);
  a.diagnostics = DiagnosticSink();
  a.runs = itemize(input.text, input.spans, input.lang, input.align, a.diagnostics, likely, &a.decoded);
  a.opportunities.reset();
}

}  // namespace

struct TextAnalyses::Entry {
  size_t hash = 0;
  std::string text, lang;
  std::vector<SpanKey> spans;
  int min_left = 0, min_right = 0;
  size_t last_use = 0;  // TextAnalyses::uses_ when it was last made or found
  TextAnalysis analysis;

  bool same(size_t h, const ParagraphInput& in, int left, int right) const {
    if (h != hash || left != min_left || right != min_right || in.text != text || in.lang != lang ||
        in.spans.size() != spans.size())
      return false;
    for (size_t i = 0; i < spans.size(); ++i)
      if (!spans[i].same(in.spans[i])) return false;
    return true;
  }
};

TextAnalyses::TextAnalyses() = default;
TextAnalyses::~TextAnalyses() = default;

TextAnalysis& TextAnalyses::of(const ParagraphInput& input, int min_left, int min_right, LikelyScripts* likely,
                               TextAnalysis& once) {
  const size_t hash = std::hash<std::string_view>{}(input.text);
  for (const auto& entry : entries_)
    if (entry->same(hash, input, min_left, min_right)) {
      ++reused_;
      entry->last_use = ++uses_;
      return entry->analysis;
    }

  if (std::find(seen_.begin(), seen_.end(), hash) == seen_.end()) {
    if (seen_.size() < kSeen)
      seen_.push_back(hash);
    else
      seen_[next_seen_] = hash;
    next_seen_ = (next_seen_ + 1) % kSeen;
    analyse(input, likely, once);
    return once;
  }

  // A new entry, or the one used least recently.
  Entry* entry = nullptr;
  if (entries_.size() < kKept) {
    entry = entries_.emplace_back(std::make_unique<Entry>()).get();
  } else {
    entry = entries_.front().get();
    for (const auto& e : entries_)
      if (e->last_use < entry->last_use) entry = e.get();
  }
  // The key is written once the analysis is made: if making it throws (no
  // memory), the entry matches nothing rather than another text's analysis.
  entry->hash = 0;
  entry->text.clear();
  analyse(input, likely, entry->analysis);
  entry->hash = hash;
  entry->text = input.text;
  entry->lang = input.lang;
  entry->spans.clear();
  for (const StyledSpan& s : input.spans)
    entry->spans.push_back({s.begin, s.end, s.style.face, s.style.fallbacks, s.lang, s.where});
  entry->min_left = min_left;
  entry->min_right = min_right;
  entry->last_use = ++uses_;
  return entry->analysis;
}

}  // namespace jan20::text
