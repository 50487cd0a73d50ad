// Mixed-script words and schwa look-alikes: Azerbaijani has been written in
// Latin, Cyrillic and Arabic scripts, and text pasted from old sources often
// carries a Cyrillic "а" or "ә" inside a Latin word, or the turned e "ǝ"
// (U+01DD) that fonts draw like "ə" (U+0259). They look right and are wrong:
// they break search, hyphenation and copy-paste. And Azerbaijani words left
// unmarked in another language's text: a screen reader would read "faciəsi"
// with an English voice (PDF/UA wants the language of every passage).
// Warnings, with the fix.
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <map>

#include "core/codepoint_table.h"
#include "core/utf.h"

#include "load/load.h"
#include "load/text_util.h"
#include "model/block_texts.h"

namespace jan20::load {

namespace {

// Cyrillic letters and the Latin letters they are drawn like.
const std::map<char32_t, char32_t>& cyrillic_to_latin() {
  static const std::map<char32_t, char32_t> kMap = {
      {0x0430, 'a'}, {0x0435, 'e'}, {0x043E, 'o'}, {0x0441, 'c'}, {0x0440, 'p'}, {0x0445, 'x'},
      {0x0443, 'y'}, {0x0458, 'j'}, {0x0456, 'i'}, {0x04D9, 0x0259}, {0x04BB, 'h'}, {0x0455, 's'},
      {0x051B, 'q'}, {0x051D, 'w'}, {0x0410, 'A'}, {0x0412, 'B'}, {0x0415, 'E'}, {0x041A, 'K'},
      {0x041C, 'M'}, {0x041D, 'H'}, {0x041E, 'O'}, {0x0420, 'P'}, {0x0421, 'C'}, {0x0422, 'T'},
      {0x0425, 'X'}, {0x0423, 'Y'}, {0x0408, 'J'}, {0x0406, 'I'}, {0x04D8, 0x018F}, {0x0405, 'S'},
      {0x04AE, 'Y'},
  };
  return kMap;
}

const std::map<char32_t, char32_t>& latin_to_cyrillic() {
  static const std::map<char32_t, char32_t> kMap = [] {
    std::map<char32_t, char32_t> m;
    for (auto [cyr, lat] : cyrillic_to_latin()) m.emplace(lat, cyr);  // first pair wins: H -> Н
    return m;
  }();
  return kMap;
}

std::string cp_text(char32_t cp) { return u32_to_utf8(std::u32string(1, cp)); }

enum class Script { Other, Latin, Cyrillic };

Script script_by_icu(char32_t cp) {
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode s = uscript_getScript(static_cast<UChar32>(cp), &status);
  if (U_FAILURE(status)) return Script::Other;
  return s == USCRIPT_LATIN ? Script::Latin : s == USCRIPT_CYRILLIC ? Script::Cyrillic : Script::Other;
}


bool word_char_by_icu(char32_t cp) {
  return u_isalpha(static_cast<UChar32>(cp)) ||
         (U_GET_GC_MASK(static_cast<UChar32>(cp)) & U_GC_M_MASK) != 0;
}


// Letters of the Azerbaijani Latin alphabet that English, Russian and most
// other languages do not use: ə, ı, ğ (and their capitals, with İ). Turkish
// shares ı, ğ and İ, so a Turkish text is not checked.
bool azerbaijani_letter(char32_t c) {
  return c == 0x0259 || c == 0x018F || c == 0x0131 || c == 0x0130 || c == 0x011F || c == 0x011E;
}

// Letters that look like the schwa and are not it: ǝ (turned e), ɘ (reversed
// e), Ǝ (turned E).
bool schwa_look_alike(char32_t c) { return c == 0x01DD || c == 0x0258 || c == 0x018E; }

bool primary_language_is(std::string_view lang, std::string_view code) {
  return lang.substr(0, lang.find('-')) == code;
}

struct Checker {
  DiagnosticSink& sink;
  // Asked for every character of the content: the answers for the first
  // code points are kept in tables, made once per document.
  const CodepointTable<bool> word_chars{word_char_by_icu};
  const CodepointTable<Script> scripts{script_by_icu};

  bool word_char(char32_t cp) const { return word_chars(cp); }
  Script script_of(char32_t cp) const { return scripts(cp); }

  // `text` starts at `where`; `exact` says whether columns can be counted
  // from there (inline spans) or only the block is known.
  void check(std::string_view text, const SourceLocation& where, bool exact, std::string_view lang) {
    bool language_checked = lang.empty() || primary_language_is(lang, "az") || primary_language_is(lang, "tr");
    if (nothing_to_say(text, language_checked)) return;
    std::u32string u = utf8_to_u32(text);
    for (size_t i = 0; i < u.size();) {
      if (!word_char(u[i])) {
        ++i;
        continue;
      }
      size_t end = i;
      while (end < u.size() && word_char(u[end])) ++end;
      check_word(u, i, end, where, exact, lang);
      if (!language_checked) language_checked = check_language(u, i, end, where, exact, lang);
      i = end;
    }
  }

  // True when one quick read of the text shows that check() would find
  // nothing: every character is ASCII, below U+0400 (no Cyrillic there) or
  // in U+2000 to U+207F (punctuation), none is a schwa look-alike, and, when
  // the language is still to be checked, none is an Azerbaijani letter. Most
  // texts are such, and decoding them into words only to find nothing was
  // most of the check's time. Anything else (Cyrillic, other scripts) is
  // checked whole.
  static bool nothing_to_say(std::string_view text, bool language_checked) {
    for (size_t i = 0; i < text.size();) {
      if (static_cast<unsigned char>(text[i]) < 0x80) {
        ++i;
        continue;
      }
      const char32_t c = utf8_next(text, i);
      if (c >= 0x2000 && c <= 0x207F) continue;
      if (c >= 0x0400 || schwa_look_alike(c)) return false;
      if (!language_checked && azerbaijani_letter(c)) return false;
    }
    return true;
  }

  // One warning per text: the first Azerbaijani-looking word in it.
  bool check_language(const std::u32string& u, size_t begin, size_t end, const SourceLocation& where, bool exact,
                      std::string_view lang) {
    for (size_t i = begin; i < end; ++i) {
      if (!azerbaijani_letter(u[i])) continue;
      SourceLocation loc = where;
      if (exact) loc.column += static_cast<int>(begin);
      std::string word = u32_to_utf8(u.substr(begin, end - begin));
      sink.warning(loc, "'" + shorten(word) + "' looks Azerbaijani ('" + cp_text(u[i]) + "' " +
                            codepoint_label(u[i]) + ") in text whose language is '" + std::string(lang) + "'",
                   "mark the words with their language, e.g. [" + word + "](lang:az), so that screen readers and "
                   "hyphenation treat them as Azerbaijani");
      return true;
    }
    return false;
  }

  void check_word(const std::u32string& u, size_t begin, size_t end, const SourceLocation& where, bool exact,
                  std::string_view lang) {
    auto at = [&](size_t i) {
      SourceLocation loc = where;
      if (exact) loc.column += static_cast<int>(i);
      return loc;
    };
    int latin = 0, cyrillic = 0;
    for (size_t i = begin; i < end; ++i) {
      Script s = script_of(u[i]);
      latin += s == Script::Latin;
      cyrillic += s == Script::Cyrillic;
    }
    bool cyrillic_word = cyrillic > latin || (cyrillic == latin && lang.find("Cyrl") != std::string_view::npos);
    // The word as UTF-8, made only for a message.
    auto word = [&] { return u32_to_utf8(u.substr(begin, end - begin)); };

    for (size_t i = begin; i < end; ++i) {
      char32_t c = u[i];
      if (schwa_look_alike(c)) {
        bool upper = c == 0x018E;
        char32_t fix = cyrillic_word ? (upper ? 0x04D8 : 0x04D9) : (upper ? 0x018F : 0x0259);
        sink.warning(at(i), "'" + cp_text(c) + "' " + codepoint_label(c) + " in '" + shorten(word()) +
                                "' is not the Azerbaijani schwa",
                     "write " + cp_text(fix) + " " + codepoint_label(fix));
      }
    }
    if (latin == 0 || cyrillic == 0) return;
    Script minority = cyrillic_word ? Script::Latin : Script::Cyrillic;
    for (size_t i = begin; i < end; ++i) {
      if (script_of(u[i]) != minority) continue;
      const auto& map = minority == Script::Cyrillic ? cyrillic_to_latin() : latin_to_cyrillic();
      std::string what = minority == Script::Cyrillic ? "Cyrillic" : "Latin";
      std::string message = "word '" + shorten(word()) + "' mixes Latin and Cyrillic letters: '" + cp_text(u[i]) +
                            "' " + codepoint_label(u[i]) + " is " + what;
      auto fix = map.find(u[i]);
      sink.warning(at(i), message,
                   fix != map.end() ? "write " + cp_text(fix->second) + " " + codepoint_label(fix->second)
                                    : std::string("write the word in one script"));
      return;  // one warning per word
    }
  }
};

}  // namespace

void check_scripts(const model::Document& doc, DiagnosticSink& sink) {
  Checker c{sink};
  for (const auto& b : doc.blocks) {
    std::string lang = b.lang.empty() ? doc.meta.language : b.lang;
    // Every text the content gives (the alt text too); not what the layout adds.
    model::for_each_text(b, [&](const model::BlockText& t) {
      if (t.kind != model::BlockText::Kind::Added) c.check(t.text, *t.where, t.exact, t.lang.empty() ? lang : t.lang);
    });
  }
}

}  // namespace jan20::load
