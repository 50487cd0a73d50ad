#include "pdf/pdfa.h"

#include <map>
#include <set>
#include <sstream>

#include "core/regular_file.h"
#include "pdf/known_profiles.h"

namespace jan20::pdf {
namespace {

std::string trimmed(const std::string& space) { return space == "RGB " ? "RGB" : space; }

// The device colour space family an image is drawn in: 'R'GB (also
// libharu's palette PNGs, /Indexed over DeviceRGB), 'C'MYK, 'G'ray.
char image_family(HPDF_Image image) {
  const char* space = HPDF_Image_GetColorSpace(image);
  std::string s = space ? space : "";
  if (s == "DeviceCMYK") return 'C';
  if (s == "DeviceGray") return 'G';
  return 'R';
}

}  // namespace

HPDF_Dict embed_icc_profile(DocumentWriter& w, const std::string& path, const std::string& space) {
  SourceLocation where{path};
  const bool cmyk = space == "CMYK";
  const char* fix = cmyk ? "pass a CMYK .icc file with --icc, e.g. /usr/share/color/icc/ghostscript/default_cmyk.icc"
                         : "use an RGB .icc file, e.g. /usr/share/color/icc/ghostscript/srgb.icc";
  std::string icc;
  FileProblem problem;
  if (!read_regular_file(path, kMaxIccFileBytes, &icc, &problem)) {
    w.sink.error(where, "the ICC output profile '" + path + "' " + problem.phrase, fix);
    return nullptr;
  }
  if (icc.size() < 128 || icc.compare(36, 4, "acsp") != 0) {
    w.sink.error(where, "cannot read the ICC output profile, or it is not an ICC profile", fix);
    return nullptr;
  }
  if (icc.compare(16, 4, space) != 0) {
    w.sink.error(where, "the output profile is for '" + icc.substr(16, 4) + "', not " + trimmed(space),
                 cmyk ? "a print output intent needs the printing condition's CMYK profile (ask the print shop)"
                      : "a screen output intent needs an RGB profile such as sRGB");
    return nullptr;
  }
  // A profile compressed when jan20-pdf was built is not compressed again
  // (known_profiles.h); libharu then gets no data to copy either.
  const std::string_view known = known_deflated_profile(icc);
  HPDF_Stream data = HPDF_MemStream_New(w.doc.mmgr(), 4096);
  if (!data) {
    w.doc.check(w.sink, "embedding the ICC profile " + path);
    return nullptr;
  }
  if (known.empty())
    HPDF_Stream_Write(data, reinterpret_cast<const HPDF_BYTE*>(icc.data()), static_cast<HPDF_UINT>(icc.size()));
  HPDF_OutputIntent profile =
      HPDF_ICC_LoadIccFromMem(w.doc.get(), w.doc.mmgr(), data, w.doc.xref(), cmyk ? 4 : 3);
  HPDF_Stream_Free(data);
  if (!profile) {
    w.doc.check(w.sink, "embedding the ICC profile " + path);
    return nullptr;
  }
  if (!(known.empty() ? w.doc.set_deflated_data(profile, icc) : w.doc.set_compressed_data(profile, known))) {
    w.doc.check(w.sink, "compressing the ICC profile " + path);
    return nullptr;
  }
  return profile;
}

bool apply_pdfa(DocumentWriter& w) {
  if (!w.options.pdfa) return true;
  HPDF_MMgr mmgr = w.doc.mmgr();
  const bool print = w.options.target == Target::Print;
  std::map<std::string, HPDF_Dict> profiles;  // each embedded once
  auto profile = [&](const std::string& path, const std::string& space) -> HPDF_Dict {
    auto found = profiles.find(path);
    if (found != profiles.end()) return found->second;
    return profiles[path] = embed_icc_profile(w, path, space);
  };

  for (size_t p = 0; p < w.pages.size(); ++p) {
    HPDF_Page page = w.pages[p];
    // ISO 19005-2 §6.3.2: every annotation is printed and never hidden.
    if (auto* annots = static_cast<HPDF_Array>(HPDF_Dict_GetItem(page, "Annots", HPDF_OCLASS_ARRAY)))
      for (HPDF_UINT i = 0; i < HPDF_Array_Items(annots); ++i)
        if (auto* annot = static_cast<HPDF_Dict>(HPDF_Array_GetItem(annots, i, HPDF_OCLASS_DICT)))
          HPDF_Dict_AddNumber(annot, "F", 4);

    // §6.2.4.3: a device colour space other than the output intent's only
    // through a default colour space. Our own colours follow the target
    // (CMYK for print, RGB for screen); images bring their own.
    std::set<char> families;
    for (const model::PageItem& item : w.source.pages[p].items)
      if (const auto* image = std::get_if<model::Image>(&item))
        if (HPDF_Image xobject = w.images.get(image->path, w.sink)) families.insert(image_family(xobject));
    const char needs = print ? 'R' : 'C';
    if (!families.count(needs)) continue;
    const std::string& path = print ? w.options.rgb_profile : w.options.icc_profile;
    const char* key = print ? "DefaultRGB" : "DefaultCMYK";
    if (path.empty()) {
      w.sink.error({}, std::string("page ") + std::to_string(p + 1) + " has " + (print ? "an RGB" : "a CMYK") +
                           " image; PDF/A " + (print ? "print" : "screen") + " output needs an " +
                           (print ? "RGB" : "CMYK") + " ICC profile to describe it (" + key + ")",
                   print ? "set PdfOptions::rgb_profile (the CLI uses Ghostscript's srgb.icc)"
                         : "set PdfOptions::icc_profile, or convert the image to RGB");
      return false;
    }
    HPDF_Dict icc = profile(path, print ? "RGB " : "CMYK");
    if (!icc) return false;
    auto* resources = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(page, "Resources", HPDF_OCLASS_DICT));
    if (!resources) return w.doc.check(w.sink, "finding the resources of page " + std::to_string(p + 1));
    HPDF_Dict spaces = HPDF_Dict_New(mmgr);
    HPDF_Array iccbased = HPDF_Array_New(mmgr);
    HPDF_Array_AddName(iccbased, "ICCBased");
    HPDF_Array_Add(iccbased, icc);
    HPDF_Dict_Add(spaces, key, iccbased);
    HPDF_Dict_Add(resources, "ColorSpace", spaces);
  }
  return w.doc.check(w.sink, "making the PDF/A objects");
}

}  // namespace jan20::pdf
