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
// collecting every input it will ask for, sets them all on the build's
// threads, and the real pass finds each setting here.
//
// The key is the whole input, every field (paragraph_key.h): text, spans with
// their faces, sizes, features, languages, links and source locations,
// measure, alignment, indents, hyphenation rules and the line-breaking
// parameters. Structure tags are not part of it: BlockBuilder
// gives span i the tag i and maps it back afterwards. An input nobody
// recorded is set when it is asked for, so the output never depends on the
// recording or on the number of threads; only the time does.
#include <memory>
#include <string>
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

  struct Setting {
    text::ParagraphResult result;
    DiagnosticSink diagnostics;  // what setting it reported (replayed on every use)
    bool done = false;
  };

  // Keeps `input` to be set by typeset_recorded (once, however often recorded).
  void record(const text::ParagraphInput& input);
  // Sets every recorded input on `threads` threads (the calling one among
  // them). The shaping cache and the hyphenators are thread-safe. When setting
  // one throws (memory), the others are still set and the first exception,
  // in the order recorded, comes out here (core/parallel.h).
  void typeset_recorded(text::ShapeCache& cache, int threads);
  // The lines for `input`: made ahead, or set now; what setting them
  // reported goes to `sink`. `scratch` serves a paragraph set now.
  text::ParagraphResult use(const text::ParagraphInput& input, text::ShapeCache& cache, DiagnosticSink& sink,
                            text::ParagraphScratch& scratch);

 private:
  std::unordered_map<std::string, std::unique_ptr<Setting>> settings_;
  std::vector<std::pair<text::ParagraphInput, Setting*>> pending_;
  bool keep_;
};

}  // namespace jan20::layout
