#pragma once
// Where a line may end: UAX #14 (Unicode line breaking) through ICU's line
// BreakIterator, tailored for the paragraph's language, then our own rules,
// which only ever remove opportunities:
//  - a number keeps the word after it: "20 Yanvar", "150 nəfər", "3 mm",
//    "1990 %" (the number is digits with . , : or a thin space between them);
//  - initials keep the name after them: "H. Əliyev", "H.Ə. Əliyev" (a
//    capital letter and a full stop, repeated);
//  - no break before closing punctuation, even after a space: "söz »",
//    "(bax: 5 )" (ICU already refuses most of these; » and ” it allows);
//  - a line may end after a hard hyphen only between two parts of letters,
//    each at least min_left / min_right letters, in a word without digits:
//    "sosial-|iqtisadi", never "1990-|cı" or "20-|ci";
//  - a no-break space (U+00A0, U+202F, U+2060 word joiner) is never a break
//    (UAX #14 class GL; ICU does this already and we keep it).
// A mandatory break (U+2028, a newline) is reported as such.
#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "text/code_points.h"

namespace jan20::text {

struct BreakOpportunity {
  enum class Kind {
    Space,      // after white space: the glue between words
    Hyphen,     // after a hard hyphen inside a word
    Other,      // without a space: after a dash, a slash, between ideographs …
    Mandatory,  // a line must end here
  };
  size_t offset = 0;  // byte offset in the text where the next line would start
  Kind kind = Kind::Space;
};

struct BreakRules {
  int min_left = 2;   // letters before a hard hyphen break
  int min_right = 2;  // letters after it
};

// ICU line break iterators kept for reuse, per language: making one reads
// and builds its rules, which cost as much as finding a long paragraph's
// breaks. One per build (the shaping cache holds it); thread-safe: a
// paragraph takes an iterator for as long as it needs it and gives it back.
class LineBreakIterators {
 public:
  LineBreakIterators();
  ~LineBreakIterators();
  LineBreakIterators(const LineBreakIterators&) = delete;
  LineBreakIterators& operator=(const LineBreakIterators&) = delete;

  struct Impl;  // (breaks.cpp)
  Impl* impl() const { return impl_.get(); }

 private:
  std::unique_ptr<Impl> impl_;
};

// Break opportunities of a paragraph in increasing order, excluding 0 and the
// end of the text. `lang` is BCP-47 ("az", "en", "ru", "az-Arab"). With
// `iterators`, the ICU iterator comes from there (the same breaks, found
// without building an iterator per paragraph). `decoded`, when given, is
// `text` decoded.
std::vector<BreakOpportunity> find_breaks(std::string_view text, std::string_view lang,
                                          const BreakRules& rules = {}, LineBreakIterators* iterators = nullptr,
                                          const CodePoints* decoded = nullptr);

}  // namespace jan20::text
