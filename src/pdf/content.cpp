#include "pdf/content.h"

#include <cmath>

#include "core/json.h"
#include "core/utf.h"

namespace jan20::pdf {
namespace {

constexpr char kHexDigits[] = "0123456789ABCDEF";

void append_cid(std::string& out, uint16_t cid) {
  out += kHexDigits[(cid >> 12) & 0xF];
  out += kHexDigits[(cid >> 8) & 0xF];
  out += kHexDigits[(cid >> 4) & 0xF];
  out += kHexDigits[cid & 0xF];
}

// Rounds to the precision written for TJ numbers (1/1000 of a glyph-space
// unit, i.e. 1e-6 em: 1e-5 pt at 10 pt).
double round_adjustment(double v) { return std::round(v * 1000.0) / 1000.0; }

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
    out_ += num(n, 3);
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

std::string pdf_text_string_literal(const std::string& utf8) {
  bool ascii = true;
  for (unsigned char c : utf8) ascii = ascii && c >= 0x20 && c < 0x7F;
  if (ascii) {
    std::string out = "(";
    for (char c : utf8) {
      if (c == '(' || c == ')' || c == '\\') out += '\\';
      out += c;
    }
    return out + ")";
  }
  std::string utf16 = utf8_to_utf16be(utf8);
  std::string out = "<FEFF";
  for (unsigned char b : utf16) {
    out += kHexDigits[b >> 4];
    out += kHexDigits[b & 0xF];
  }
  return out + ">";
}

std::string encode_text_run(const TextRunContent& run) {
  std::string out;
  out.reserve(64 + run.glyphs.size() * 8);
  out += '/' + run.font + ' ' + num(run.size) + " Tf\n";
  out += "1 0 0 1 " + num(run.x) + ' ' + num(run.y) + " Tm\n";
  const bool scaled = std::abs(run.hscale - 1) > 1e-9;
  if (scaled) out += num(100 * run.hscale) + " Tz\n";  // font expansion

  TjWriter tj(out);
  double pen = 0;   // where the viewer's pen is, 1/1000 em from the origin
  double rise = 0;  // current Ts, 1/1000 em
  size_t next_span = 0;
  bool in_span = false;
  for (size_t i = 0; i < run.glyphs.size(); ++i) {
    const ShowGlyph& g = run.glyphs[i];
    if (in_span && run.spans[next_span - 1].end == i) {
      tj.close();
      out += end_marked_content();
      in_span = false;
    }
    if (!in_span && next_span < run.spans.size() && run.spans[next_span].begin == i) {
      tj.close();
      out += "/Span <</ActualText " + pdf_text_string_literal(run.spans[next_span].text) + ">> BDC\n";
      ++next_span;
      in_span = true;
    }
    if (g.rise != rise) {
      tj.close();
      out += num(g.rise * run.size / 1000.0) + " Ts\n";
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
  return out;
}

std::string begin_marked_content(const std::string& role, int mcid) {
  return '/' + role + " <</MCID " + std::to_string(mcid) + ">> BDC\n";
}

std::string begin_artifact() { return "/Artifact BMC\n"; }

std::string end_marked_content() { return "EMC\n"; }

}  // namespace jan20::pdf
