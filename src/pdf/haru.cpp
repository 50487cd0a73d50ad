#include "pdf/haru.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "core/image_file.h"
#include "core/utf.h"
#include "pdf/stream_compressor.h"

namespace jan20::pdf {

HaruDoc::HaruDoc(bool helper_thread)
    : doc_(HPDF_New(&HaruDoc::record_error, &error_)), compressor_(std::make_unique<StreamCompressor>(helper_thread)) {
  if (doc_) reserved_attr_.xref = doc_->xref;
}

HaruDoc::~HaruDoc() {
  if (freeing_.joinable()) freeing_.join();
}

void free_unwaited(std::unique_ptr<HaruDoc> doc) noexcept {
  try {
    std::thread([doc = std::move(doc)]() mutable { doc.reset(); }).detach();
  } catch (...) {  // no thread: `doc` went as the callable unwound
  }
}

void HaruDoc::free_in_background() noexcept {
  if (freeing_.joinable() || !doc_) return;
  // libharu never reads the strings while it frees (our stream records have
  // no free function), so the order does not matter. Whatever throws (no
  // thread, no memory for its state or for moving the deques) only means
  // the freeing happens here: what the callable holds goes as it unwinds,
  // what it does not yet hold goes with this object.
  try {
    freeing_ = std::thread(
        [doc = std::move(doc_), texts = std::move(entries_texts_), sources = std::move(sources_)]() mutable {
          doc.reset();
          std::deque<Source>().swap(sources);
          std::deque<std::string>().swap(texts);
        });
  } catch (...) {
  }
}

namespace {
// libharu writes a /Filter only for the streams it compresses itself (its
// HPDF_Dict_Write removes any other), so ours goes in through the write
// hook, which runs after the dictionary's entries.
HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream out) { return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012"); }

// Everything written to a libharu memory stream, chunk by chunk.
std::string memory_stream_bytes(HPDF_Stream stream) {
  std::string bytes;
  bytes.reserve(HPDF_Stream_Size(stream));
  for (HPDF_UINT i = 0; i < HPDF_MemStream_GetBufCount(stream); ++i) {
    HPDF_UINT length = 0;
    HPDF_BYTE* chunk = HPDF_MemStream_GetBufPtr(stream, i, &length);
    if (chunk) bytes.append(reinterpret_cast<const char*>(chunk), length);
  }
  return bytes;
}

size_t source_size(const HaruDoc::Source& source) { return source.file ? source.file->size : source.bytes.size(); }

// A file-backed source's bytes, read again from its file (bounded, a regular
// file only, core/image_file.h) and checked against what was read before.
bool load_file_slices(HaruDoc::Source& source) {
  const HaruDoc::FileSlices& file = *source.file;
  std::string whole;
  FileProblem problem;
  std::string bytes;
  bool same = read_image_bytes(file.path, &whole, &problem);
  if (same) {
    bytes.reserve(file.size);
    for (const auto& [offset, size] : file.ranges) {
      if (offset > whole.size() || size > whole.size() - offset) {
        same = false;
        break;
      }
      bytes.append(whole, offset, size);
    }
  }
  same = same && bytes.size() == file.size && HaruDoc::FileSlices::hash_of(bytes) == file.hash;
  if (!same) {
    if (source.changed && source.changed->empty()) *source.changed = file.path;
    return false;
  }
  source.bytes = std::move(bytes);
  source.loaded = true;
  return true;
}

// A stream libharu reads a stream object's bytes from when it saves the
// document, over a string of ours (HaruDoc::sources_), instead of the memory
// stream it would copy them into a byte at a time (HPDF_MemCpy) and read them
// back out of the same way. Read-only: libharu only reads, seeks and sizes a
// stream object's data when it writes the object (HPDF_Stream_WriteToStream).
HPDF_STATUS read_source(HPDF_Stream stream, HPDF_BYTE* out, HPDF_UINT* size) {
  auto* source = static_cast<HaruDoc::Source*>(stream->attr);
  if (source->file && !source->loaded && source->at < source->file->size && !load_file_slices(*source)) {
    *size = 0;
    return HPDF_SetError(stream->error, HPDF_FILE_IO_ERROR, 0);
  }
  const size_t wanted = *size, left = source_size(*source) - source->at;
  const size_t n = std::min(wanted, left);
  if (n > 0) std::memcpy(out, source->bytes.data() + source->at, n);
  source->at += n;
  if (source->file && source->loaded && source->at == source->file->size) {  // written: not held any longer
    std::string().swap(source->bytes);
    source->loaded = false;
  }
  *size = static_cast<HPDF_UINT>(n);
  return n < wanted ? HPDF_STREAM_EOF : HPDF_OK;  // as libharu's memory stream answers
}

// A page's content stream while it is drawn: libharu's page operators and
// ours (write_content) append to the page's string.
// (No exception may cross libharu's C code: running out of memory is an
// error libharu records, as its own memory stream would.)
HPDF_STATUS append_to_source(HPDF_Stream stream, const HPDF_BYTE* bytes, HPDF_UINT size) {
  try {
    static_cast<HaruDoc::Source*>(stream->attr)->bytes.append(reinterpret_cast<const char*>(bytes), size);
  } catch (...) {
    return HPDF_SetError(stream->error, HPDF_FAILD_TO_ALLOC_MEM, 0);
  }
  return HPDF_OK;
}

HPDF_STATUS seek_source(HPDF_Stream stream, HPDF_INT pos, HPDF_WhenceMode mode) {
  auto* source = static_cast<HaruDoc::Source*>(stream->attr);
  const long long base = mode == HPDF_SEEK_SET ? 0
                         : mode == HPDF_SEEK_CUR ? static_cast<long long>(source->at)
                                                 : static_cast<long long>(source_size(*source));
  const long long at = base + pos;
  if (at < 0 || at > static_cast<long long>(source_size(*source)))
    return HPDF_SetError(stream->error, HPDF_STREAM_EOF, 0);
  source->at = static_cast<size_t>(at);
  return HPDF_OK;
}

HPDF_INT32 tell_source(HPDF_Stream stream) {
  return static_cast<HPDF_INT32>(static_cast<HaruDoc::Source*>(stream->attr)->at);
}

HPDF_UINT32 size_of_source(HPDF_Stream stream) {
  return static_cast<HPDF_UINT32>(source_size(*static_cast<HaruDoc::Source*>(stream->attr)));
}
}  // namespace

HPDF_Stream HaruDoc::new_source_stream(std::string bytes) {
  // A failure is recorded as libharu's, so that check() reports it.
  if (bytes.size() > 0x7FFFFFFF) {
    HPDF_SetError(mmgr()->error, HPDF_FAILD_TO_ALLOC_MEM, 0);
    return nullptr;
  }
  Source& source = sources_.emplace_back();
  auto* stream = static_cast<HPDF_Stream>(HPDF_GetMem(mmgr(), sizeof(HPDF_Stream_Rec)));  // records its failure
  if (!stream) return nullptr;
  source.bytes = std::move(bytes);
  std::memset(stream, 0, sizeof(HPDF_Stream_Rec));
  stream->sig_bytes = HPDF_STREAM_SIG_BYTES;
  stream->type = HPDF_STREAM_UNKNOWN;  // not a memory stream: our set_*_data refuse it, HPDF_MemStream_* leave it
  stream->mmgr = mmgr();
  stream->error = mmgr()->error;
  stream->size = static_cast<HPDF_UINT>(source.bytes.size());
  stream->read_fn = read_source;
  stream->seek_fn = seek_source;
  stream->tell_fn = tell_source;
  stream->size_fn = size_of_source;
  stream->attr = &source;
  return stream;
}

bool HaruDoc::set_stream_bytes(HPDF_Dict dict, std::string deflated) {
  if (!dict || !dict->stream) return false;
  if (dict->stream->read_fn == read_source) {
    // Already ours (a page's content stream): the record stays, because the
    // page's attributes point at it too; it only becomes read-only, so a
    // write libharu might still try (closing a graphics state it thinks is
    // open) fails as an error instead of touching freed memory.
    HPDF_Stream stream = dict->stream;
    auto* source = static_cast<Source*>(stream->attr);
    source->bytes = std::move(deflated);
    source->at = 0;
    stream->write_fn = nullptr;
    stream->size = static_cast<HPDF_UINT>(source->bytes.size());
  } else {
    HPDF_Stream stream = new_source_stream(std::move(deflated));
    if (!stream) return false;
    HPDF_Stream_Free(dict->stream);
    dict->stream = stream;
  }
  dict->filter = HPDF_STREAM_FILTER_NONE;
  dict->write_fn = write_flate_filter;
  return true;
}

bool HaruDoc::set_stream_from_file(HPDF_Dict dict, FileSlices slices) {
  if (!dict || !dict->stream || dict->stream->read_fn == read_source) return false;
  if (slices.size > 0x7FFFFFFF) {  // as new_source_stream refuses bytes libharu cannot size
    HPDF_SetError(mmgr()->error, HPDF_FAILD_TO_ALLOC_MEM, 0);
    return false;
  }
  if (!set_stream_bytes(dict, {})) return false;  // a stream of ours, empty until the save reads the file
  auto* source = static_cast<Source*>(dict->stream->attr);
  dict->stream->size = static_cast<HPDF_UINT>(slices.size);
  source->file = std::make_unique<FileSlices>(std::move(slices));
  source->changed = &changed_file_;
  return true;
}

bool HaruDoc::own_page_content(HPDF_Page page, size_t expected_size) {
  auto* attr = static_cast<HPDF_PageAttr>(page->attr);
  if (!attr->contents || attr->stream != attr->contents->stream || HPDF_Stream_Size(attr->stream) != 0) return false;
  std::string bytes;
  bytes.reserve(expected_size);
  return install_page_stream(page, std::move(bytes));
}

bool HaruDoc::install_page_stream(HPDF_Page page, std::string bytes) {
  auto* attr = static_cast<HPDF_PageAttr>(page->attr);
  HPDF_Stream stream = new_source_stream(std::move(bytes));
  if (!stream) return false;
  stream->write_fn = append_to_source;  // with a write function, libharu keeps stream->size itself
  HPDF_Stream_Free(attr->stream);
  attr->stream = stream;
  attr->contents->stream = stream;
  return true;
}

bool HaruDoc::set_deflated_data(HPDF_Dict stream, std::string_view raw) {
  if (!stream || !stream->stream || stream->stream->type != HPDF_STREAM_MEMORY) return false;
  std::string deflated;
  if (!compressor_->compress(raw, &deflated)) return false;
  return set_stream_bytes(stream, std::move(deflated));
}

bool HaruDoc::set_compressed_data(HPDF_Dict stream, std::string_view deflated) {
  if (!stream || !stream->stream || stream->stream->type != HPDF_STREAM_MEMORY) return false;
  return set_stream_bytes(stream, std::string(deflated));
}

HPDF_Dict HaruDoc::new_stream_deflated_later(std::string raw) {
  HPDF_Dict s = HPDF_DictStream_New(mmgr(), xref());
  if (s) compressor_->submit(s, std::move(raw));
  return s;
}

bool HaruDoc::deflate_page_content(HPDF_Page page) {
  auto* attr = static_cast<HPDF_PageAttr>(page->attr);
  if (attr->gmode != HPDF_GMODE_PAGE_DESCRIPTION) return true;  // libharu ends the object and compresses
  HPDF_Stream stream = attr->contents->stream;
  std::string raw;
  if (stream->write_fn == append_to_source) {  // the page's own string (own_page_content)
    raw = std::move(static_cast<Source*>(stream->attr)->bytes);
  } else {
    // libharu's memory stream: its bytes out, and a record of ours in its
    // place in both the page and its content dictionary, which
    // finish_deflating then fills (set_stream_bytes keeps the record).
    raw = memory_stream_bytes(stream);
    if (!install_page_stream(page, {})) return false;
  }
  // The data goes back in when it is compressed (save, finish_deflating).
  compressor_->submit(attr->contents, std::move(raw));
  return true;
}

namespace {
HPDF_STATUS write_entries_text(HPDF_Dict dict, HPDF_Stream out) {
  const auto* text = static_cast<const std::string*>(dict->attr);
  return HPDF_Stream_Write(out, reinterpret_cast<const HPDF_BYTE*>(text->data()), static_cast<HPDF_UINT>(text->size()));
}
}  // namespace

void HaruDoc::set_entries_text(HPDF_Dict dict, std::string text) {
  entries_texts_.push_back(std::move(text));
  dict->attr = &entries_texts_.back();  // unused by a plain dictionary
  dict->write_fn = write_entries_text;
}

bool HaruDoc::finish_deflating() {
  bool ok = true;
  for (StreamCompressor::Compressed& c : compressor_->finish())
    ok = c.ok && set_stream_bytes(static_cast<HPDF_Dict>(c.owner), std::move(c.deflated)) && ok;
  return ok;
}

void HaruDoc::record_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user_data) {
  auto* record = static_cast<ErrorRecord*>(user_data);
  // Keep the first error: later ones are usually its consequences.
  if (record->error_no == 0) {
    record->error_no = error_no;
    record->detail_no = detail_no;
  }
}

bool HaruDoc::failed() const {
  return doc_ == nullptr || error_.error_no != 0 || HPDF_GetError(doc_.get()) != HPDF_OK;
}

bool HaruDoc::check(DiagnosticSink& sink, const std::string& what, const SourceLocation& where,
                    const std::string& hint) const {
  if (!failed()) return true;
  if (!changed_file_.empty()) {
    sink.error({changed_file_}, what + ": the image file changed while the PDF was being written",
               "build again once nothing else is writing to it");
    return false;
  }
  if (doc_ == nullptr) {
    sink.error(where, what + ": libharu could not create a document (out of memory)");
    return false;
  }
  HPDF_STATUS no = error_.error_no ? error_.error_no : HPDF_GetError(doc_.get());
  HPDF_STATUS detail = error_.error_no ? error_.detail_no : HPDF_GetErrorDetail(doc_.get());
  sink.error(where, what + ": " + describe_haru_error(no, detail), hint);
  return false;
}

bool HaruDoc::ready_to_save(DiagnosticSink& sink) {
  if (!finish_deflating()) {
    if (!check(sink, "compressing the PDF's streams")) return false;
    sink.error({}, "compressing the PDF's streams: out of memory");
    return false;
  }
  if (!check(sink, "before saving the PDF")) return false;
  return true;
}

bool HaruDoc::save(std::string* bytes, DiagnosticSink& sink) {
  if (!ready_to_save(sink)) return false;
  if (HPDF_SaveToStream(doc_.get()) != HPDF_OK || failed()) return check(sink, "saving the PDF");
  // The document's objects are not needed once it is written out: free them
  // before the bytes are copied, so that a long document is not held three
  // times (objects, libharu's stream, our string). HPDF_FreeDoc frees the
  // output stream too, so it is taken out of the document first; it lives in
  // the memory manager, which stays until HPDF_Free.
  HPDF_Stream out = doc_->stream;
  doc_->stream = nullptr;
  HPDF_FreeDoc(doc_.get());
  std::deque<Source>().swap(sources_);  // the stream objects' bytes, read by the save: no record refers to them now
  *bytes = memory_stream_bytes(out);
  const bool whole = bytes->size() == HPDF_Stream_Size(out);
  HPDF_Stream_Free(out);
  if (!whole) {
    sink.error({}, "saving the PDF: could not read back the bytes from libharu's memory stream");
    return false;
  }
  return true;
}

namespace {
// libharu's callback stream (HPDF_CallbackWriter_New) hands every piece it
// writes to `write`.
struct WriteThrough {
  const std::function<bool(std::string_view)>* write = nullptr;
  bool failed = false;         // `write` said no: the file could not be written
  bool out_of_memory = false;  // `write` threw (no exception may cross libharu's C code)
};

HPDF_STATUS write_through(HPDF_Stream stream, const HPDF_BYTE* bytes, HPDF_UINT size) {
  auto* through = static_cast<WriteThrough*>(stream->attr);
  if (through->failed || through->out_of_memory) return HPDF_FILE_IO_ERROR;
  try {
    if ((*through->write)({reinterpret_cast<const char*>(bytes), size})) return HPDF_OK;
  } catch (...) {
    through->out_of_memory = true;
    return HPDF_SetError(stream->error, HPDF_FAILD_TO_ALLOC_MEM, 0);
  }
  through->failed = true;
  return HPDF_SetError(stream->error, HPDF_FILE_IO_ERROR, 0);
}
}  // namespace

bool HaruDoc::save_through(const std::function<bool(std::string_view)>& write, bool* write_failed,
                           DiagnosticSink& sink) {
  *write_failed = false;
  if (!ready_to_save(sink)) return false;
  WriteThrough through{&write};
  HPDF_Stream out = HPDF_CallbackWriter_New(doc_->mmgr, write_through, &through);
  if (!out) return check(sink, "saving the PDF");
  // HPDF_SaveToStream writes into the document's own stream (a memory
  // stream it creates when there is none): ours, for this once. It writes
  // the same bytes HPDF_SaveToFile would (both call InternalSaveToStream).
  HPDF_Stream own = doc_->stream;
  doc_->stream = out;
  const HPDF_STATUS status = HPDF_SaveToStream(doc_.get());
  doc_->stream = own;
  HPDF_Stream_Free(out);
  if (through.failed) {
    *write_failed = true;
    return false;
  }
  if (status != HPDF_OK || failed()) return check(sink, "saving the PDF");
  return true;
}

HPDF_Stream page_content_stream(HPDF_Page page) {
  // Valid for libharu 2.3.0 only (see haru.h): the struct layout is taken
  // from the installed hpdf_pages.h, which matches the installed library.
  return static_cast<HPDF_PageAttr>(page->attr)->stream;
}

HPDF_STATUS write_content(HPDF_Page page, std::string_view bytes) {
  if (bytes.empty()) return HPDF_OK;
  return HPDF_Stream_Write(page_content_stream(page), reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                           static_cast<HPDF_UINT>(bytes.size()));
}

void* new_text_string(HPDF_MMgr mmgr, std::string_view utf8) {
  bool plain = true;
  for (unsigned char c : utf8) plain = plain && c >= 0x20 && c < 0x7F;
  if (plain) return HPDF_String_New(mmgr, std::string(utf8).c_str(), nullptr);
  std::string utf16 = "\xFE\xFF" + utf8_to_utf16be(utf8);
  return new_byte_string(mmgr, utf16);
}

void* new_byte_string(HPDF_MMgr mmgr, std::string_view bytes) {
  return HPDF_Binary_New(mmgr, reinterpret_cast<HPDF_BYTE*>(const_cast<char*>(bytes.data())),
                         static_cast<HPDF_UINT>(bytes.size()));
}

HPDF_Image new_image_dict(HaruDoc& doc) {
  HPDF_Dict image = HPDF_DictStream_New(doc.mmgr(), doc.xref());
  if (!image) return nullptr;
  image->header.obj_class |= HPDF_OSUBCLASS_XOBJECT;
  HPDF_Dict_AddName(image, "Type", "XObject");
  HPDF_Dict_AddName(image, "Subtype", "Image");
  return doc.failed() ? nullptr : image;
}

HPDF_Image new_deflated_image(HaruDoc& doc, std::string_view deflated) {
  HPDF_Image image = new_image_dict(doc);
  if (!image || !doc.set_stream_bytes(image, std::string(deflated))) return nullptr;
  return doc.failed() ? nullptr : image;
}

HPDF_Page new_detached_page(HaruDoc& doc) {
  HPDF_Page page = HPDF_Page_New(doc.mmgr(), doc.xref());
  if (!page) return nullptr;
  // HPDF_AddPage sets this when HPDF_COMP_TEXT is on; HPDF_Page_New does not.
  static_cast<HPDF_PageAttr>(page->attr)->contents->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  return page;
}

HPDF_XObject page_into_form(HaruDoc& doc, HPDF_Page page, HPDF_Box bbox) {
  auto* attr = static_cast<HPDF_PageAttr>(page->attr);
  if (attr->gmode != HPDF_GMODE_PAGE_DESCRIPTION) return nullptr;  // an open BT or path: a bug
  HPDF_Dict form = attr->contents;
  HPDF_Dict resources = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(page, "Resources", HPDF_OCLASS_DICT));
  if (!form || !resources) return nullptr;
  // A form's content is compressed by libharu when it saves, from the page's
  // own string: that string keeps only what it holds until then.
  if (form->stream && form->stream->write_fn == append_to_source)
    static_cast<HaruDoc::Source*>(form->stream->attr)->bytes.shrink_to_fit();
  // The page's own entries (Type, MediaBox, Contents, Resources) go; the
  // resource entries (Font, XObject, ProcSet) move up into the page
  // dictionary. RemoveElement frees direct values and proxies, never the
  // indirect objects they point at; Resources is freed once emptied.
  std::vector<std::string> own;
  for (HPDF_UINT i = 0; i < page->list->count; ++i)
    own.emplace_back(static_cast<HPDF_DictElement>(HPDF_List_ItemAt(page->list, i))->key);
  for (HPDF_UINT i = 0; i < resources->list->count; ++i) HPDF_List_Add(page->list, HPDF_List_ItemAt(resources->list, i));
  HPDF_List_Clear(resources->list);
  for (const std::string& key : own) HPDF_Dict_RemoveElement(page, key.c_str());
  if (doc.failed()) return nullptr;
  // Only a plain dictionary now: no page checks before writing.
  page->before_write_fn = nullptr;
  page->header.obj_class = HPDF_OCLASS_DICT;

  HPDF_Dict_AddName(form, "Type", "XObject");
  HPDF_Dict_AddName(form, "Subtype", "Form");
  HPDF_Dict_Add(form, "BBox", HPDF_Box_Array_New(doc.mmgr(), bbox));
  HPDF_Dict_Add(form, "Resources", page);
  // HPDF_Page_ExecuteXObject accepts only dictionaries marked as XObjects.
  form->header.obj_class |= HPDF_OSUBCLASS_XOBJECT;
  return doc.failed() ? nullptr : form;
}

std::string describe_haru_error(HPDF_STATUS error_no, HPDF_STATUS detail_no) {
  struct Known {
    HPDF_STATUS code;
    const char* meaning;
  };
  static constexpr Known kKnown[] = {
      {HPDF_FAILD_TO_ALLOC_MEM, "out of memory"},
      {HPDF_FILE_IO_ERROR, "file I/O error"},
      {HPDF_FILE_OPEN_ERROR, "cannot open file"},
      {HPDF_INVALID_IMAGE, "invalid image"},
      {HPDF_INVALID_JPEG_DATA, "invalid JPEG data"},
      {HPDF_UNSUPPORTED_JPEG_FORMAT, "unsupported JPEG format"},
      {HPDF_INVALID_PNG_IMAGE, "invalid PNG image"},
      {HPDF_LIBPNG_ERROR, "libpng error"},
      {HPDF_INVALID_OBJECT, "invalid object"},
      {HPDF_INVALID_PARAMETER, "invalid parameter"},
      {HPDF_NAME_OUT_OF_RANGE, "name longer than 127 bytes"},
      {HPDF_STRING_OUT_OF_RANGE, "string longer than 65535 bytes"},
      {HPDF_REAL_OUT_OF_RANGE, "number out of range"},
      {HPDF_PAGE_INVALID_GMODE, "operator not allowed in the current graphics mode"},
      {HPDF_PAGE_INVALID_FONT, "invalid font"},
      {HPDF_PAGE_INVALID_SIZE, "invalid page size"},
      {HPDF_DICT_COUNT_ERR, "dictionary too large"},
      {HPDF_ARRAY_COUNT_ERR, "array too large"},
      {HPDF_XREF_COUNT_ERR, "too many objects"},
      {HPDF_ZLIB_ERROR, "zlib error"},
      {HPDF_INVALID_ICC_COMPONENT_NUM, "ICC profile with an unsupported number of components"},
      {HPDF_INVALID_URI, "invalid URI"},
      {HPDF_INVALID_DESTINATION, "invalid destination"},
  };
  char code[32];
  std::snprintf(code, sizeof code, "0x%04X", static_cast<unsigned>(error_no));
  std::string out = std::string("libharu error ") + code;
  for (const Known& k : kKnown) {
    if (k.code == error_no) {
      out += " (";
      out += k.meaning;
      out += ")";
    }
  }
  if (detail_no != 0) out += ", detail " + std::to_string(detail_no);
  return out;
}

}  // namespace jan20::pdf
