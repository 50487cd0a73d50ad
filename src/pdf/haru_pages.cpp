// Reserved pages (HaruDoc::reserve_page): their object numbers taken up
// front, their objects made when they are drawn.
//
// libharu numbers an object when it enters the cross-reference table
// (HPDF_Xref_Add: the next free number) and writes the objects in table
// order, each with its slot's number. A page made by HPDF_Page_New enters as
// three objects: the page, its content stream, the stream's Length. So a
// reserved page is three slots: the page's own dictionary, empty until it is
// made (its address is what links point at), and two null objects. Making it
// builds the page with HPDF_Page_New at the end of the table, moves its
// fields into the reserved dictionary and its stream and Length into the
// reserved slots, and drops the three slots at the end: the table, every
// number and every reference are then what HPDF_AddPage would have given.
#include <utility>

#include "pdf/haru.h"

namespace jan20::pdf {

namespace {

constexpr HPDF_UINT kSlotsPerPage = 3;  // the page, its content stream, the stream's Length

HPDF_XrefEntry slot(HPDF_Xref xref, HPDF_UINT i) { return static_cast<HPDF_XrefEntry>(HPDF_List_ItemAt(xref->entries, i)); }

}  // namespace

HPDF_Page HaruDoc::reserve_page() {
  if (failed()) return nullptr;
  HPDF_Dict page = HPDF_Dict_New(mmgr());
  if (!page) return nullptr;
  page->header.obj_class |= HPDF_OSUBCLASS_PAGE;
  page->attr = &reserved_attr_;  // no free_fn: libharu never frees it
  if (HPDF_Xref_Add(xref(), page) != HPDF_OK) return nullptr;  // frees `page`
  for (HPDF_UINT k = 1; k < kSlotsPerPage; ++k)
    if (HPDF_Xref_Add(xref(), HPDF_Null_New(mmgr())) != HPDF_OK) return nullptr;  // a null records the error
  reserved_.push_back(page);
  return page;
}

bool HaruDoc::make_reserved_page(HPDF_Page reserved) {
  if (!is_reserved(reserved) || reserved_.empty() || reserved_.front() != reserved || failed()) return false;
  reserved_.pop_front();
  HPDF_Doc pdf = doc_.get();
  HPDF_Xref x = xref();
  const HPDF_UINT first = (reserved->header.obj_id & 0x00FFFFFF) - x->start_offset;
  const HPDF_UINT end = x->entries->count;
  HPDF_Page made = HPDF_Page_New(mmgr(), x);
  if (!made || failed()) return false;
  auto* attr = static_cast<HPDF_PageAttr>(made->attr);
  // The page tree is flat (no HPDF_SetPagesConfiguration), and nothing but
  // the page's three objects entered the table.
  if (pdf->page_per_pages != 0 || x->entries->count != end + kSlotsPerPage || slot(x, end)->obj != made ||
      slot(x, end + 1)->obj != attr->contents ||
      slot(x, end + 2)->obj != HPDF_Dict_GetItem(attr->contents, "Length", HPDF_OCLASS_NUMBER)) {
    HPDF_SetError(mmgr()->error, HPDF_INVALID_OBJECT, 0);
    return false;
  }
  // The made page's fields go into the reserved dictionary, which keeps its
  // header (its number); `made` keeps the reserved one's empty fields.
  std::swap(*reserved, *made);
  std::swap(reserved->header, made->header);
  for (HPDF_UINT k = 1; k < kSlotsPerPage; ++k) {
    HPDF_XrefEntry to = slot(x, first + k);
    HPDF_Obj_ForceFree(mmgr(), to->obj);  // the reserved null
    to->obj = slot(x, end + k)->obj;
    slot(x, end + k)->obj = nullptr;
    static_cast<HPDF_Obj_Header*>(to->obj)->obj_id = x->start_offset + first + k + HPDF_OTYPE_INDIRECT;
  }
  for (HPDF_UINT k = kSlotsPerPage; k-- > 0;)
    HPDF_FreeMem(mmgr(), HPDF_List_RemoveByIndex(x->entries, end + k));
  HPDF_Dict_Free(made);
  // What HPDF_AddPage does once the page is made.
  if (HPDF_Pages_AddKids(pdf->cur_pages, reserved) != HPDF_OK || HPDF_List_Add(pdf->page_list, reserved) != HPDF_OK)
    return false;
  pdf->cur_page = reserved;
  if (pdf->compression_mode & HPDF_COMP_TEXT) attr->contents->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  pdf->cur_page_num++;
  return !failed();
}

}  // namespace jan20::pdf
