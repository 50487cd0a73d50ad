#pragma once
// Tagged PDF (ISO 32000-1 §14.7–14.8): the structure tree built from
// PagedDocument::tags, tied to the page content the page writer marked with
// MCIDs and to tagged link annotations (OBJR), with the ParentTree that maps
// content back to its element, and /MarkInfo << /Marked true >>.
//
// What the tree holds beyond the tags themselves (PDF/UA-1, ISO 14289-1):
// * every element's /Lang when it differs from the document's, so a screen
//   reader switches voice (az, az-Cyrl, az-Arab, en, ru);
// * a Figure's /Alt, repeated as its /T (title) so that tag views (Acrobat's
//   Tags panel, `pdfinfo -struct-text`) show what the figure is;
// * /A << /O /Table /Scope /Column >> on TH cells (our tables have one
//   heading row);
// * a /RoleMap only when a tag uses a role outside ISO 32000-1's standard
//   structure types: it is mapped to NonStruct (a grouping without meaning).
#include <string>
#include <vector>

#include "pdf/content.h"
#include "pdf/page_writer.h"

namespace jan20::pdf {

// The marked-content sequences of a tagged text run. poppler 22.12 (pdfinfo
// -struct-text, and every tool built on its structure reader) closes an
// element's sequence at the first EMC it meets, also the EMC of a /Span
// nested inside it, and loses the rest of the run's text. So a tagged run is
// cut where its /ActualText spans begin and end, each piece is a sequence of
// its own with an MCID, and a span's text goes into the property list of its
// piece: /Span <</MCID 7 /ActualText (…)>> BDC (the /Span tag is what makes
// poppler's text extraction honour /ActualText). Pure. The pieces are glyph
// ranges of `run`, not copies: the page writer encodes each range as a run of
// its own (encode_text_run(run, begin, end, out)), at the run's origin.
struct ActualTextPiece {
  size_t begin = 0, end = 0;               // indices into run.glyphs
  const std::string* actual_text = nullptr;  // a span's text (in run.spans), or none
};
void actual_text_pieces(const TextRunContent& run, std::vector<ActualTextPiece>& out);

// "/Span <</MCID 7 /ActualText (dəqiq)>> BDC\n" (UTF-16BE for non-ASCII).
std::string begin_marked_content_with_actual_text(int mcid, const std::string& actual_text);
void append_begin_marked_content_with_actual_text(std::string& out, int mcid, std::string_view actual_text);

// The standard structure types of ISO 32000-1 §14.8.4 (Document, P, H1–H6,
// L, LI, Lbl, LBody, Table, TR, TH, TD, Figure, Caption, TOC, TOCI, Link, …).
bool is_standard_role(const std::string& role);

// Writes StructTreeRoot, one StructElem per tag (with /Alt, /Lang and
// /ActualText when set), the ParentTree, each page's /StructParents and each
// tagged annotation's /StructParent, /MarkInfo << /Marked true >>. Call
// after every page is written.
bool write_structure_tree(DocumentWriter& w);

// The kids of tag `tag` in reading order: own content (by order of
// appearance) interleaved with child elements at the place where their first
// content or tagged annotation appears. Returned as indices: >= 0 a child
// tag, < 0 the marked content entry -1 - k (k indexes `marked`). Pure.
std::vector<int> structure_kids(const model::PagedDocument& doc, const std::vector<MarkedContent>& marked,
                                const std::vector<TaggedAnnotation>& annotations, int tag);

}  // namespace jan20::pdf
