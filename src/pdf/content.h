#pragma once
// Content-stream operators that libharu has no API for: shaped text shown by
// glyph id (Tf, Tm, Ts, TJ), /ActualText spans and marked content for tagged
// PDF. Pure functions from plain values to bytes, unit-tested against exact
// output; numbers are formatted locale-free (core/json.h format_number).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jan20::pdf {

// One glyph as it must appear: its CID, the width the font's /W array gives it
// (what a viewer advances by after showing it), and where it must be drawn
// relative to the run's origin. All in text space thousandths of an em, the
// unit of /W and of TJ adjustments, so no conversion happens here.
struct ShowGlyph {
  uint16_t cid = 0;
  double width = 0;  // /W entry (1/1000 em)
  double x = 0;      // glyph origin, rightwards from the run origin (1/1000 em)
  double rise = 0;   // glyph origin, upwards from the baseline (1/1000 em)
};

// Glyphs [begin, end) (indices into TextRunContent::glyphs) stand for `text`
// (UTF-8, may be empty: an inserted hyphen stands for nothing).
struct ActualTextSpan {
  size_t begin = 0, end = 0;
  std::string text;
};

struct TextRunContent {
  std::string font;   // resource name, "F1"
  double size = 10;   // pt
  double x = 0, y = 0;  // run origin in PDF user space (pt, y up)
  double hscale = 1;    // horizontal scaling (Tz / 100): font expansion; glyph x positions are before scaling
  std::vector<ShowGlyph> glyphs;        // in the order they are written
  std::vector<ActualTextSpan> spans;    // sorted, non-overlapping
};

// The operators that show one run, to be written between BT and ET:
//   /F1 10 Tf
//   1 0 0 1 72 700 Tm
//   [<00010002> -12 <0003>] TJ
// A viewer moves by a glyph's /W width after showing it; each TJ number n
// moves the pen by -n/1000 em. The pen is tracked exactly (with the rounded
// numbers actually written), so every glyph lands on its `x` and rounding
// never accumulates along a line. Rises go through Ts (reset to 0 at the
// end); Tw is never used (it applies only to single-byte code 32, never to
// Identity-H). Glyphs inside an ActualText span are bracketed by
// /Span <</ActualText …>> BDC … EMC.
std::string encode_text_run(const TextRunContent& run);
// The same, appended to `out` (a buffer reused from run to run).
void encode_text_run(const TextRunContent& run, std::string& out);
// Glyphs [begin, end) of `run` as a run of their own, without its spans (a
// piece of a tagged run: actual_text_pieces in structure.h), appended to `out`.
void encode_text_run(const TextRunContent& run, size_t begin, size_t end, std::string& out);

// "<FEFF…>" for non-ASCII text, "(…)" (escaped) for printable ASCII, "()" for empty.
std::string pdf_text_string_literal(const std::string& utf8);
void append_pdf_text_string_literal(std::string& out, std::string_view utf8);

// Marked content (ISO 32000-1 §14.6): a structure element's content
// ("/P <</MCID 3>> BDC\n") or an artifact ("/Artifact BMC\n"), closed by "EMC\n".
std::string begin_marked_content(const std::string& role, int mcid);
void append_begin_marked_content(std::string& out, std::string_view role, int mcid);
std::string begin_artifact();
std::string end_marked_content();

// Locale-free number for content streams, at most `decimals` decimals.
std::string num(double v, int decimals = 4);
// The same digits appended to `out`, without allocating.
void append_num(std::string& out, double v, int decimals = 4);
// An integer's digits appended to `out` (an MCID), without allocating.
void append_int(std::string& out, int v);

}  // namespace jan20::pdf
