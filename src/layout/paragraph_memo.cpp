#include "layout/paragraph_memo.h"

#include <utility>
#include <vector>

#include "core/parallel.h"
#include "layout/paragraph_key.h"

namespace jan20::layout {

void ParagraphMemo::record(const text::ParagraphInput& input) {
  std::string key = paragraph_key(input);
  if (settings_.find(key) != settings_.end()) return;
  // Kept until the memo goes: without the slack its growth left (at 2,400
  // pages the keys took 15.6 MB with it, 8.5 MB without).
  key.shrink_to_fit();
  Setting* setting = settings_.emplace(std::move(key), std::make_unique<Setting>()).first->second.get();
  pending_.emplace_back(input, setting);
}

void ParagraphMemo::typeset_recorded(text::ShapeCache& cache, int threads) {
  pending_.shrink_to_fit();  // held while every setting is made: without its growth's slack
  // One working space a thread, reused from paragraph to paragraph.
  std::vector<text::ParagraphScratch> scratch(workers(pending_.size(), threads));
  run_jobs(pending_.size(), threads, [&](size_t i, size_t worker) {
    auto& [input, setting] = pending_[i];
    setting->result = text::typeset_paragraph(input, cache, setting->diagnostics, scratch[worker]);
    setting->done = true;
    // Not read again: freed now, not after the last paragraph. (A swap:
    // assigning an empty input would keep its text's capacity.)
    text::ParagraphInput done;
    std::swap(input, done);
  });
  std::vector<std::pair<text::ParagraphInput, Setting*>>().swap(pending_);  // its storage too
}

text::ParagraphResult ParagraphMemo::use(const text::ParagraphInput& input, text::ShapeCache& cache,
                                         DiagnosticSink& sink, text::ParagraphScratch& scratch) {
  std::string key = paragraph_key(input);
  auto it = settings_.find(key);
  if (it == settings_.end() || !it->second->done) {  // not recorded, or recorded and not set yet
    if (!keep_) return text::typeset_paragraph(input, cache, sink, scratch);
    if (it == settings_.end()) {
      key.shrink_to_fit();
      it = settings_.emplace(std::move(key), std::make_unique<Setting>()).first;
    }
    it->second->result = text::typeset_paragraph(input, cache, it->second->diagnostics, scratch);
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
