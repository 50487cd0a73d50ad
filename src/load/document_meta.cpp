// [meta] of a content file: what goes into the PDF's document information
// and the colophon.
#include <unicode/uchar.h>

#include <cstdio>

#include "core/utf.h"
#include "load/document_sections.h"
#include "load/string_positions.h"
#include "load/text_util.h"
#include "load/uri.h"

namespace jan20::load {

namespace {

// "U+0007 (BEL)" for the control characters people meet.
std::string control_name(char32_t cp) {
  static const char* const kC0[32] = {"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF",
                                      "VT",  "FF",  "CR",  "SO",  "SI",  "DLE", "DC1", "DC2", "DC3", "DC4", "NAK",
                                      "SYN", "ETB", "CAN", "EM",  "SUB", "ESC", "FS",  "GS",  "RS",  "US"};
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  std::string out = buf;
  if (cp < 32) out += std::string(" (") + kC0[cp] + ")";
  if (cp == 0x7F) out += " (DEL)";
  return out;
}

bool is_control(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

}  // namespace

bool check_text_length(const Ctx& cx, const toml::node& n, const std::string& path, std::string_view text) {
  size_t chars = utf8_length(text);
  if (chars > kMaxTextChars) {
    cx.error(n, "'" + path + "' is " + std::to_string(chars) + " characters long; a text may have at most " +
                    std::to_string(kMaxTextChars),
             "split it into several paragraphs or blocks");
    return false;
  }
  // The first control character and the first overlong cluster, each at its
  // own line and column in the file.
  int marks = 0;
  for (size_t pos = 0; pos < text.size();) {
    // Printable ASCII, most of any text: neither a control character nor a
    // mark (and it ends a run of marks).
    if (const auto b = static_cast<unsigned char>(text[pos]); b >= 0x20 && b < 0x7F) {
      marks = 0;
      ++pos;
      continue;
    }
    size_t at = pos;
    char32_t cp = utf8_next(text, pos);
    bool crlf = cp == '\r' && pos < text.size() && text[pos] == '\n';
    if (is_control(cp) && cp != '\t' && cp != '\n' && !crlf) {
      cx.sink.error(StringPositions(cx.file, n).at(at),
                    "'" + path + "' holds the control character " + control_name(cp),
                    "remove it: text may hold tab and newline, no other control character");
      return false;
    }
    // No combining mark is below U+0300 (Latin, Azerbaijani's letters among
    // them): those skip ICU's look-up.
    marks = cp >= 0x300 && (U_GET_GC_MASK(static_cast<UChar32>(cp)) & U_GC_M_MASK) ? marks + 1 : 0;
    if (marks > kMaxCombiningMarks) {
      cx.sink.error(StringPositions(cx.file, n).at(at),
                    "'" + path + "' has a letter with more than " + std::to_string(kMaxCombiningMarks) +
                        " combining marks",
                    "no writing system needs more than a few; remove the repeated marks");
      return false;
    }
  }
  return true;
}

std::optional<std::string> read_text(const Ctx& cx, const toml::node& n, const std::string& path) {
  auto s = read_string(cx, n, path);
  if (!s || !check_text_length(cx, n, path, *s)) return std::nullopt;
  return to_nfc(*s);
}

std::string check_iso_date(std::string_view t) {
  auto digits = [&](size_t from, size_t n) {
    int v = 0;
    for (size_t i = from; i < from + n; ++i) {
      if (i >= t.size() || t[i] < '0' || t[i] > '9') return -1;
      v = v * 10 + (t[i] - '0');
    }
    return v;
  };
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return "write it as YYYY-MM-DD, e.g. \"2026-01-20\"";
  int y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
  if (y < 0 || m < 0 || d < 0) return "write it as YYYY-MM-DD, e.g. \"2026-01-20\"";
  if (y < 1900 || y > 2200) return "the year " + std::to_string(y) + " is not plausible for an edition";
  if (m < 1 || m > 12) return "there is no month " + std::to_string(m);
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int days = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
  if (d < 1 || d > days) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d has %d days", y, m, days);
    return buf;
  }
  return {};
}

namespace {

std::optional<std::string> read_date(const Ctx& cx, const toml::node& n, const std::string& path) {
  std::string text;
  if (const auto* d = n.as_date()) {  // date = 2026-01-20 without quotes is a TOML date
    char buf[16];
    const toml::date& v = d->get();
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", v.year, v.month, v.day);
    text = buf;
  } else if (n.is_string()) {
    text = n.as_string()->get();
  } else {
    cx.error(n, "'" + path + "' must be a date like \"2026-01-20\", found " + describe_value(n),
             "the PDF's dates come from it: write the edition's date");
    return std::nullopt;
  }
  if (std::string problem = check_iso_date(text); !problem.empty()) {
    cx.error(n, "'" + path + "' is not a valid date: \"" + shorten(text) + "\"", problem);
    return std::nullopt;
  }
  return text;
}

}  // namespace

void read_meta(TableReader& root, model::Metadata& meta, ContentState& state) {
  const Ctx& cx = state.cx;
  if (!root.require("meta", {}, "add a [meta] table with title, language and date"))
    return;
  const toml::table* t = root.subtable("meta");
  if (!t) return;
  TableReader m(cx, *t, "meta", "[meta]");
  m.require("title", "\"20 Yanvar\"");
  m.require("language", "\"" + (state.context.language.empty() ? std::string("az") : state.context.language) + "\"");
  // The PDF's dates come from the edition's date, never from the clock; a
  // build may supply one instead (SOURCE_DATE_EPOCH, see ContentContext).
  if (state.context.default_date.empty())
    m.require("date", {}, "add date = \"2026-01-20\" (the PDF's dates come from it), or set SOURCE_DATE_EPOCH");
  else if (!m.has("date"))
    meta.date = state.context.default_date;

  auto text_field = [&](const char* key, std::string& out) {
    if (const toml::node* n = m.get(key))
      if (auto s = read_text(cx, *n, m.key_path(key))) {
        out = *s;
        return true;
      }
    return false;
  };
  // Only a title that was read can be empty (not one refused for what it holds).
  if (text_field("title", meta.title) && meta.title.find_first_not_of(" \t\n") == std::string::npos)
    cx.error(*m.get("title"), "'meta.title' is empty", "give the edition's title");
  text_field("subtitle", meta.subtitle);
  text_field("author", meta.author);
  text_field("publisher", meta.publisher);
  text_field("subject", meta.subject);
  text_field("source", meta.source);
  if (auto keywords = m.strings("keywords"))
    for (const auto& k : *keywords) meta.keywords.push_back(to_nfc(k));

  if (auto lang = m.string("language")) {
    const toml::node& n = *m.get("language");
    if (!valid_language_tag(*lang)) {
      cx.error(n, "'meta.language' is not a language tag: \"" + shorten(*lang) + "\"",
               "write a BCP 47 tag such as \"az\" or \"en\"");
    } else if (!state.context.language.empty() && *lang != state.context.language) {
      cx.error(n, "'meta.language' is \"" + *lang + "\" but this file is the \"" + state.context.language + "\" edition",
               "write language = \"" + state.context.language + "\", or fix the project's content pattern");
    } else {
      meta.language = *lang;
    }
  }
  if (const toml::node* n = m.get("date"))
    if (auto date = read_date(cx, *n, "meta.date")) meta.date = *date;

  if (auto url = m.string("url")) {
    if (url->rfind("https://", 0) != 0 && url->rfind("http://", 0) != 0)
      cx.error(*m.get("url"), "'meta.url' is not a web address: \"" + shorten(*url) + "\"",
               "write it with https://");
    else if (url->find_first_of(" \t\n") != std::string::npos)
      cx.error(*m.get("url"), "'meta.url' contains white space", "encode spaces as %20");
    else if (std::string uri = uri_from_iri(to_nfc(*url)); uri.empty())
      cx.error(*m.get("url"), "'meta.url' has a host that is not a domain name: \"" + shorten(*url) + "\"",
               "write the host as a domain name such as \"az.wikipedia.org\"");
    else
      meta.url = uri;  // ASCII: a QR code carries bytes, not a character set
  }
  if (const toml::node* n = m.get("hyphenation")) {
    if (auto words = read_strings(cx, *n, "meta.hyphenation")) {
      for (size_t i = 0; i < words->size(); ++i) {
        std::string word = to_nfc((*words)[i]);
        if (std::string problem = check_hyphenation_word(word); !problem.empty())
          cx.error(*n->as_array()->get(i),
                   "'" + element_path("meta.hyphenation", i) + "' is not a hyphenation exception: " + problem,
                   "write the word with '-' at its break points: \"xal-qı-mı-zın\"");
        else
          meta.hyphenation_exceptions.push_back(word);
      }
    }
  }
  m.finish({{"lang", "did you mean 'language'?"}, {"hyphenation-exceptions", "did you mean 'hyphenation'?"}});

  // A layout that prints a QR code needs the address it encodes.
  if (const model::Design* design = state.context.design; design && meta.url.empty() && !m.has("url")) {
    for (const auto& [name, master] : design->masters)
      for (const auto& o : master.ornaments)
        if (o.kind == "qr") {
          cx.sink.error(m.at(), "the layout draws a QR code ([masters." + name + "]) but [meta] has no 'url'",
                        "add url = \"https://…\" for the code to link to");
          return;
        }
  }
}

}  // namespace jan20::load
