#include "pdf/to_unicode.h"

#include <algorithm>

#include "core/utf.h"

namespace jan20::pdf {
namespace {

constexpr size_t kEntriesPerBlock = 100;  // the CMap format's limit per bfchar block
constexpr size_t kMaxDestinationBytes = 512;  // TN 5411: a bfchar destination is at most 512 bytes

void append_hex(std::string& out, std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  for (unsigned char b : bytes) {
    out += kDigits[b >> 4];
    out += kDigits[b & 0xF];
  }
}

std::string cid_hex(uint16_t cid) {
  std::string s;
  char bytes[2] = {static_cast<char>(cid >> 8), static_cast<char>(cid & 0xFF)};
  append_hex(s, std::string_view(bytes, 2));
  return s;
}

}  // namespace

std::string build_to_unicode_cmap(const std::vector<CidText>& entries) {
  std::vector<const CidText*> kept;
  for (const CidText& e : entries)
    if (!e.text.empty()) kept.push_back(&e);

  std::string out =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n"
      "<0000> <FFFF>\n"
      "endcodespacerange\n";
  for (size_t start = 0; start < kept.size(); start += kEntriesPerBlock) {
    size_t end = std::min(kept.size(), start + kEntriesPerBlock);
    out += std::to_string(end - start) + " beginbfchar\n";
    for (size_t i = start; i < end; ++i) {
      std::string utf16 = utf8_to_utf16be(kept[i]->text);
      if (utf16.size() > kMaxDestinationBytes) {
        // Cut at a code point boundary (never between surrogates).
        size_t cut = kMaxDestinationBytes;
        unsigned char hi = static_cast<unsigned char>(utf16[cut - 2]);
        if (hi >= 0xD8 && hi <= 0xDB) cut -= 2;
        utf16.resize(cut);
      }
      out += '<' + cid_hex(kept[i]->cid) + "> <";
      append_hex(out, utf16);
      out += ">\n";
    }
    out += "endbfchar\n";
  }
  out +=
      "endcmap\n"
      "CMapName currentdict /CMap defineresource pop\n"
      "end\n"
      "end\n";
  return out;
}

}  // namespace jan20::pdf
