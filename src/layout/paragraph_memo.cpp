#include "layout/paragraph_memo.h"

#include <system_error>
#include <utility>
#include <vector>

#include "layout/paragraph_key.h"

namespace jan20::layout {

ParagraphMemo::~ParagraphMemo() { stop_setting(); }

void ParagraphMemo::record(const text::ParagraphInput& input) {
  std::string key = paragraph_key(input);
  if (settings_.find(key) != settings_.end()) return;
  // Kept until the memo goes: without the slack its growth left (at 2,400
  // pages the keys took 15.6 MB with it, 8.5 MB without).
  key.shrink_to_fit();
  Setting* setting = settings_.emplace(std::move(key), std::make_unique<Setting>()).first->second.get();
  auto copy = std::make_unique<text::ParagraphInput>(input);
  bool claimable = false;
  {
    std::lock_guard lock(mutex_);
    pending_.emplace_back(std::move(copy), setting);
    setting->order = pending_.size() - 1;
    claimable = next_ < used_ + kAhead;  // else the helpers wait for the pass to use what they set
  }
  if (claimable) changed_.notify_one();  // a helper waiting for work
}

void ParagraphMemo::start_setting(text::ShapeCache& cache, int threads) {
  try {
    for (int t = 1; t < threads; ++t) helpers_.emplace_back([this, &cache] { helper_loop(cache); });
  } catch (const std::system_error&) {  // fewer helpers (a process limit): the using thread sets the rest
  }
}

void ParagraphMemo::stop_setting() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  for (std::thread& helper : helpers_) helper.join();
  helpers_.clear();
}

void ParagraphMemo::finish_recorded() {
  stop_setting();
  // No helper is left: nothing reads pending_ but use and finish, through
  // a setting's order.
  for (auto& [key, setting] : settings_) setting->order = kUnrecorded;
  std::deque<Pending>().swap(pending_);
}

void ParagraphMemo::set_into(Setting& setting, const text::ParagraphInput& input, text::ShapeCache& cache,
                             text::ParagraphScratch& scratch) {
  try {
    setting.result = text::typeset_paragraph(input, cache, setting.diagnostics, scratch);
  } catch (...) {  // an exception leaving a helper would end the process
    setting.failure = std::current_exception();
  }
}

void ParagraphMemo::set_recorded(Pending& recorded, text::ShapeCache& cache, text::ParagraphScratch& scratch) {
  auto& [input, setting] = recorded;
  set_into(*setting, *input, cache, scratch);
  input.reset();  // not read again
}

bool ParagraphMemo::set_next(std::unique_lock<std::mutex>& lock, text::ShapeCache& cache,
                             text::ParagraphScratch& scratch) {
  while (next_ < pending_.size()) {
    Pending& recorded = pending_[next_++];  // (found under the lock: record may be adding to pending_)
    Setting* setting = recorded.second;
    if (!setting || setting->state != Setting::State::Pending) continue;  // used, or the using thread has it
    setting->state = Setting::State::Claimed;
    lock.unlock();
    set_recorded(recorded, cache, scratch);
    lock.lock();
    setting->state = Setting::State::Done;  // (not freed while claimed: use waits for it)
    changed_.notify_all();
    return true;
  }
  return false;
}

void ParagraphMemo::helper_loop(text::ShapeCache& cache) {
  text::ParagraphScratch scratch;  // this thread's working space, reused from paragraph to paragraph
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [&] { return stopping_ || (next_ < pending_.size() && next_ < used_ + kAhead); });
    if (stopping_) return;
    set_next(lock, cache, scratch);
  }
}

void ParagraphMemo::finish(Setting& setting, const text::ParagraphInput& input, text::ShapeCache& cache,
                           text::ParagraphScratch& scratch) {
  std::unique_lock lock(mutex_);
  if (setting.order != kUnrecorded && setting.order + 1 > used_) {
    used_ = setting.order + 1;
    changed_.notify_all();  // the helpers may go further ahead
  }
  while (setting.state != Setting::State::Done) {
    if (setting.state == Setting::State::Pending) {  // nobody has it: set it here
      setting.state = Setting::State::Claimed;
      lock.unlock();
      if (setting.order != kUnrecorded)
        set_recorded(pending_[setting.order], cache, scratch);  // (only this thread adds to pending_)
      else
        set_into(setting, input, cache, scratch);
      lock.lock();
      setting.state = Setting::State::Done;
      break;
    }
    // A helper has it in hand: rather than wait, set the next recorded one.
    if (stopping_ || !set_next(lock, cache, scratch)) changed_.wait(lock);
  }
}

text::ParagraphResult ParagraphMemo::use(const text::ParagraphInput& input, text::ShapeCache& cache,
                                         DiagnosticSink& sink, text::ParagraphScratch& scratch) {
  std::string key = paragraph_key(input);
  auto it = settings_.find(key);
  if (it == settings_.end()) {  // not recorded
    if (!keep_) return text::typeset_paragraph(input, cache, sink, scratch);
    key.shrink_to_fit();
    it = settings_.emplace(std::move(key), std::make_unique<Setting>()).first;
  }
  Setting& setting = *it->second;
  finish(setting, input, cache, scratch);
  if (setting.failure) std::rethrow_exception(setting.failure);
  sink.append(setting.diagnostics);
  if (keep_) return setting.result;
  text::ParagraphResult result = std::move(setting.result);
  if (setting.order != kUnrecorded) {
    std::lock_guard lock(mutex_);
    pending_[setting.order].second = nullptr;  // a helper that comes to it later passes it by
  }
  settings_.erase(it);
  return result;
}

}  // namespace jan20::layout
