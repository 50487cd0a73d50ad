#pragma once
// Tagged PDF (ISO 32000-1 §14.7–14.8): the structure tree built from
// PagedDocument::tags, tied to the page content the page writer marked with
// MCIDs and to tagged link annotations (OBJR), with the ParentTree that maps
// content back to its element, and /MarkInfo << /Marked true >>.
#include "pdf/page_writer.h"

namespace jan20::pdf {

// Writes StructTreeRoot, one StructElem per tag (with /Alt, /Lang and
// /ActualText when set), the ParentTree, each page's /StructParents and each
// tagged annotation's /StructParent. Call after every page is written.
bool write_structure_tree(DocumentWriter& w);

// The kids of tag `tag` in reading order: own content (by order of
// appearance) interleaved with child elements at the place where their first
// content or tagged annotation appears. Returned as indices: >= 0 a child
// tag, < 0 the marked content entry -1 - k (k indexes `marked`). Pure.
std::vector<int> structure_kids(const model::PagedDocument& doc, const std::vector<MarkedContent>& marked,
                                const std::vector<TaggedAnnotation>& annotations, int tag);

}  // namespace jan20::pdf
