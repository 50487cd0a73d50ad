// Editions of one document carry the same facts. A translator who drops a
// sentence, or a year, leaves no trace a spell checker could find; the
// numbers can be compared, whatever the language: 150, 744, 1990 and 1994
// are written in figures in every edition. Each number one edition writes
// and another does not is a warning at its first use, naming the edition
// that lacks it.
#include <unicode/uchar.h>

#include <map>
#include <set>

#include "core/utf.h"
#include "load/load.h"
#include "model/block_texts.h"

namespace jan20::load {

namespace {

int digit_value(char32_t c) { return u_isdigit(static_cast<UChar32>(c)) ? u_charDigitValue(static_cast<UChar32>(c)) : -1; }

// Between groups of three digits: "1,000", "1.000", "1 000" (no-break,
// narrow or thin space), "1'000", Arabic "١٬٠٠٠".
bool group_separator(char32_t c) {
  return c == ',' || c == '.' || c == ' ' || c == 0x00A0 || c == 0x202F || c == 0x2009 || c == '\'' ||
         c == 0x066C;
}

bool three_digits_at(const std::u32string& u, size_t i) {
  return i + 3 <= u.size() && digit_value(u[i]) >= 0 && digit_value(u[i + 1]) >= 0 && digit_value(u[i + 2]) >= 0 &&
         (i + 3 == u.size() || digit_value(u[i + 3]) < 0);
}

void add_numbers(std::string_view text, const SourceLocation& where, bool exact, std::vector<NumberUse>& out) {
  std::u32string u = utf8_to_u32(text);
  for (size_t i = 0; i < u.size();) {
    if (digit_value(u[i]) < 0) {
      ++i;
      continue;
    }
    size_t begin = i;
    std::string value;
    // A group separator joins the next three digits to a first group of one
    // to three, or to a later group of three: "1,000" is one number,
    // "20.01.1990" three, "1990, 1994" two.
    for (bool first_group = true;; first_group = false) {
      size_t run = 0;
      for (; i < u.size() && digit_value(u[i]) >= 0; ++i, ++run) value += static_cast<char>('0' + digit_value(u[i]));
      bool joins = i < u.size() && group_separator(u[i]) && three_digits_at(u, i + 1) && (first_group ? run <= 3 : run == 3);
      if (!joins) break;
      ++i;
    }
    size_t zeros = value.find_first_not_of('0');
    value = zeros == std::string::npos ? "0" : value.substr(zeros);
    SourceLocation loc = where;
    if (exact) loc.column += static_cast<int>(begin);
    out.push_back({std::move(value), std::move(loc)});
  }
}

}  // namespace

std::vector<NumberUse> numbers_in(const model::Document& doc) {
  std::vector<NumberUse> numbers;
  SourceLocation meta{doc.path};
  for (const std::string* text : {&doc.meta.title, &doc.meta.subtitle, &doc.meta.source})
    add_numbers(*text, meta, false, numbers);
  for (const model::Block& b : doc.blocks)
    model::for_each_text(b, [&](const model::BlockText& t) {
      if (t.kind != model::BlockText::Kind::Added) add_numbers(t.text, *t.where, t.exact, numbers);
    });
  return numbers;
}

void check_edition_numbers(const std::vector<EditionNumbers>& editions) {
  std::vector<std::set<std::string>> written(editions.size());
  for (size_t e = 0; e < editions.size(); ++e)
    for (const NumberUse& n : editions[e].numbers) written[e].insert(n.value);
  for (size_t e = 0; e < editions.size(); ++e) {
    std::set<std::string> reported;
    for (const NumberUse& n : editions[e].numbers) {
      if (!reported.insert(n.value).second) continue;
      for (size_t other = 0; other < editions.size(); ++other) {
        if (other == e || written[other].count(n.value)) continue;
        const EditionNumbers& lacking = editions[other];
        editions[e].sink->warning(
            n.where,
            "'" + n.value + "' is written in the " + editions[e].lang + " edition but nowhere in the " +
                lacking.lang + " edition (" + lacking.content + ")",
            "editions of a document carry the same facts: add it to the " + lacking.lang +
                " text, in figures (a number written out in words is not compared)");
      }
    }
  }
}

}  // namespace jan20::load
