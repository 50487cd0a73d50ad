#pragma once
// The one wrapper around libharu (libhpdf 2.3.0). It owns the HPDF_Doc,
// records libharu's errors instead of jumping out of them, and is the only
// place that reaches into libharu's structs (the page content stream, the
// document's memory manager, cross-reference table and output stream, and
// the stream records through which libharu reads the bytes we keep:
// set_stream_bytes, own_page_content, save_through; and the page records that
// reserve_page and make_reserved_page move between table slots).
//
// libharu reports errors through a callback given to HPDF_New; its demos
// longjmp out of it, which would skip C++ destructors. Here the callback only
// records (error_no, detail_no) and every caller checks `failed()` after each
// step, turning a failure into a Diagnostic.
#include <hpdf.h>

#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "core/c_handle.h"
#include "core/diagnostic.h"

namespace jan20::pdf {

class StreamCompressor;

class HaruDoc {
 public:
  // helper_thread: page content is compressed on a second thread while the
  // next pages are drawn (deflate_page_content).
  explicit HaruDoc(bool helper_thread = false);
  ~HaruDoc();  // defined where StreamCompressor is complete
  HPDF_Doc get() const { return doc_.get(); }
  HPDF_MMgr mmgr() const { return doc_->mmgr; }
  HPDF_Xref xref() const { return doc_->xref; }
  HPDF_Dict catalog() const { return doc_->catalog; }
  HPDF_Dict trailer() const { return doc_->trailer; }
  void set_version(HPDF_PDFVer v) { doc_->pdf_version = v; }

  // True when HPDF_New failed or libharu recorded an error since creation.
  bool failed() const;
  // Reports the recorded error (if any) as "<what>: libharu error 0x1234 …"
  // at `where` with `hint`, and returns false; returns true when nothing went
  // wrong. The default hint fits errors only a bug can cause.
  bool check(DiagnosticSink& sink, const std::string& what, const SourceLocation& where = {},
             const std::string& hint = kBugHint) const;
  static constexpr const char* kBugHint =
      "this is a bug in the PDF writer; please report it with the input that caused it";

  // Saves the whole document to memory and returns its bytes. The document
  // is freed on the way: nothing may be added to it afterwards.
  bool save(std::string* bytes, DiagnosticSink& sink);
  // The same bytes handed to `write` in pieces as libharu writes them, so
  // that they are never held in memory. When `write` returns false (a failed
  // write of the file: the caller knows why), saving stops, *write_failed is
  // set and nothing is reported; any other failure is reported.
  bool save_through(const std::function<bool(std::string_view)>& write, bool* write_failed, DiagnosticSink& sink);
  // Once saved, frees the document on a helper thread while the caller syncs
  // the file it went to: libharu frees its objects one at a time (4-8 ms at
  // 240 pages, 90-105 ms at 2,400). Nothing may be asked of it afterwards
  // (failed() would say true, check() would report a document never made);
  // the destructor waits for the thread. Without a thread, it is freed then.
  void free_in_background() noexcept;

  // Streams are compressed here, with libdeflate (stream_compressor.h),
  // rather than by libharu's zlib at its default level: the page content of a
  // 240-page booklet (5.9 MB) in 57 ms instead of 125 ms, and 0.2 % smaller.
  // Each returns false when a stream cannot be written.
  //
  // A new stream object holding `raw`, compressed on the helper thread when
  // there is one (as the pages' content is) and put in place by
  // finish_deflating: the fonts' programs, maps and ToUnicode CMaps, made
  // before any page is drawn.
  HPDF_Dict new_stream_deflated_later(std::string raw);
  // Replaces the data of a stream object (created by libharu or by us) with
  // `raw`, compressed.
  bool set_deflated_data(HPDF_Dict stream, std::string_view raw);
  // The same with data compressed already (a zlib stream, known_profiles.h).
  bool set_compressed_data(HPDF_Dict stream, std::string_view deflated);
  // Compresses a finished page's content stream (in the background with a
  // helper thread); the page must not be drawn on afterwards. A page left
  // inside a text or path object is left to libharu, which closes the object
  // when it writes the page.
  bool deflate_page_content(HPDF_Page page);
  // Puts every stream compressed in the background in place (save does it too).
  bool finish_deflating();
  // Makes `deflated` (a zlib stream) the data of the stream object `dict`,
  // written with /Filter /FlateDecode. The bytes stay here, in one string,
  // and libharu reads them from it when it saves (no copy in its memory
  // stream). The stream's data must not be set again.
  bool set_stream_bytes(HPDF_Dict dict, std::string deflated);
  // Gives a page that has no content yet a content stream of ours, a string
  // that libharu's page operators and write_content append to (room for
  // `expected_size` bytes), instead of libharu's memory stream that copies
  // every byte one at a time; deflate_page_content then takes the string as
  // it is. False (and the page keeps libharu's stream) when the page has
  // content already.
  bool own_page_content(HPDF_Page page, size_t expected_size);
  // Stretches of a file, concatenated: the data of a stream object read
  // from the file when the document is saved (set_stream_from_file). `size`
  // and `hash` (std::hash of the bytes) are what they were when the file was
  // read and checked.
  struct FileSlices {
    std::string path;
    std::vector<std::pair<size_t, size_t>> ranges;  // (offset, size) in the file
    size_t size = 0;
    size_t hash = 0;
    // The hash taken when the file is read and checked, and again when it is saved.
    static size_t hash_of(std::string_view bytes) { return std::hash<std::string_view>{}(bytes); }
  };
  // As set_stream_bytes, with the slices' bytes (a zlib stream), but read
  // from the file only when libharu writes the object and freed right after:
  // a long document's images are not all held until it is saved. A file that
  // no longer holds the same bytes then fails the save, and check() names it.
  bool set_stream_from_file(HPDF_Dict dict, FileSlices slices);
  // The bytes of a stream object set by set_stream_bytes (or, for
  // set_stream_from_file, read while libharu writes it), and how far libharu
  // has read them.
  struct Source {
    std::string bytes;
    size_t at = 0;
    std::unique_ptr<FileSlices> file;  // set_stream_from_file: where `bytes` come from
    bool loaded = false;               // `file`: its bytes are in `bytes`
    std::string* changed = nullptr;    // `file`: where a file that changed is named (HaruDoc::changed_file_)
  };

  // A page whose object numbers are taken now and whose objects are made
  // when it is drawn (make_reserved_page), so that a long document does not
  // hold every page's libharu objects (some 4.7 KB each) from the start. The
  // pointer stays the page's: a link or destination may point at it before
  // it is made, and it becomes the page in place. Pages made this way have
  // the numbers, and so the bytes, of pages made up front with HPDF_AddPage.
  HPDF_Page reserve_page();
  bool is_reserved(HPDF_Page page) const { return page && page->attr == &reserved_attr_; }
  // Makes a reserved page, with the numbers it was given, and appends it to
  // the page tree as HPDF_AddPage does. Reserved pages are made in the order
  // they were reserved, each once: false for any other page (nothing is
  // recorded), and false with libharu's error recorded when it cannot be made.
  bool make_reserved_page(HPDF_Page page);

  // Gives `dict` (which has no entries of its own) the entries `text`,
  // written exactly as they are between its "<<\n" and ">>": each one as
  // libharu writes it, "/Key value\n". For objects a long document has tens
  // of thousands of (structure elements): libharu spends about a kilobyte
  // on one (a 128-byte key per entry, a 128-byte buffer per name, a proxy per
  // reference), the text some 80 bytes. Kept until the document is freed.
  void set_entries_text(HPDF_Dict dict, std::string text);

 private:
  // Puts the pages' compressed content in place and checks that nothing has
  // failed: what both saves do first.
  bool ready_to_save(DiagnosticSink& sink);
  // A read-only stream over `bytes`, kept in sources_.
  HPDF_Stream new_source_stream(std::string bytes);
  // Makes a stream of ours over `bytes`, appended to by writes, the page's
  // content stream (in the page's attributes and its content dictionary),
  // freeing the one it had.
  bool install_page_stream(HPDF_Page page, std::string bytes);

  struct ErrorRecord {
    HPDF_STATUS error_no = 0;
    HPDF_STATUS detail_no = 0;
  };
  static void record_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user_data);

  ErrorRecord error_;
  // A stream's file that no longer held its bytes at the save (set_stream_from_file).
  std::string changed_file_;
  // A reserved page's attributes until it is made (HPDF_Page_Validate wants
  // some; only `xref` is read, by HPDF_Page_CreateDestination). Outlives doc_.
  _HPDF_PageAttr_Rec reserved_attr_{};
  std::deque<HPDF_Page> reserved_;  // reserved and not yet made, in order
  CHandle<_HPDF_Doc_Rec, HPDF_Free> doc_;  // freed after the compressor has finished
  std::unique_ptr<StreamCompressor> compressor_;
  std::deque<std::string> entries_texts_;  // set_entries_text
  std::deque<Source> sources_;              // set_stream_bytes (a deque: libharu keeps pointers to them)
  std::thread freeing_;                     // free_in_background's
};

// The content stream of a page, where our own operators go. libharu 2.3.0's
// HPDF_PageAttr_Rec differs from 2.4's (which adds `shadings`), so page->attr
// is cast only in this wrapper (haru.cpp, and haru_pages.cpp for reserved
// pages), against the installed header.
HPDF_Stream page_content_stream(HPDF_Page page);

// Appends raw content-stream bytes to a page. The caller keeps libharu's
// graphics mode consistent (text operators only between BeginText/EndText).
HPDF_STATUS write_content(HPDF_Page page, std::string_view bytes);

// A PDF text string object for `utf8`: a literal string when it is printable
// ASCII, otherwise UTF-16BE with a byte-order mark (ISO 32000-1 §7.9.2.2), so
// "Azərbaycan" reads right in every viewer.
void* new_text_string(HPDF_MMgr mmgr, std::string_view utf8);
// A byte string written as <hex>.
void* new_byte_string(HPDF_MMgr mmgr, std::string_view bytes);

// An image XObject whose stream is `deflated` as it is, already compressed
// with zlib: written with /Filter /FlateDecode and never compressed again.
// libharu only writes a /Filter for the streams it compresses itself (its
// HPDF_Dict_Write drops any other), so the filter goes in through the
// dictionary's write hook, which runs after the entries are written. The
// caller adds the image entries (Width, Height, ColorSpace, BitsPerComponent,
// DecodeParms); the result can be drawn with HPDF_Page_DrawImage.
HPDF_Image new_deflated_image(HaruDoc& doc, std::string_view deflated);
// The same image XObject without its data, for HaruDoc::set_stream_from_file.
HPDF_Image new_image_dict(HaruDoc& doc);

// Pages that become form XObjects (ISO 32000-1 §8.10), for imposition.
// libharu 2.3.0 has no form XObject API, but its page API (paths, colours,
// text objects, images, font and image resources) is what the page writer
// draws with. So a booklet page is drawn on a page that is never put in the
// page tree, and then turned into a form: its content stream (already an
// indirect stream object) gets /Type /XObject /Subtype /Form /BBox and
// /Resources, and the page dictionary itself becomes that Resources
// dictionary (it is indirect already, and nothing else refers to it), so no
// orphan page object is left in the file and the content is written once.
//
// A page for drawing only: in the xref, never in the page tree. Its content
// stream is compressed like every page's.
HPDF_Page new_detached_page(HaruDoc& doc);
// Turns a detached page into a form XObject clipped to `bbox` (in the page's
// user space: left, bottom, right, top) and returns it; the page must not be
// drawn on afterwards. The result can be placed with HPDF_Page_ExecuteXObject.
HPDF_XObject page_into_form(HaruDoc& doc, HPDF_Page page, HPDF_Box bbox);

// What a libharu error code means, for diagnostics ("0x1017 file I/O error").
std::string describe_haru_error(HPDF_STATUS error_no, HPDF_STATUS detail_no);

// Frees `doc` (its objects, and whatever free_in_background has under way)
// on a thread that nobody waits for, for a process that ends soon after: the
// build's last work was waiting for it (at 2,400 pages 27 ms). A process that
// ends first ends the freeing with it. Without a thread, `doc` is freed here.
void free_unwaited(std::unique_ptr<HaruDoc> doc) noexcept;

}  // namespace jan20::pdf
