#include "pdf/document_meta.h"

#include <cctype>

#include "pdf/digest.h"
#include "pdf/pdfa.h"
#include "pdf/xmp.h"

namespace jan20::pdf {
namespace {

bool all_digits(const std::string& s, size_t from, size_t n) {
  if (s.size() < from + n) return false;
  for (size_t i = from; i < from + n; ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

// Roman numeral value of `s` written in canonical form, or 0.
int roman_value(const std::string& s, bool upper) {
  static constexpr struct {
    int value;
    const char* lower;
  } kDigits[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
                 {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}};
  if (s.empty() || s.size() > 15) return 0;
  std::string lower;
  for (char c : s) {
    bool is_upper = std::isupper(static_cast<unsigned char>(c));
    if (is_upper != upper) return 0;
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  int value = 0;
  size_t pos = 0;
  for (const auto& d : kDigits) {
    std::string_view sym(d.lower);
    while (lower.compare(pos, sym.size(), sym) == 0) {
      value += d.value;
      pos += sym.size();
    }
  }
  if (pos != lower.size() || value == 0 || value > 3999) return 0;
  // Canonical only ("iiii" is not a roman numeral): re-encode and compare.
  std::string again;
  int v = value;
  for (const auto& d : kDigits)
    while (v >= d.value) {
      again += d.lower;
      v -= d.value;
    }
  return again == lower ? value : 0;
}

LabelRange classify(const std::string& label) {
  LabelRange r;
  if (label.empty()) return r;
  if (int v = roman_value(label, false)) return {0, 'r', "", v};
  if (int v = roman_value(label, true)) return {0, 'R', "", v};
  size_t digits = label.size();
  while (digits > 0 && std::isdigit(static_cast<unsigned char>(label[digits - 1]))) --digits;
  if (digits < label.size() && label[digits] != '0' && label.size() - digits <= 9)
    return {0, 'D', label.substr(0, digits), std::stoi(label.substr(digits))};
  r.prefix = label;
  return r;
}

HPDF_Dict info_dict(DocumentWriter& w) {
  // libharu creates the Info dictionary on first use.
  HPDF_SetInfoAttr(w.doc.get(), HPDF_INFO_PRODUCER, "jan20-pdf");
  return w.doc.get()->info;
}

}  // namespace

std::optional<std::string> pdf_date(const std::string& iso) {
  // YYYY-MM-DD[THH:MM[:SS]][Z|±HH:MM]
  if (!all_digits(iso, 0, 4) || iso.size() < 10 || iso[4] != '-' || !all_digits(iso, 5, 2) || iso[7] != '-' ||
      !all_digits(iso, 8, 2))
    return std::nullopt;
  std::string out = "D:" + iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
  int month = std::stoi(iso.substr(5, 2)), day = std::stoi(iso.substr(8, 2));
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  size_t pos = 10;
  std::string hh = "00", mm = "00", ss = "00";
  if (pos < iso.size() && (iso[pos] == 'T' || iso[pos] == ' ')) {
    if (!all_digits(iso, pos + 1, 2) || iso.size() < pos + 6 || iso[pos + 3] != ':' || !all_digits(iso, pos + 4, 2))
      return std::nullopt;
    hh = iso.substr(pos + 1, 2);
    mm = iso.substr(pos + 4, 2);
    pos += 6;
    if (pos < iso.size() && iso[pos] == ':') {
      if (!all_digits(iso, pos + 1, 2)) return std::nullopt;
      ss = iso.substr(pos + 1, 2);
      pos += 3;
    }
    if (std::stoi(hh) > 23 || std::stoi(mm) > 59 || std::stoi(ss) > 59) return std::nullopt;
  }
  out += hh + mm + ss;
  if (pos == iso.size() || (iso[pos] == 'Z' && pos + 1 == iso.size())) return out + "Z";
  if ((iso[pos] == '+' || iso[pos] == '-') && iso.size() == pos + 6 && all_digits(iso, pos + 1, 2) &&
      iso[pos + 3] == ':' && all_digits(iso, pos + 4, 2))
    return out + iso[pos] + iso.substr(pos + 1, 2) + "'" + iso.substr(pos + 4, 2) + "'";
  return std::nullopt;
}

std::vector<LabelRange> page_label_ranges(const std::vector<std::string>& labels) {
  std::vector<LabelRange> out;
  for (size_t i = 0; i < labels.size(); ++i) {
    LabelRange r = classify(labels[i]);
    r.first_page = static_cast<int>(i);
    if (!out.empty()) {
      const LabelRange& last = out.back();
      int expected = last.start + (static_cast<int>(i) - last.first_page);
      bool numbered = r.style != 0;
      if (r.style == last.style && r.prefix == last.prefix && (!numbered || r.start == expected)) continue;
    }
    out.push_back(r);
  }
  return out;
}

bool write_info(DocumentWriter& w) {
  const model::DocumentInfo& info = w.source.info;
  HPDF_Dict dict = info_dict(w);
  if (!dict) return w.doc.check(w.sink, "writing the document info");
  HPDF_MMgr mmgr = w.doc.mmgr();
  auto put = [&](const char* key, const std::string& value) {
    if (!value.empty()) HPDF_Dict_Add(dict, key, new_text_string(mmgr, value));
  };
  // The XMP says the same (xmp.h): PDF/A requires them to agree.
  DocumentMetadata m = document_metadata(info);
  put("Title", m.title);
  put("Author", m.author);
  put("Subject", m.subject);
  put("Keywords", m.keywords);
  put("Creator", m.creator);
  put("Producer", m.producer);
  if (!info.date.empty() && m.pdf_date.empty())
    w.sink.warning({}, "document date '" + info.date + "' is not an ISO 8601 date; CreationDate is left out",
                   "write it as 2025-01-20 or 2025-01-20T10:00:00+04:00");
  put("CreationDate", m.pdf_date);
  put("ModDate", m.pdf_date);
  if (claims_pdfx4(w.options)) {  // the XMP says the same (pdfxid, pdf:Trapped)
    HPDF_Dict_Add(dict, "GTS_PDFXVersion", HPDF_String_New(mmgr, "PDF/X-4", nullptr));
    HPDF_Dict_AddName(dict, "Trapped", "False");
  }
  return w.doc.check(w.sink, "writing the document info");
}

bool write_catalog_entries(DocumentWriter& w) {
  HPDF_Dict catalog = w.doc.catalog();
  HPDF_MMgr mmgr = w.doc.mmgr();
  if (!w.source.info.lang.empty()) HPDF_Dict_Add(catalog, "Lang", new_text_string(mmgr, w.source.info.lang));
  // Show the title, not the file name, in the window bar (PDF/UA asks for it).
  HPDF_Dict prefs = HPDF_Dict_New(mmgr);
  HPDF_Dict_Add(catalog, "ViewerPreferences", prefs);
  HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE);

  std::vector<std::string> labels;
  bool any = false;
  for (const model::Page& p : w.source.pages) {
    labels.push_back(p.label);
    any = any || !p.label.empty();
  }
  if (any) {
    for (const LabelRange& r : page_label_ranges(labels)) {
      HPDF_Dict label = HPDF_Dict_New(mmgr);
      if (r.style) {
        char style[2] = {r.style, 0};
        HPDF_Dict_AddName(label, "S", style);
      }
      if (!r.prefix.empty()) HPDF_Dict_Add(label, "P", new_text_string(mmgr, r.prefix));
      if (r.style && r.start != 1) HPDF_Dict_AddNumber(label, "St", r.start);
      HPDF_Catalog_AddPageLabel(catalog, static_cast<HPDF_UINT>(r.first_page), label);
    }
  }
  return w.doc.check(w.sink, "writing the catalog");
}

bool write_outline(DocumentWriter& w) {
  if (w.source.outline.empty()) return true;
  HPDF_MMgr mmgr = w.doc.mmgr();
  struct Open {
    int level;
    HPDF_Outline outline;
  };
  std::vector<Open> stack;
  for (const model::OutlineEntry& e : w.source.outline) {
    if (e.page < 0 || static_cast<size_t>(e.page) >= w.pages.size()) {
      w.sink.warning({}, "outline entry '" + e.title + "' points at page " + std::to_string(e.page + 1) +
                             ", which does not exist; it is left out",
                     "this is a bug in the layout stage");
      continue;
    }
    while (!stack.empty() && stack.back().level >= e.level) stack.pop_back();
    HPDF_Outline parent = stack.empty() ? nullptr : stack.back().outline;
    // libharu writes titles through an 8-bit encoder; the title is replaced
    // by a UTF-16BE string so Azerbaijani letters survive (ə, ğ, ı, İ, ş).
    HPDF_Outline outline = HPDF_CreateOutline(w.doc.get(), parent, "", nullptr);
    if (!outline) return w.doc.check(w.sink, "writing the outline");
    HPDF_Dict_Add(outline, "Title", new_text_string(mmgr, e.title));
    HPDF_Outline_SetOpened(outline, e.level <= 1 ? HPDF_TRUE : HPDF_FALSE);
    HPDF_Destination dest = xyz_destination(w, static_cast<size_t>(e.page), e.y);
    if (dest) HPDF_Outline_SetDestination(outline, dest);
    stack.push_back({e.level, outline});
  }
  HPDF_SetPageMode(w.doc.get(), HPDF_PAGE_MODE_USE_OUTLINE);
  return w.doc.check(w.sink, "writing the outline");
}

namespace {

HPDF_Dict output_intent(DocumentWriter& w, const char* subtype, HPDF_Dict profile, const std::string& name) {
  // A condition outside the ICC registry is named "Custom" and described by
  // its embedded profile.
  HPDF_MMgr mmgr = w.doc.mmgr();
  HPDF_Dict intent = HPDF_Dict_New(mmgr);
  HPDF_Xref_Add(w.doc.xref(), intent);
  HPDF_Dict_AddName(intent, "Type", "OutputIntent");
  HPDF_Dict_AddName(intent, "S", subtype);
  HPDF_Dict_Add(intent, "OutputConditionIdentifier", HPDF_String_New(mmgr, "Custom", nullptr));
  HPDF_Dict_Add(intent, "OutputCondition", new_text_string(mmgr, name));
  HPDF_Dict_Add(intent, "Info", new_text_string(mmgr, name));
  HPDF_Dict_Add(intent, "RegistryName", HPDF_String_New(mmgr, "http://www.color.org", nullptr));
  HPDF_Dict_Add(intent, "DestOutputProfile", profile);
  return intent;
}

}  // namespace

bool write_output_intent(DocumentWriter& w) {
  // Print: the CMYK profile of the printing condition (PDF/X, and PDF/A with
  // --pdfa). Screen: an intent only for PDF/A, with an RGB profile (sRGB).
  const bool print = w.options.target == Target::Print;
  static const std::string kNone;
  const std::string& path = print ? w.options.icc_profile : w.options.pdfa ? w.options.rgb_profile : kNone;
  if (path.empty()) {
    if (!w.options.pdfa) return true;
    w.sink.error({}, std::string("PDF/A needs an output intent, and no ") + (print ? "CMYK" : "RGB") +
                         " profile was given",
                 print ? "set PdfOptions::icc_profile to the printing condition's CMYK profile"
                       : "set PdfOptions::rgb_profile to an sRGB profile, e.g. /usr/share/color/icc/ghostscript/srgb.icc");
    return false;
  }
  HPDF_Dict profile = embed_icc_profile(w, path, print ? "CMYK" : "RGB ");
  if (!profile) return false;

  // The intents are built here rather than by HPDF_PDFA_AppendOutputIntents:
  // in 2.3.0 that writes a key "DestOutputProfile " with a trailing space
  // (so the profile is lost). A print intent is /GTS_PDFX (ISO 15930), a
  // PDF/A one /GTS_PDFA1 (ISO 19005, every part); when there are both, they
  // share one profile object, as ISO 19005-2 §6.2.3 requires.
  std::string name = path.substr(path.find_last_of('/') + 1);
  HPDF_Array intents = HPDF_Array_New(w.doc.mmgr());
  if (print) HPDF_Array_Add(intents, output_intent(w, "GTS_PDFX", profile, name));
  if (w.options.pdfa) HPDF_Array_Add(intents, output_intent(w, "GTS_PDFA1", profile, name));
  HPDF_Dict_Add(w.doc.catalog(), "OutputIntents", intents);
  return w.doc.check(w.sink, "writing the output intent");
}

namespace {
// 16 zero bytes, written by libharu as 32 hex zeros.
const std::string kIdPlaceholder(32, '0');
}  // namespace

bool add_placeholder_id(DocumentWriter& w) {
  HPDF_MMgr mmgr = w.doc.mmgr();
  HPDF_Array id = HPDF_Array_New(mmgr);
  HPDF_Dict_Add(w.doc.trailer(), "ID", id);
  const std::string zeros(16, '\0');
  HPDF_Array_Add(id, new_byte_string(mmgr, zeros));
  HPDF_Array_Add(id, new_byte_string(mmgr, zeros));
  return w.doc.check(w.sink, "adding the document ID");
}

size_t find_document_id(std::string_view tail) {
  // The trailer is the last thing written; libharu writes the array as
  // "/ID [ <0…0> <0…0> ]".
  const std::string first = "/ID [ <";
  const std::string pattern = first + kIdPlaceholder + "> <" + kIdPlaceholder + "> ]";
  const size_t at = tail.rfind(pattern);
  return at == std::string_view::npos ? at : at + first.size();
}

std::string document_id_hex(const Digest& md5_of_file) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string hex;
  for (uint8_t b : md5_of_file) {
    hex += kHex[b >> 4];
    hex += kHex[b & 0xF];
  }
  return hex;
}

bool patch_document_id(std::string* pdf) {
  const size_t at = find_document_id(*pdf);
  if (at == std::string::npos) return false;
  const std::string hex = document_id_hex(md5(*pdf));
  pdf->replace(at, 32, hex);
  pdf->replace(at + kSecondIdAt, 32, hex);
  return true;
}

}  // namespace jan20::pdf
