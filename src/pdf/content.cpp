#include "pdf/content.h"

#include <charconv>
#include <cmath>
#include <span>

#include "core/json.h"
#include "core/utf.h"

namespace jan20::pdf {
namespace {

constexpr char kHexDigits[] = "0123456789ABCDEF";

void append_cid(std::string& out, uint16_t cid) {
  const char digits[4] = {kHexDigits[(cid >> 12) & 0xF], kHexDigits[(cid >> 8) & 0xF], kHexDigits[(cid >> 4) & 0xF],
                          kHexDigits[cid & 0xF]};
  out.append(digits, 4);  // one length check for the four
}

// Rounds to the precision written for TJ numbers (1/1000 of a glyph-space
// unit, i.e. 1e-6 em: 1e-5 pt at 10 pt). Most glyphs are where the pen is
// but for a rounding error of the sums, which rounds to 0: those are known
// without calling std::round.
double round_adjustment(double v) {
  const double scaled = v * 1000.0;
  return std::fabs(scaled) < 0.5 ? 0.0 : std::round(scaled) / 1000.0;
}

// Writes the TJ array incrementally: consecutive glyphs share one <…> string.
class TjWriter {
 public:
  explicit TjWriter(std::string& out) : out_(out) {}
  void glyph(uint16_t cid) {
    open();
    if (!in_hex_) {
      if (need_space_) out_ += ' ';
      out_ += '<';
      in_hex_ = true;
    }
    append_cid(out_, cid);
  }
  void adjust(double n) {
    open();
    close_hex();
    if (need_space_) out_ += ' ';
    append_num(out_, n, 3);
    need_space_ = true;
  }
  void close() {
    if (!in_array_) return;
    close_hex();
    out_ += "] TJ\n";
    in_array_ = false;
    need_space_ = false;
  }

 private:
  void open() {
    if (in_array_) return;
    out_ += '[';
    in_array_ = true;
    need_space_ = false;
  }
  void close_hex() {
    if (!in_hex_) return;
    out_ += '>';
    in_hex_ = false;
    need_space_ = true;
  }
  std::string& out_;
  bool in_array_ = false, in_hex_ = false, need_space_ = false;
};

}  // namespace

std::string num(double v, int decimals) { return json_number(v, decimals); }  // never "nan" in a content stream

void append_num(std::string& out, double v, int decimals) {
  // json_number's digits without its strings: at most 4 decimals, |v| < 1e15
  // (else "0"), scaled to an integer and printed with to_chars. Anything
  // outside that goes the long way, to keep one definition of the result.
  static constexpr double kScale[] = {1, 10, 100, 1000, 10000};
  if (!(decimals >= 0 && decimals <= 4) || !std::isfinite(v) || !(std::fabs(v) < 1e15) ||
      std::fabs(v) * kScale[decimals] >= 9e18) {
    out += num(v, decimals);
    return;
  }
  long long scaled = std::llround(v * kScale[decimals]);
  unsigned long long mag = scaled < 0 ? static_cast<unsigned long long>(-scaled) : static_cast<unsigned long long>(scaled);
  const auto p = static_cast<unsigned long long>(kScale[decimals]);
  unsigned long long whole = mag / p, frac = mag % p;
  char buf[48];
  char* at = buf;
  if (scaled < 0) *at++ = '-';
  at = std::to_chars(at, buf + sizeof buf, whole).ptr;
  if (frac != 0) {
    *at++ = '.';
    char digits[8];
    for (int i = decimals - 1; i >= 0; --i) {
      digits[i] = static_cast<char>('0' + frac % 10);
      frac /= 10;
    }
    int used = decimals;
    while (used > 0 && digits[used - 1] == '0') --used;
    for (int i = 0; i < used; ++i) *at++ = digits[i];
  }
  out.append(buf, at);
}

std::string pdf_text_string_literal(const std::string& utf8) {
  std::string out;
  append_pdf_text_string_literal(out, utf8);
  return out;
}

void append_pdf_text_string_literal(std::string& out, std::string_view utf8) {
  bool ascii = true;
  for (unsigned char c : utf8) ascii = ascii && c >= 0x20 && c < 0x7F;
  if (ascii) {
    out += '(';
    for (char c : utf8) {
      if (c == '(' || c == ')' || c == '\\') out += '\\';
      out += c;
    }
    out += ')';
    return;
  }
  const std::string utf16 = utf8_to_utf16be(utf8);
  out += "<FEFF";
  for (unsigned char b : utf16) {
    out += kHexDigits[b >> 4];
    out += kHexDigits[b & 0xF];
  }
  out += '>';
}

std::string encode_text_run(const TextRunContent& run) {
  std::string out;
  encode_text_run(run, out);
  return out;
}

namespace {

// Glyphs [begin, end) of `run` with `spans` (indices into run.glyphs).
void encode_glyphs(const TextRunContent& run, size_t begin, size_t end, std::span<const ActualTextSpan> spans,
                   std::string& out) {
  out.reserve(out.size() + 64 + (end - begin) * 8);
  out += '/';
  out += run.font;
  out += ' ';
  append_num(out, run.size);
  out += " Tf\n1 0 0 1 ";
  append_num(out, run.x);
  out += ' ';
  append_num(out, run.y);
  out += " Tm\n";
  const bool scaled = std::abs(run.hscale - 1) > 1e-9;
  if (scaled) {  // font expansion
    append_num(out, 100 * run.hscale);
    out += " Tz\n";
  }

  TjWriter tj(out);
  double pen = 0;   // where the viewer's pen is, 1/1000 em from the origin
  double rise = 0;  // current Ts, 1/1000 em
  size_t next_span = 0;
  bool in_span = false;
  for (size_t i = begin; i < end; ++i) {
    const ShowGlyph& g = run.glyphs[i];
    if (in_span && spans[next_span - 1].end == i) {
      tj.close();
      out += end_marked_content();
      in_span = false;
    }
    if (!in_span && next_span < spans.size() && spans[next_span].begin == i) {
      tj.close();
      out += "/Span <</ActualText ";
      append_pdf_text_string_literal(out, spans[next_span].text);
      out += ">> BDC\n";
      ++next_span;
      in_span = true;
    }
    if (g.rise != rise) {
      tj.close();
      append_num(out, g.rise * run.size / 1000.0);
      out += " Ts\n";
      rise = g.rise;
    }
    // TJ number n moves the pen by -n: move from `pen` to `g.x`.
    double n = round_adjustment(pen - g.x);
    if (n != 0) {
      tj.adjust(n);
      pen -= n;
    }
    tj.glyph(g.cid);
    pen += g.width;
  }
  tj.close();
  if (in_span) out += end_marked_content();
  if (rise != 0) out += "0 Ts\n";
  if (scaled) out += "100 Tz\n";
}

}  // namespace

void encode_text_run(const TextRunContent& run, std::string& out) {
  encode_glyphs(run, 0, run.glyphs.size(), run.spans, out);
}

void encode_text_run(const TextRunContent& run, size_t begin, size_t end, std::string& out) {
  encode_glyphs(run, begin, end, {}, out);
}

std::string begin_marked_content(const std::string& role, int mcid) {
  std::string out;
  append_begin_marked_content(out, role, mcid);
  return out;
}

void append_begin_marked_content(std::string& out, std::string_view role, int mcid) {
  out += '/';
  out += role;
  out += " <</MCID ";
  append_int(out, mcid);
  out += ">> BDC\n";
}

void append_int(std::string& out, int v) {
  char digits[16];
  out.append(digits, std::to_chars(digits, digits + sizeof digits, v).ptr);
}

std::string begin_artifact() { return "/Artifact BMC\n"; }

std::string end_marked_content() { return "EMC\n"; }

}  // namespace jan20::pdf
