#include "pdf/write_pdf.h"

#include <cerrno>
#include <functional>
#include <memory>

#include <malloc.h>  // malloc_trim (glibc)

#include "core/parallel.h"
#include "pdf/atomic_file.h"
#include "pdf/digest.h"
#include "pdf/document_meta.h"
#include "pdf/font_program.h"
#include "pdf/glyph_font.h"
#include "pdf/haru.h"
#include "pdf/impose.h"
#include "pdf/page_writer.h"
#include "pdf/pdfa.h"
#include "pdf/structure.h"
#include "pdf/xmp.h"

namespace jan20::pdf {

namespace {

// Printer sheets carry the pages' ink only: no structure, no page marks
// (the sheet has its own), and no links (DocumentWriter::links), drawn from
// the document as it is.
PdfOptions effective(const PdfOptions& options) {
  if (options.impose == Imposition::None) return options;
  PdfOptions sheets = options;
  sheets.tagged = false;
  sheets.sheet_marks = sheets.sheet_marks || options.marks;
  sheets.marks = false;
  return sheets;
}

// Draws the whole document into libharu, then hands it to `save` (which
// writes it out and frees it). `release`, when given, is `doc` itself: each
// page's items are freed once drawn.
bool render(const model::PagedDocument& doc, const PdfOptions& options, DiagnosticSink& sink,
            model::PagedDocument* release, const std::function<bool(HaruDoc&)>& save);

void report_missing_id(DiagnosticSink& sink) {
  sink.error({}, "could not find the document /ID placeholder in libharu's output",
             "this is a bug in the PDF writer");
}

// The saved bytes in memory, with the /ID in place.
bool save_to_string(HaruDoc& haru, std::string* bytes, DiagnosticSink& sink) {
  if (!haru.save(bytes, sink)) return false;
  if (!patch_document_id(bytes)) {
    report_missing_id(sink);
    return false;
  }
  return true;
}

// The saved bytes straight into the temporary file as libharu writes them,
// in pieces of 64 KiB, so that a long document's bytes are never held in
// memory. Each piece is hashed for the /ID as it is written (on a helper
// thread, when the build has threads to spare), and the ID is then written in
// place. The same bytes as save_to_string.
FillResult save_to_file(HaruDoc& haru, int fd, bool helper_thread, DiagnosticSink& sink) {
  constexpr size_t kPiece = size_t{64} << 10;  // below malloc's mmap threshold: no fresh pages per piece
  constexpr size_t kTail = 4096;  // holds the trailer
  Md5InBackground md5(helper_thread);
  std::string piece, tail;
  long long size = 0;
  int write_errno = 0;
  auto flush = [&] {
    if (!pwrite_all(fd, piece, size)) {
      write_errno = errno;
      return false;
    }
    size += static_cast<long long>(piece.size());
    if (piece.size() >= kTail) {
      tail.assign(piece, piece.size() - kTail, kTail);
    } else {
      tail += piece;
      if (tail.size() > kTail) tail.erase(0, tail.size() - kTail);
    }
    md5.update(std::move(piece));
    piece = std::string();
    piece.reserve(kPiece);
    return true;
  };
  piece.reserve(kPiece);
  bool write_failed = false;
  const bool saved = haru.save_through(
      [&](std::string_view bytes) {
        piece.append(bytes);
        return piece.size() < kPiece || flush();
      },
      &write_failed, sink);
  if (saved && !flush()) write_failed = true;
  if (write_failed) {
    errno = write_errno != 0 ? write_errno : EIO;
    return FillResult::WriteFailed;
  }
  if (!saved) return FillResult::Failed;
  const size_t at = find_document_id(tail);
  if (at == std::string::npos) {
    report_missing_id(sink);
    return FillResult::Failed;
  }
  const std::string hex = document_id_hex(md5.finish());
  const long long offset = size - static_cast<long long>(tail.size()) + static_cast<long long>(at);
  if (!pwrite_all(fd, hex, offset) || !pwrite_all(fd, hex, offset + static_cast<long long>(kSecondIdAt)))
    return FillResult::WriteFailed;
  return FillResult::Written;
}

// Renders completely before touching the file system (a failed render leaves
// nothing behind), then saves into a temporary file renamed over `path`.
bool render_to_file(const model::PagedDocument& doc, const PdfOptions& options, const std::string& path,
                    DiagnosticSink& sink, model::PagedDocument* release) {
  return render(doc, options, sink, release, [&](HaruDoc& haru) {
    return write_atomically(path, sink, [&](int fd) {
      const FillResult written = save_to_file(haru, fd, options.threads > 1, sink);
      // Not read again: freed while the file is synced and renamed.
      if (options.threads > 1) haru.free_in_background();
      return written;
    });
  });
}

}  // namespace

bool render_pdf(const model::PagedDocument& doc, const PdfOptions& options, std::string* bytes,
                DiagnosticSink& sink) {
  return render(doc, effective(options), sink, nullptr,
                [&](HaruDoc& haru) { return save_to_string(haru, bytes, sink); });
}

namespace {

// Every used font's glyphs and subset, the fonts shared among up to
// `threads` threads: hb-subset is most of what embedding costs (a third of
// the writer's time for a short booklet), and the fonts are independent.
// The document's objects are then made one font after the other, in order.
std::vector<PreparedFont> prepare_fonts(const model::PagedDocument& doc,
                                        const std::vector<std::unique_ptr<FontProgram>>& programs,
                                        const TextPlan& text, int threads) {
  std::vector<size_t> used;
  for (size_t i = 0; i < doc.fonts.size(); ++i)
    if (text.fonts[i].size() != 0) used.push_back(i);
  std::vector<PreparedFont> prepared(doc.fonts.size());
  run_jobs(used.size(), threads, [&](size_t k) {
    const size_t i = used[k];
    prepared[i] = prepare_glyph_font(doc.fonts[i], *programs[i], text.fonts[i]);
  });
  return prepared;
}

// render's work, into `haru`: everything it makes that points at the
// document is gone when this returns.
bool render_into(HaruDoc& haru, const model::PagedDocument& doc, const PdfOptions& options, DiagnosticSink& sink,
                 model::PagedDocument* release, const std::function<bool(HaruDoc&)>& save) {
  if (!haru.check(sink, "creating the PDF")) return false;
  // Compresses page content; streams we build set their own filter.
  HPDF_SetCompressionMode(haru.get(), HPDF_COMP_ALL);

  // Fonts first: the subset (and so every CID) is known only once every
  // glyph of the document has been seen.
  std::vector<std::unique_ptr<FontProgram>> programs(doc.fonts.size());
  std::vector<NominalGlyph> nominal(doc.fonts.size());
  std::vector<bool> drawn(doc.fonts.size());  // fonts no glyph run uses are not opened at all
  for (const model::Page& page : doc.pages)
    for (const model::PageItem& item : page.items)
      if (const auto* run = std::get_if<model::GlyphRun>(&item); run && run->font >= 0)
        if (static_cast<size_t>(run->font) < drawn.size()) drawn[static_cast<size_t>(run->font)] = true;
  for (size_t i = 0; i < doc.fonts.size(); ++i) {
    if (!drawn[i]) continue;
    std::string error;
    programs[i] = i < options.faces.size() && options.faces[i]
                      ? FontProgram::share(options.faces[i], doc.fonts[i].path, doc.fonts[i].index, &error)
                      : FontProgram::open(doc.fonts[i].path, doc.fonts[i].index, &error);
    if (!programs[i]) {
      sink.error({doc.fonts[i].path}, error, "check the font's path in fonts/manifest.toml or the layout");
      return false;
    }
    const FontProgram* program = programs[i].get();
    nominal[i] = [program](char32_t c) { return program->nominal_glyph(c); };
  }
  RunJoins joins = plan_run_joins(doc, nominal);
  // What each glyph stands for, worked out once per run; the page writer
  // then finds each glyph's CID by its pair number.
  TextPlan text = plan_text(doc, nominal, options.threads, &joins);
  std::vector<PreparedFont> prepared = prepare_fonts(doc, programs, text, options.threads);
  std::vector<EmbeddedFont> fonts(doc.fonts.size());
  for (size_t i = 0; i < doc.fonts.size(); ++i) {
    if (text.fonts[i].size() == 0) continue;  // declared but unused: not embedded
    if (!embed_glyph_font(haru, doc.fonts[i], *programs[i], text.fonts[i], std::move(prepared[i]), &fonts[i], sink))
      return false;
  }

  DocumentWriter w(haru, doc, options, fonts, text, joins, sink);
  if (release)
    w.page_written = [&](size_t i) {
      std::vector<model::PageItem>().swap(release->pages[i].items);
      text.release(i);
    };
  if (options.impose != Imposition::None) {
    // Printer sheets: the pages' ink only (no structure; XMP only for PDF/X).
    if (!write_imposed_sheets(w) || !write_info(w) || !write_output_intent(w) ||
        (claims_pdfx4(options) && !write_metadata(w)) || !add_placeholder_id(w))
      return false;
  } else {
    if (options.threads > 1) {  // images are read and checked on a helper thread while pages are drawn
      std::vector<std::string> images;
      for (const model::Page& page : doc.pages)
        for (const model::PageItem& item : page.items)
          if (const auto* image = std::get_if<model::Image>(&item)) images.push_back(image->path);
      w.images.prepare(images);
    }
    if (!create_pages(w)) return false;
    for (size_t i = 0; i < doc.pages.size(); ++i) {
      if (!write_page(w, i)) return false;
      if (!haru.deflate_page_content(w.pages[i])) return haru.check(sink, "compressing page " + std::to_string(i + 1));
      if (w.page_written) w.page_written(i);
    }
    // The pages' glyph runs are freed now (when `release`): give the pages
    // of memory they held back to the system before the document is put
    // together and saved, rather than keep them mapped and idle (at 2,400
    // pages 30 MB, which the save would otherwise add to).
#ifdef __GLIBC__
    if (release) malloc_trim(0);
#endif
    if (!write_info(w) || !write_catalog_entries(w) || !write_outline(w) || !write_output_intent(w) ||
        !write_structure_tree(w) || !write_metadata(w) || !apply_pdfa(w) || !add_placeholder_id(w))
      return false;
  }
  // PDF 1.5 for /ActualText spans; 1.6 as PDF/X-4 and most print workflows expect.
  haru.set_version(HPDF_VER_16);
  return save(haru);
}

bool render(const model::PagedDocument& doc, const PdfOptions& options, DiagnosticSink& sink,
            model::PagedDocument* release, const std::function<bool(HaruDoc&)>& save) {
  if (doc.pages.empty()) {
    sink.error({}, "the document has no pages", "check that the content file has at least one section");
    return false;
  }
  auto haru = std::make_unique<HaruDoc>(options.threads > 1);
  const bool rendered = render_into(*haru, doc, options, sink, release, save);
  // Its objects are freed without the build waiting, when the process ends
  // soon after (PdfOptions::free_document) and has a thread for it.
  if (!options.free_document && options.threads > 1) free_unwaited(std::move(haru));
  return rendered;
}

}  // namespace

bool write_pdf(const model::PagedDocument& doc, const PdfOptions& options, const std::string& path,
               DiagnosticSink& sink) {
  return render_to_file(doc, effective(options), path, sink, nullptr);
}

bool write_pdf_releasing_pages(model::PagedDocument& doc, const PdfOptions& options, const std::string& path,
                               DiagnosticSink& sink) {
  // PDF/A reads the pages' images again after drawing them (apply_pdfa);
  // printer sheets do not.
  if (options.pdfa && options.impose == Imposition::None) return write_pdf(doc, options, path, sink);
  return render_to_file(doc, effective(options), path, sink, &doc);
}

}  // namespace jan20::pdf
