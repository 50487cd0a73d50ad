#include "text/breaks.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "core/utf.h"
#include "text/script.h"
#include "core/c_handle.h"

namespace jan20::text {

namespace {

// The paragraph as code points with the byte offset of each (and one past
// the end), so that the rules can look around a break.
struct Chars {
  const std::u32string& cps;
  const std::vector<size_t>& at;  // at[i] = byte offset of cps[i]; at[size] = text size

  explicit Chars(const CodePoints& decoded) : cps(decoded.cps), at(decoded.at) {}
  // Index of the code point starting at byte `offset`.
  size_t index_of(size_t offset) const {
    return static_cast<size_t>(std::lower_bound(at.begin(), at.end(), offset) - at.begin());
  }
};

bool is_space(char32_t c) {
  // Breaking white space only: the no-break spaces are GL, not spaces here.
  if (c == 0xA0 || c == 0x202F || c == 0x2007) return false;
  return is_white_space(c);
}

bool is_digit(char32_t c) { return u_isdigit(static_cast<UChar32>(c)); }
bool is_letter(char32_t c) { return u_isalpha(static_cast<UChar32>(c)) && !is_digit(c); }
bool is_upper(char32_t c) { return u_isupper(static_cast<UChar32>(c)); }
bool is_hard_hyphen(char32_t c) { return c == U'-' || c == 0x2010; }

bool is_closing(char32_t c) {
  switch (u_charType(static_cast<UChar32>(c))) {
    case U_END_PUNCTUATION:    // ) ] }
    case U_FINAL_PUNCTUATION:  // » ” ’
      return true;
    default:
      break;
  }
  switch (c) {
    case U',': case U'.': case U';': case U':': case U'!': case U'?': case U'\u2026':
      return true;
    default:
      return false;
  }
}

// "20", "1990", "3.5", "1,5", "12:30", "20 000" (thin space): digits with
// single separators between them.
bool is_number(std::u32string_view w) {
  if (w.empty() || !is_digit(w.front()) || !is_digit(w.back())) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    const char32_t c = w[i];
    if (is_digit(c)) continue;
    const bool separator = c == U'.' || c == U',' || c == U':' || c == 0x202F || c == 0x2009;
    if (!separator || !is_digit(w[i + 1])) return false;
  }
  return true;
}

// "H.", "H.Ə.": capital letter + full stop, one or more times.
bool is_initials(std::u32string_view w) {
  if (w.size() < 2 || w.size() % 2 != 0) return false;
  for (size_t i = 0; i < w.size(); i += 2)
    if (!is_letter(w[i]) || !is_upper(w[i]) || w[i + 1] != U'.') return false;
  return true;
}

class NoBreakRules {
 public:
  NoBreakRules(const Chars& chars, const BreakRules& rules) : c_(chars), rules_(rules) {}

  // A break before code point i after white space: the words around it.
  bool keeps_space(size_t i) const {
    size_t end = i;  // the white space before i
    while (end > 0 && is_space(c_.cps[end - 1])) --end;
    size_t begin = end;
    while (begin > 0 && !is_space(c_.cps[begin - 1])) --begin;
    const std::u32string_view before(c_.cps.data() + begin, end - begin);
    if (is_number(before)) return true;    // 20 Yanvar, 3 mm
    if (is_initials(before)) return true;  // H. Əliyev
    if (i < c_.cps.size() && is_closing(c_.cps[i])) return true;  // söz »
    return false;
  }

  // A break after the hard hyphen at i - 1.
  bool keeps_hyphen(size_t i) const {
    size_t begin = i - 1, end = i;
    while (begin > 0 && !is_space(c_.cps[begin - 1])) --begin;
    while (end < c_.cps.size() && !is_space(c_.cps[end])) ++end;
    for (size_t k = begin; k < end; ++k)
      if (is_digit(c_.cps[k])) return true;  // 1990-cı, 20-ci
    return letters_back(i - 1) < rules_.min_left || letters_forward(i) < rules_.min_right;
  }

 private:
  // Letters right before position `end`, stopping at anything else.
  int letters_back(size_t end) const {
    int n = 0;
    while (end > 0 && (is_letter(c_.cps[end - 1]) || u_getCombiningClass(static_cast<UChar32>(c_.cps[end - 1])) > 0)) {
      n += is_letter(c_.cps[end - 1]);
      --end;
    }
    return n;
  }
  int letters_forward(size_t begin) const {
    int n = 0;
    while (begin < c_.cps.size() && (is_letter(c_.cps[begin]) || u_getCombiningClass(static_cast<UChar32>(c_.cps[begin])) > 0)) {
      n += is_letter(c_.cps[begin]);
      ++begin;
    }
    return n;
  }

  const Chars& c_;
  const BreakRules& rules_;
};

}  // namespace

struct LineBreakIterators::Impl {
  std::mutex mutex;
  std::map<std::string, std::vector<std::unique_ptr<icu::BreakIterator>>, std::less<>> idle;  // by language
};

LineBreakIterators::LineBreakIterators() : impl_(std::make_unique<Impl>()) {}
LineBreakIterators::~LineBreakIterators() = default;

namespace {

std::unique_ptr<icu::BreakIterator> new_line_iterator(std::string_view lang) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(std::string(lang), status);
  if (U_FAILURE(status)) {
    status = U_ZERO_ERROR;
    locale = icu::Locale::getRoot();
  }
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createLineInstance(locale, status));
  if (U_FAILURE(status)) return nullptr;
  return it;
}

// An iterator for one paragraph: from the pool when there is one, given back
// when the paragraph is done.
class BorrowedIterator {
 public:
  BorrowedIterator(LineBreakIterators::Impl* pool, std::string_view lang) : pool_(pool), lang_(lang) {
    if (pool_) {
      std::lock_guard lock(pool_->mutex);
      if (auto found = pool_->idle.find(lang); found != pool_->idle.end() && !found->second.empty()) {
        it_ = std::move(found->second.back());
        found->second.pop_back();
      }
    }
    if (!it_) it_ = new_line_iterator(lang);
  }
  ~BorrowedIterator() {
    if (!pool_ || !it_) return;
    std::lock_guard lock(pool_->mutex);
    auto found = pool_->idle.find(lang_);
    if (found == pool_->idle.end()) found = pool_->idle.emplace(std::string(lang_), decltype(found->second){}).first;
    found->second.push_back(std::move(it_));
  }
  BorrowedIterator(const BorrowedIterator&) = delete;
  BorrowedIterator& operator=(const BorrowedIterator&) = delete;
  icu::BreakIterator* get() const { return it_.get(); }

 private:
  LineBreakIterators::Impl* pool_;
  std::string_view lang_;
  std::unique_ptr<icu::BreakIterator> it_;
};

}  // namespace

std::vector<BreakOpportunity> find_breaks(std::string_view text, std::string_view lang, const BreakRules& rules,
                                          LineBreakIterators* iterators, const CodePoints* decoded) {
  std::vector<BreakOpportunity> out;
  if (text.empty()) return out;
  UErrorCode status = U_ZERO_ERROR;
  const BorrowedIterator borrowed(iterators ? iterators->impl() : nullptr, lang);
  icu::BreakIterator* it = borrowed.get();
  if (!it) return out;
  std::optional<CodePoints> own;
  if (!decoded) decoded = &own.emplace(decode_code_points(text));
  const Chars chars(*decoded);
  // ICU's rules run on UTF-16: given it directly, the iterator reads the
  // text without the UTF-8 adapter's conversion (a tenth of find_breaks'
  // instructions); the breaks are the same code point boundaries. Without a
  // code point above U+FFFF (nearly every paragraph) a UTF-16 index is a
  // code point index; otherwise byte_at maps each UTF-16 index back to the
  // byte its code point starts at.
  const size_t n = chars.cps.size();
  std::u16string utf16(n, u'\0');
  bool one_unit_each = true;
  for (size_t i = 0; i < n && one_unit_each; ++i) {
    utf16[i] = static_cast<char16_t>(chars.cps[i]);
    one_unit_each = chars.cps[i] < 0x10000;
  }
  std::vector<size_t> byte_at;
  if (!one_unit_each) {
    utf16.clear();
    byte_at.reserve(n + 1);
    for (size_t i = 0; i < n; ++i) {
      char16_t units[2];
      for (int k = 0, count = utf16_units(chars.cps[i], units); k < count; ++k) {
        utf16.push_back(units[k]);
        byte_at.push_back(chars.at[i]);  // the second of a pair is never a boundary
      }
    }
    byte_at.push_back(text.size());
  }
  CHandle<UText, utext_close> utext(
      utext_openUChars(nullptr, reinterpret_cast<const UChar*>(utf16.data()), static_cast<int64_t>(utf16.size()), &status));
  if (U_FAILURE(status)) return out;
  it->setText(utext.get(), status);
  if (U_FAILURE(status)) return out;

  const NoBreakRules keep(chars, rules);
  for (int32_t b = it->following(0); b != icu::BreakIterator::DONE; b = it->next()) {
    if (b < 0 || static_cast<size_t>(b) > (one_unit_each ? n : byte_at.size() - 1)) break;
    const size_t offset = one_unit_each ? chars.at[static_cast<size_t>(b)] : byte_at[static_cast<size_t>(b)];
    if (offset >= text.size()) break;
    const int32_t rule = it->getRuleStatus();
    const size_t i = one_unit_each ? static_cast<size_t>(b) : chars.index_of(offset);
    if (i == 0 || i > chars.cps.size()) continue;
    const char32_t before = chars.cps[i - 1];
    BreakOpportunity o;
    o.offset = offset;
    if (rule >= UBRK_LINE_HARD && rule < UBRK_LINE_HARD_LIMIT) {
      o.kind = BreakOpportunity::Kind::Mandatory;
    } else if (is_space(before)) {
      o.kind = BreakOpportunity::Kind::Space;
      if (keep.keeps_space(i)) continue;
    } else if (is_hard_hyphen(before)) {
      o.kind = BreakOpportunity::Kind::Hyphen;
      if (keep.keeps_hyphen(i)) continue;
    } else {
      o.kind = BreakOpportunity::Kind::Other;
      if (is_closing(chars.cps[i])) continue;
    }
    out.push_back(o);
  }
  return out;
}

}  // namespace jan20::text
