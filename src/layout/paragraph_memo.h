#pragma once
// Paragraph settings kept for one typeset call, and made ahead on several
// threads.
//
// Setting a paragraph (text::typeset_paragraph: itemize, shape, hyphenate, break
// into lines) is a pure function of its input, and half of a booklet's
// build. Two things follow. A booklet with a table of contents is built in
// two passes (the second with the headings' page numbers) that set the same
// paragraphs again: the second pass finds them here. And paragraphs do not
// depend on each other until they are paginated: typeset first walks the
// document without setting anything (BlockBuilder in recording mode),
// collecting every input it will ask for; helper threads set them in the
// order recorded, from the first one recorded on (while the walk goes on),
// and the real pass then walks the document and takes each setting as it
// comes to it, setting one itself when it would otherwise wait.
// The helpers keep at most kAhead paragraphs ahead of the pass, so that a
// paragraph's setting is turned into the pass's entries, and its working
// memory freed, soon after it is made: a long book's settings are never all
// held at once.
//
// The key is the whole input, every field (paragraph_key.h): text, spans with
// their faces, sizes, features, languages, links and source locations,
// measure, alignment, indents, hyphenation rules and the line-breaking
// parameters. Structure tags are not part of it: BlockBuilder
// gives span i the tag i and maps it back afterwards. An input nobody
// recorded is set when it is asked for, so the output never depends on the
// recording or on the number of threads; only the time does.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "core/diagnostic.h"
#include "text/paragraph.h"
#include "text/shape_cache.h"

namespace jan20::layout {

class ParagraphMemo {
 public:
  // keep: settings stay after use, for a later pass that asks again (a
  // booklet with a table of contents); otherwise each is handed over once.
  explicit ParagraphMemo(bool keep) : keep_(keep) {}
  ~ParagraphMemo();  // stops the helpers (stop_setting)
  ParagraphMemo(const ParagraphMemo&) = delete;
  ParagraphMemo& operator=(const ParagraphMemo&) = delete;

  struct Setting {
    text::ParagraphResult result;
    DiagnosticSink diagnostics;  // what setting it reported (replayed on every use)
    enum class State { Pending, Claimed, Done } state = State::Pending;
    std::exception_ptr failure;  // setting it threw (no memory): rethrown where it is used
    size_t order = kUnrecorded;  // its place among the recorded inputs
  };
  static constexpr size_t kUnrecorded = static_cast<size_t>(-1);

  // Keeps `input` to be set (once, however often recorded), by a helper
  // already started or by one started later. Only before the first use.
  void record(const text::ParagraphInput& input);
  // Starts `threads` - 1 helpers that set the recorded inputs in the order
  // recorded (those recorded after this call too), at most kAhead ahead of
  // the last one used. The shaping cache and the hyphenators are
  // thread-safe. Without threads (one, or none to be had), each input is set
  // when it is used.
  void start_setting(text::ShapeCache& cache, int threads);
  static constexpr size_t kAhead = 32;
  // Stops the helpers, each after the setting it is making; the rest are
  // set when used. Recorded inputs are not set by anyone afterwards unless used.
  void stop_setting();
  // Once the pass that the recording was made for has used its settings:
  // stops the helpers and frees what is left of the recording. Settings kept
  // for a later pass stay; an input recorded but not yet set is set when used.
  void finish_recorded();
  // The lines for `input`: made ahead, or set now (on this thread, which is
  // the only one that calls use); what setting them reported goes to `sink`.
  // `scratch` serves a paragraph set now. A setting that threw on a helper
  // throws here.
  text::ParagraphResult use(const text::ParagraphInput& input, text::ShapeCache& cache, DiagnosticSink& sink,
                            text::ParagraphScratch& scratch);

 private:
  using Pending = std::pair<std::unique_ptr<text::ParagraphInput>, Setting*>;  // a recorded input and its setting

  // Sets `input` into `setting`, keeping what it throws for use to rethrow.
  static void set_into(Setting& setting, const text::ParagraphInput& input, text::ShapeCache& cache,
                       text::ParagraphScratch& scratch);
  // Sets a recorded input (claimed by the caller) into its Setting, then frees the input.
  static void set_recorded(Pending& recorded, text::ShapeCache& cache, text::ParagraphScratch& scratch);
  // Claims the next recorded input nobody has and sets it, with `lock`
  // (on mutex_) released meanwhile. False when none is left to claim.
  bool set_next(std::unique_lock<std::mutex>& lock, text::ShapeCache& cache, text::ParagraphScratch& scratch);
  void helper_loop(text::ShapeCache& cache);
  // Makes sure `setting` is done, setting it here or meanwhile another
  // recorded one when a helper has it in hand.
  void finish(Setting& setting, const text::ParagraphInput& input, text::ShapeCache& cache,
              text::ParagraphScratch& scratch);

  std::unordered_map<std::string, std::unique_ptr<Setting>> settings_;  // the using thread's only
  // The recorded inputs, in order. Each input has its own block, freed once
  // set: the list itself is a few bytes a paragraph (at 2,400 pages, 7,500
  // inputs in place would hold 2.8 MB until the last is used). It grows
  // (under mutex_) while helpers set what it holds: a deque, whose elements
  // stay where they are as it grows, so that a helper may set an input it
  // found under the lock after letting the lock go.
  std::deque<Pending> pending_;
  bool keep_;
  // Between the using thread and the helpers: each Setting's state and
  // failure, and the counters below.
  std::mutex mutex_;
  std::condition_variable changed_;
  size_t next_ = 0;  // the next recorded input a thread may claim
  size_t used_ = 0;  // 1 + the place of the last recorded input used
  bool stopping_ = false;
  std::vector<std::thread> helpers_;
};

}  // namespace jan20::layout
