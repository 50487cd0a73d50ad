#pragma once
// The document-level dictionaries: Info (title, author, dates from the
// content, never the clock; the same values as the XMP, see xmp.h), the
// catalog's /Lang, /ViewerPreferences,
// /PageLabels and /Outlines, the print output intent, and the trailer /ID.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "model/paged.h"
#include "pdf/digest.h"
#include "pdf/page_writer.h"

namespace jan20::pdf {

// "2025-01-20" -> "D:20250120000000Z"; "2025-01-20T09:30:00+04:00" ->
// "D:20250120093000+04'00'". A date without time is midnight UTC. Nullopt
// when the text is not an ISO 8601 date.
std::optional<std::string> pdf_date(const std::string& iso);

// One entry of the /PageLabels number tree (ISO 32000-1 §12.4.2).
struct LabelRange {
  int first_page = 0;       // page index where the range starts
  char style = 0;           // 'D' decimal, 'r'/'R' roman, 0 = no number
  std::string prefix;
  int start = 1;            // /St: the number of the first page of the range
};
// Ranges for the given labels: "" (unnumbered, e.g. the cover), "1", "2" …,
// "iv", "A-3" (prefix "A-" then decimal); a label that is no number becomes
// a prefix-only range of its own.
std::vector<LabelRange> page_label_ranges(const std::vector<std::string>& labels);

bool write_info(DocumentWriter& w);
bool write_catalog_entries(DocumentWriter& w);   // Lang, ViewerPreferences, PageLabels
bool write_outline(DocumentWriter& w);
// Print: a GTS_PDFX intent with options.icc_profile (CMYK), when set. With
// options.pdfa also a GTS_PDFA1 intent: the print target's CMYK profile or
// the screen target's options.rgb_profile (then required).
bool write_output_intent(DocumentWriter& w);

// The trailer /ID is two 16-byte strings. It is added as a placeholder of
// zeros; after saving, patch_document_id replaces it by the MD5 of the saved
// bytes, so the ID depends on the content only and two renders of the same
// document stay byte-identical.
bool add_placeholder_id(DocumentWriter& w);
bool patch_document_id(std::string* pdf);
// The same in pieces, for a PDF written to a file as it is saved: where the
// first ID's 32 hex digits are in the file's last bytes `tail` (which hold
// the trailer), or npos; the second's are kSecondIdAt bytes later. Both get
// document_id_hex of the MD5 of the whole file as saved, placeholder and all.
size_t find_document_id(std::string_view tail);
inline constexpr size_t kSecondIdAt = 32 + 3;  // "> <"
std::string document_id_hex(const Digest& md5_of_file);

}  // namespace jan20::pdf
