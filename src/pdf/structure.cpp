#include "pdf/structure.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <set>

namespace jan20::pdf {
namespace {

constexpr size_t kNone = std::numeric_limits<size_t>::max();

// ISO 32000-1 Tables 333–338 (grouping, block-level, inline-level,
// illustration elements).
const std::set<std::string>& standard_roles() {
  static const std::set<std::string> roles = {
      "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index", "NonStruct",
      "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH",
      "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link", "Annot",
      "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP", "Figure", "Formula", "Form"};
  return roles;
}

bool valid_tag(const model::PagedDocument& doc, int t) { return t >= 0 && static_cast<size_t>(t) < doc.tags.size(); }

// Reading position of the first content anywhere under tag t (kNone if
// none): an index into `marked`, or an annotation's position.
std::vector<size_t> first_content(const model::PagedDocument& doc, const std::vector<MarkedContent>& marked,
                                  const std::vector<TaggedAnnotation>& annotations) {
  std::vector<size_t> own(doc.tags.size(), kNone);
  for (size_t k = 0; k < marked.size(); ++k)
    if (valid_tag(doc, marked[k].tag) && own[static_cast<size_t>(marked[k].tag)] == kNone)
      own[static_cast<size_t>(marked[k].tag)] = k;
  for (const TaggedAnnotation& a : annotations)
    if (valid_tag(doc, a.tag))
      own[static_cast<size_t>(a.tag)] = std::min(own[static_cast<size_t>(a.tag)], a.position);
  std::vector<size_t> first(doc.tags.size(), kNone);
  std::vector<int> state(doc.tags.size(), 0);  // 0 new, 1 visiting, 2 done (guards against cycles)
  std::function<size_t(int)> visit = [&](int t) -> size_t {
    auto i = static_cast<size_t>(t);
    if (state[i] == 2) return first[i];
    if (state[i] == 1) return kNone;
    state[i] = 1;
    size_t best = own[i];
    for (int c : doc.tags[i].children)
      if (valid_tag(doc, c)) best = std::min(best, visit(c));
    state[i] = 2;
    return first[i] = best;
  };
  for (size_t t = 0; t < doc.tags.size(); ++t) visit(static_cast<int>(t));
  return first;
}

}  // namespace

bool is_standard_role(const std::string& role) { return standard_roles().count(role) > 0; }

void actual_text_pieces(const TextRunContent& run, std::vector<ActualTextPiece>& out) {
  out.clear();
  auto piece = [&](size_t begin, size_t end, const std::string* text) {
    if (begin < end) out.push_back({begin, end, text});
  };
  size_t at = 0;
  for (const ActualTextSpan& span : run.spans) {
    size_t begin = std::clamp(span.begin, at, run.glyphs.size());
    size_t end = std::clamp(span.end, begin, run.glyphs.size());
    piece(at, begin, nullptr);
    piece(begin, end, &span.text);
    at = end;
  }
  piece(at, run.glyphs.size(), nullptr);
}

std::string begin_marked_content_with_actual_text(int mcid, const std::string& actual_text) {
  std::string out;
  append_begin_marked_content_with_actual_text(out, mcid, actual_text);
  return out;
}

void append_begin_marked_content_with_actual_text(std::string& out, int mcid, std::string_view actual_text) {
  out += "/Span <</MCID ";
  append_int(out, mcid);
  out += " /ActualText ";
  append_pdf_text_string_literal(out, actual_text);
  out += ">> BDC\n";
}

namespace {

// The kids of one element, given each element's first content and each
// element's own marked-content sequences (computed once for the whole tree:
// per element they made writing the tree quadratic in its size).
std::vector<int> kids_of(const model::PagedDocument& doc, int tag, const std::vector<size_t>& first,
                         const std::vector<size_t>& own) {
  std::vector<int> kids;
  size_t next_own = 0;
  for (int c : doc.tags[static_cast<size_t>(tag)].children) {
    if (!valid_tag(doc, c) || c == tag) continue;
    size_t at = first[static_cast<size_t>(c)];
    while (at != kNone && next_own < own.size() && own[next_own] < at)
      kids.push_back(-1 - static_cast<int>(own[next_own++]));
    kids.push_back(c);
  }
  while (next_own < own.size()) kids.push_back(-1 - static_cast<int>(own[next_own++]));
  return kids;
}

std::vector<std::vector<size_t>> marked_by_tag(const model::PagedDocument& doc, const std::vector<MarkedContent>& marked) {
  std::vector<std::vector<size_t>> own(doc.tags.size());
  for (size_t k = 0; k < marked.size(); ++k)
    if (marked[k].tag >= 0 && static_cast<size_t>(marked[k].tag) < own.size())
      own[static_cast<size_t>(marked[k].tag)].push_back(k);
  return own;
}

}  // namespace

std::vector<int> structure_kids(const model::PagedDocument& doc, const std::vector<MarkedContent>& marked,
                                const std::vector<TaggedAnnotation>& annotations, int tag) {
  std::vector<std::vector<size_t>> own = marked_by_tag(doc, marked);
  return kids_of(doc, tag, first_content(doc, marked, annotations), own[static_cast<size_t>(tag)]);
}

namespace {

// "12 0 R" for an indirect object, as libharu writes a reference.
void append_reference(std::string& out, const void* object) {
  const auto* header = static_cast<const HPDF_Obj_Header*>(object);
  out += std::to_string(header->obj_id & 0x00FFFFFF);
  out += ' ';
  out += std::to_string(header->gen_no);
  out += " R";
}

bool plain_name(const std::string& name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  });
}

// Most structure elements are a role, a parent, a page and kids that are
// elements or marked content on that page: those are written as text
// (HaruDoc::set_entries_text), the same bytes libharu writes for the
// entries below, at a tenth of the memory. Returns false, having written
// nothing, for any other element.
bool write_plain_element(DocumentWriter& w, const model::PagedDocument& doc, size_t t,
                         const std::vector<HPDF_Dict>& elems, HPDF_Dict root, HPDF_Array root_kids, int pg,
                         const std::vector<size_t>& first, const std::vector<size_t>& own,
                         std::set<std::string>* custom_roles) {
  const model::Tag& tag = doc.tags[t];
  const std::string role = tag.role.empty()                  ? "Span"
                           : tag.role == "Link" && !w.links ? "Reference"
                                                             : tag.role;
  if (!plain_name(role) || !tag.alt.empty() || tag.role == "TH" || !tag.lang.empty() || !tag.actual_text.empty())
    return false;
  for (const TaggedAnnotation& a : w.annotations)
    if (a.tag == static_cast<int>(t)) return false;
  const std::vector<int> kids = kids_of(doc, static_cast<int>(t), first, own);
  for (int k : kids)
    if (k < 0 && w.marked[static_cast<size_t>(-1 - k)].page != pg) return false;

  std::string text = "/Type /StructElem\012/S /" + role + "\012/P ";
  if (valid_tag(doc, tag.parent) && tag.parent != static_cast<int>(t)) {
    append_reference(text, elems[static_cast<size_t>(tag.parent)]);
  } else {
    append_reference(text, root);
    HPDF_Array_Add(root_kids, elems[t]);
  }
  text += "\012";
  if (pg >= 0) {
    text += "/Pg ";
    append_reference(text, w.pages[static_cast<size_t>(pg)]);
    text += "\012";
  }
  text += "/K [ ";
  for (int k : kids) {
    if (k >= 0)
      append_reference(text, elems[static_cast<size_t>(k)]);
    else
      text += std::to_string(w.marked[static_cast<size_t>(-1 - k)].mcid);
    text += ' ';
  }
  text += "]\012";
  if (!is_standard_role(role)) custom_roles->insert(role);
  w.doc.set_entries_text(elems[t], std::move(text));
  return true;
}

}  // namespace

bool write_structure_tree(DocumentWriter& w) {
  const model::PagedDocument& doc = w.source;
  if (!w.tagged) return true;
  HPDF_MMgr mmgr = w.doc.mmgr();
  HPDF_Xref xref = w.doc.xref();

  HPDF_Dict root = HPDF_Dict_New(mmgr);
  HPDF_Xref_Add(xref, root);
  HPDF_Dict_AddName(root, "Type", "StructTreeRoot");

  std::vector<HPDF_Dict> elems(doc.tags.size());
  for (auto& e : elems) {
    e = HPDF_Dict_New(mmgr);
    HPDF_Xref_Add(xref, e);
  }
  // The page each element's content mostly lives on: its first content.
  std::vector<int> page_of(doc.tags.size(), -1);
  for (const MarkedContent& m : w.marked)
    if (page_of[static_cast<size_t>(m.tag)] < 0) page_of[static_cast<size_t>(m.tag)] = m.page;
  for (const TaggedAnnotation& a : w.annotations)
    if (page_of[static_cast<size_t>(a.tag)] < 0) page_of[static_cast<size_t>(a.tag)] = a.page;

  const std::vector<size_t> first = first_content(doc, w.marked, w.annotations);
  const std::vector<std::vector<size_t>> own = marked_by_tag(doc, w.marked);
  HPDF_Array root_kids = HPDF_Array_New(mmgr);
  HPDF_Dict_Add(root, "K", root_kids);
  std::set<std::string> custom_roles;
  for (size_t t = 0; t < doc.tags.size(); ++t) {
    const model::Tag& tag = doc.tags[t];
    HPDF_Dict e = elems[t];
    if (write_plain_element(w, doc, t, elems, root, root_kids, page_of[t], first, own[t], &custom_roles)) continue;
    HPDF_Dict_AddName(e, "Type", "StructElem");
    // Without its annotation (a print file) a link is a reference to where it
    // points: a contents entry, a URL printed in the text.
    const std::string role = tag.role.empty()                  ? "Span"
                             : tag.role == "Link" && !w.links ? "Reference"
                                                               : tag.role;
    HPDF_Dict_AddName(e, "S", role.c_str());
    if (!is_standard_role(role)) custom_roles.insert(role);
    if (valid_tag(doc, tag.parent) && tag.parent != static_cast<int>(t)) {
      HPDF_Dict_Add(e, "P", elems[static_cast<size_t>(tag.parent)]);
    } else {
      HPDF_Dict_Add(e, "P", root);
      HPDF_Array_Add(root_kids, e);
    }
    int pg = page_of[t];
    if (pg >= 0) HPDF_Dict_Add(e, "Pg", w.pages[static_cast<size_t>(pg)]);
    HPDF_Array kids = HPDF_Array_New(mmgr);
    for (int k : kids_of(doc, static_cast<int>(t), first, own[t])) {
      if (k >= 0) {
        HPDF_Array_Add(kids, elems[static_cast<size_t>(k)]);
        continue;
      }
      const MarkedContent& m = w.marked[static_cast<size_t>(-1 - k)];
      if (m.page == pg) {
        HPDF_Array_AddNumber(kids, m.mcid);
      } else {
        HPDF_Dict mcr = HPDF_Dict_New(mmgr);
        HPDF_Dict_AddName(mcr, "Type", "MCR");
        HPDF_Dict_Add(mcr, "Pg", w.pages[static_cast<size_t>(m.page)]);
        HPDF_Dict_AddNumber(mcr, "MCID", m.mcid);
        HPDF_Array_Add(kids, mcr);
      }
    }
    for (const TaggedAnnotation& a : w.annotations) {
      if (a.tag != static_cast<int>(t)) continue;
      HPDF_Dict objr = HPDF_Dict_New(mmgr);
      HPDF_Dict_AddName(objr, "Type", "OBJR");
      HPDF_Dict_Add(objr, "Pg", w.pages[static_cast<size_t>(a.page)]);
      HPDF_Dict_Add(objr, "Obj", a.annot);
      HPDF_Array_Add(kids, objr);
    }
    HPDF_Dict_Add(e, "K", kids);
    if (!tag.alt.empty()) HPDF_Dict_Add(e, "Alt", new_text_string(mmgr, tag.alt));
    if (!tag.alt.empty() && tag.role == "Figure") HPDF_Dict_Add(e, "T", new_text_string(mmgr, tag.alt));
    if (tag.role == "TH") {
      HPDF_Dict attributes = HPDF_Dict_New(mmgr);
      HPDF_Dict_AddName(attributes, "O", "Table");
      HPDF_Dict_AddName(attributes, "Scope", "Column");
      HPDF_Dict_Add(e, "A", attributes);
    }
    if (!tag.lang.empty()) HPDF_Dict_Add(e, "Lang", new_text_string(mmgr, tag.lang));
    if (!tag.actual_text.empty()) HPDF_Dict_Add(e, "ActualText", new_text_string(mmgr, tag.actual_text));
  }

  // ParentTree: key = page index -> array of elements by MCID; then one key
  // per tagged annotation -> its element.
  HPDF_Dict parent_tree = HPDF_Dict_New(mmgr);
  HPDF_Xref_Add(xref, parent_tree);
  HPDF_Array nums = HPDF_Array_New(mmgr);
  HPDF_Dict_Add(parent_tree, "Nums", nums);
  std::vector<std::vector<int>> by_page(w.pages.size());
  for (const MarkedContent& m : w.marked) {
    auto& v = by_page[static_cast<size_t>(m.page)];
    if (v.size() <= static_cast<size_t>(m.mcid)) v.resize(static_cast<size_t>(m.mcid) + 1, -1);
    v[static_cast<size_t>(m.mcid)] = m.tag;
  }
  for (size_t p = 0; p < w.pages.size(); ++p) {
    // Tab through annotations in structure order (PDF/UA).
    HPDF_Dict_AddName(w.pages[p], "Tabs", "S");
    if (by_page[p].empty()) continue;
    HPDF_Dict_AddNumber(w.pages[p], "StructParents", static_cast<HPDF_INT32>(p));
    HPDF_Array_AddNumber(nums, static_cast<HPDF_INT32>(p));
    HPDF_Array list = HPDF_Array_New(mmgr);
    HPDF_Array_Add(nums, list);
    for (int t : by_page[p]) {
      if (t >= 0)
        HPDF_Array_Add(list, elems[static_cast<size_t>(t)]);
      else
        HPDF_Array_Add(list, HPDF_Null_New(mmgr));
    }
  }
  int next_key = static_cast<int>(w.pages.size());
  for (const TaggedAnnotation& a : w.annotations) {
    HPDF_Dict_AddNumber(a.annot, "StructParent", next_key);
    HPDF_Array_AddNumber(nums, next_key);
    HPDF_Array_Add(nums, elems[static_cast<size_t>(a.tag)]);
    ++next_key;
  }
  HPDF_Dict_Add(root, "ParentTree", parent_tree);
  HPDF_Dict_AddNumber(root, "ParentTreeNextKey", next_key);
  if (!custom_roles.empty()) {
    HPDF_Dict role_map = HPDF_Dict_New(mmgr);
    for (const std::string& role : custom_roles) HPDF_Dict_AddName(role_map, role.c_str(), "NonStruct");
    HPDF_Dict_Add(root, "RoleMap", role_map);
  }

  HPDF_Dict catalog = w.doc.catalog();
  HPDF_Dict_Add(catalog, "StructTreeRoot", root);
  HPDF_Dict mark_info = HPDF_Dict_New(mmgr);
  HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE);
  // No /Suspects: PDF/UA allows it only as false, which is its default, and
  // poppler 22.12 reports a false /Suspects as a syntax error.
  HPDF_Dict_Add(catalog, "MarkInfo", mark_info);
  return w.doc.check(w.sink, "writing the structure tree");
}

}  // namespace jan20::pdf
