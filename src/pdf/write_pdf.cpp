#include "pdf/write_pdf.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

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

// `release`, when given, is `doc` itself: each page's items are freed once drawn.
bool render(const model::PagedDocument& doc, const PdfOptions& options, std::string* bytes, DiagnosticSink& sink,
            model::PagedDocument* release = nullptr);

}  // namespace

bool render_pdf(const model::PagedDocument& doc, const PdfOptions& options, std::string* bytes,
                DiagnosticSink& sink) {
  return render(doc, effective(options), bytes, sink);
}

namespace {

bool render(const model::PagedDocument& doc, const PdfOptions& options, std::string* bytes, DiagnosticSink& sink,
            model::PagedDocument* release) {
  if (doc.pages.empty()) {
    sink.error({}, "the document has no pages", "check that the content file has at least one section");
    return false;
  }
  HaruDoc haru(options.threads > 1);
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
  std::vector<EmbeddedFont> fonts(doc.fonts.size());
  for (size_t i = 0; i < doc.fonts.size(); ++i) {
    if (text.fonts[i].size() == 0) continue;  // declared but unused: not embedded
    if (!embed_glyph_font(haru, doc.fonts[i], *programs[i], text.fonts[i], &fonts[i], sink)) return false;
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
    if (!write_info(w) || !write_catalog_entries(w) || !write_outline(w) || !write_output_intent(w) ||
        !write_structure_tree(w) || !write_metadata(w) || !apply_pdfa(w) || !add_placeholder_id(w))
      return false;
  }
  // PDF 1.5 for /ActualText spans; 1.6 as PDF/X-4 and most print workflows expect.
  haru.set_version(HPDF_VER_16);
  if (!haru.save(bytes, sink)) return false;
  if (!patch_document_id(bytes)) {
    sink.error({}, "could not find the document /ID placeholder in libharu's output",
               "this is a bug in the PDF writer");
    return false;
  }
  return true;
}

std::string errno_text(int e) { return std::strerror(e); }

bool write_all(int fd, const std::string& bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    done += static_cast<size_t>(n);
  }
  return true;
}

// Temporary files are named ".<target>.tmp-<pid>-XXXXXX". A build killed
// between creating one and renaming it (SIGKILL, power loss) cannot remove
// it; the next build writing the same target does, when the process named in
// it no longer exists. A temporary file of a build still running (another
// jan20-pdf writing the same target at the same time) is left alone.
void remove_stale_temporaries(const std::string& dir, const std::string& base) {
  std::string prefix = "." + base + ".tmp-";
  DIR* d = ::opendir(dir.c_str());
  if (!d) return;
  while (dirent* e = ::readdir(d)) {
    std::string name = e->d_name;
    if (name.compare(0, prefix.size(), prefix) != 0) continue;
    char* end = nullptr;
    long pid = std::strtol(name.c_str() + prefix.size(), &end, 10);
    if (pid <= 0 || *end != '-' || std::strlen(end) != 7) continue;  // not one of ours
    if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // its build may still be running
    ::unlinkat(::dirfd(d), name.c_str(), 0);
  }
  ::closedir(d);
}

// Writes a rendered PDF atomically: a temporary file beside `path`, flushed,
// renamed over it (write_pdf.h).
bool write_bytes(const std::string& bytes, const std::string& path, DiagnosticSink& sink) {
  SourceLocation where{path};

  size_t slash = path.find_last_of('/');
  std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
  std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  remove_stale_temporaries(dir, base);
  std::string tmpl = dir + "/." + base + ".tmp-" + std::to_string(::getpid()) + "-XXXXXX";
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = ::mkstemp(name.data());
  if (fd < 0) {
    int e = errno;
    sink.error(where, "cannot create a temporary file in '" + dir + "': " + errno_text(e),
               "check that the output directory exists and is writable");
    return false;
  }
  std::string temp(name.data());
  auto fail = [&](const std::string& what, int e) {
    ::close(fd);
    ::unlink(temp.c_str());
    sink.error(where, what + ": " + errno_text(e), "check free disk space and permissions of '" + dir + "'");
    return false;
  };
  // Keep the mode of the file being replaced; a new file gets rw-r--r--.
  struct stat st;
  mode_t mode = ::stat(path.c_str(), &st) == 0 ? (st.st_mode & 07777) : 0644;
  if (::fchmod(fd, mode) != 0) return fail("cannot set permissions on " + temp, errno);
  if (!write_all(fd, bytes)) return fail("cannot write " + temp, errno);
  if (::fsync(fd) != 0) return fail("cannot flush " + temp, errno);
  if (::close(fd) != 0) {
    int e = errno;
    ::unlink(temp.c_str());
    sink.error(where, "cannot close " + temp + ": " + errno_text(e));
    return false;
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    int e = errno;
    ::unlink(temp.c_str());
    sink.error(where, "cannot replace the output file: " + errno_text(e),
               "check that the path is not a directory and that its directory is writable");
    return false;
  }
  // Make the rename itself durable.
  int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return true;
}

}  // namespace

bool write_pdf(const model::PagedDocument& doc, const PdfOptions& options, const std::string& path,
               DiagnosticSink& sink) {
  std::string bytes;
  // Render completely before touching the file system: a failed render
  // leaves nothing behind.
  return render_pdf(doc, options, &bytes, sink) && write_bytes(bytes, path, sink);
}

bool write_pdf_releasing_pages(model::PagedDocument& doc, const PdfOptions& options, const std::string& path,
                               DiagnosticSink& sink) {
  // PDF/A reads the pages' images again after drawing them (apply_pdfa);
  // printer sheets do not.
  if (options.pdfa && options.impose == Imposition::None) return write_pdf(doc, options, path, sink);
  std::string bytes;
  return render(doc, effective(options), &bytes, sink, &doc) && write_bytes(bytes, path, sink);
}

}  // namespace jan20::pdf
