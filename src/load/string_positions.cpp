#include "load/string_positions.h"

#include <algorithm>

#include "core/utf.h"

namespace jan20::load {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes the TOML string literal starting at src[p] (TOML 1.0, "String").
class LiteralReader {
 public:
  LiteralReader(std::string_view src, size_t p, int line, int column) : s_(src), p_(p), line_(line), col_(column) {}

  bool read(std::string& out, std::vector<StringPositions::Stretch>& stretches) {
    out_ = &out;
    stretches_ = &stretches;
    bool basic;
    bool multi;
    if (starts("\"\"\"")) basic = true, multi = true;
    else if (starts("'''")) basic = false, multi = true;
    else if (starts("\"")) basic = true, multi = false;
    else if (starts("'")) basic = false, multi = false;
    else return false;
    char quote = basic ? '"' : '\'';
    advance(multi ? 3 : 1);
    if (multi) {  // a newline right after the opening delimiter is trimmed
      if (starts("\r\n")) newline(2);
      else if (starts("\n")) newline(1);
    }
    while (p_ < s_.size()) {
      char c = s_[p_];
      if (c == quote) {
        if (!multi) return true;
        size_t run = 0;
        while (p_ + run < s_.size() && s_[p_ + run] == quote) ++run;
        if (run >= 3) {  // up to two quotes may precede the closing delimiter
          for (size_t i = 0; i < run - 3; ++i) emit_char();
          return true;
        }
        for (size_t i = 0; i < run; ++i) emit_char();
        continue;
      }
      if (c == '\\' && basic) {
        if (!escape(multi)) return false;
        continue;
      }
      if (c == '\r' && p_ + 1 < s_.size() && s_[p_ + 1] == '\n' && multi) {
        emit('\n');
        newline(2);
        continue;
      }
      if (c == '\n') {
        if (!multi) return false;
        emit('\n');
        newline(1);
        continue;
      }
      if (c == '\r') {
        emit_char();
        continue;
      }
      emit_plain(basic, quote);
    }
    return false;
  }

 private:
  bool starts(std::string_view t) const { return s_.substr(p_, t.size()) == t; }
  void advance(size_t ascii_chars) {
    p_ += ascii_chars;
    col_ += static_cast<int>(ascii_chars);
  }
  void newline(size_t bytes) {
    p_ += bytes;
    ++line_;
    col_ = 1;
  }
  // The bytes about to be appended all come from (line, col).
  void fixed(int line, int col) { stretches_->push_back({out_->size(), line, col, false}); }
  void emit(char byte) {
    fixed(line_, col_);
    out_->push_back(byte);
  }
  // Copies the characters up to the next one that needs a decision (the
  // quote, a backslash in a basic string, a line end) in one go; each byte of
  // a character maps to that character's column. The value is valid UTF-8
  // (toml++ checked it), so a character starts at each byte that is not a
  // continuation byte.
  void emit_plain(bool basic, char quote) {
    size_t end = p_;
    while (end < s_.size()) {
      const char c = s_[end];
      if (c == quote || c == '\n' || c == '\r' || (basic && c == '\\')) break;
      ++end;
    }
    const size_t n = end - p_;
    if (n > 0) {
      stretches_->push_back({out_->size(), line_, col_, true});
      out_->append(s_.data() + p_, n);
      col_ += static_cast<int>(utf8_length(std::string_view(s_.data() + p_, n)));
    }
    p_ = end;
  }
  // Copies one UTF-8 character; all its bytes map to its column.
  void emit_char() {
    size_t start = p_;
    utf8_next(s_, p_);
    fixed(line_, col_);
    out_->append(s_.data() + start, p_ - start);
    ++col_;
  }
  bool escape(bool multi) {
    int line = line_, col = col_;
    if (p_ + 1 >= s_.size()) return false;
    char e = s_[p_ + 1];
    auto put = [&](std::string_view bytes, size_t consumed) {
      fixed(line, col);
      out_->append(bytes);
      advance(consumed);
    };
    switch (e) {
      case 'b': put("\b", 2); return true;
      case 't': put("\t", 2); return true;
      case 'n': put("\n", 2); return true;
      case 'f': put("\f", 2); return true;
      case 'r': put("\r", 2); return true;
      case '"': put("\"", 2); return true;
      case '\\': put("\\", 2); return true;
      case 'u':
      case 'U': {
        size_t digits = e == 'u' ? 4 : 8;
        if (p_ + 2 + digits > s_.size()) return false;
        char32_t cp = 0;
        for (size_t i = 0; i < digits; ++i) {
          int h = hex_value(s_[p_ + 2 + i]);
          if (h < 0) return false;
          cp = cp * 16 + static_cast<char32_t>(h);
        }
        std::string bytes;
        utf8_append(bytes, cp);
        put(bytes, 2 + digits);
        return true;
      }
      default:
        break;
    }
    if (!multi) return false;
    // Line-ending backslash: skip it, the rest of the line's white space,
    // and all white space and newlines that follow.
    size_t q = p_ + 1;
    while (q < s_.size() && (s_[q] == ' ' || s_[q] == '\t')) ++q;
    if (q >= s_.size() || (s_[q] != '\n' && s_[q] != '\r')) return false;
    col_ += static_cast<int>(q - p_);
    p_ = q;
    while (p_ < s_.size()) {
      if (starts("\r\n")) newline(2);
      else if (starts("\n")) newline(1);
      else if (s_[p_] == ' ' || s_[p_] == '\t') advance(1);
      else break;
    }
    return true;
  }

  std::string_view s_;
  size_t p_;
  int line_, col_;
  std::string* out_ = nullptr;
  std::vector<StringPositions::Stretch>* stretches_ = nullptr;
};

}  // namespace

StringPositions::StringPositions(const SourceFile& file, const toml::node& node)
    : file_(file.display), start_(file.at(node)) {
  const std::string* value = node.as_string() ? &node.as_string()->get() : nullptr;
  size_t offset = file.offset_of(start_.line, start_.column);
  if (!value || offset == std::string::npos) return;
  std::string decoded;
  std::vector<Stretch> stretches;
  decoded.reserve(value->size());
  LiteralReader reader(file.text, offset, start_.line, start_.column);
  if (!reader.read(decoded, stretches) || decoded != *value) return;
  value_ = *value;
  stretches_ = std::move(stretches);
  exact_ = true;
}

SourceLocation StringPositions::at_byte(size_t offset) const {
  // The stretch holding the byte: the last one starting at or before it.
  auto next = std::upper_bound(stretches_.begin(), stretches_.end(), offset,
                               [](size_t o, const Stretch& s) { return o < s.start; });
  const Stretch& s = *(next - 1);
  // A copied byte is at its character's column: one on for each character
  // that starts after the stretch's first byte, up to and with this one.
  const int on = s.copied ? static_cast<int>(utf8_length(value_.substr(s.start + 1, offset - s.start))) : 0;
  return {file_, s.line, s.column + on};
}

SourceLocation StringPositions::at(size_t offset) const {
  if (!exact_ || value_.empty()) return start_;
  if (offset < value_.size()) return at_byte(offset);
  SourceLocation last = at_byte(value_.size() - 1);
  ++last.column;
  return last;
}

}  // namespace jan20::load
