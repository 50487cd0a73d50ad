#pragma once
// ICC profiles compressed once, when jan20-pdf was built (the generated
// known_profiles.cpp, from src/pdf/gen/deflate_profiles.cpp): Ghostscript's
// default_cmyk.icc and srgb.icc, where they were installed. A profile read
// at run time whose bytes are exactly one of these is embedded with the
// stored stream, which is the one StreamCompressor would make of it.
#include <span>
#include <string_view>

namespace jan20::pdf {

struct KnownProfile {
  std::string_view raw;       // the profile file's bytes
  std::string_view deflated;  // StreamCompressor's zlib stream of them
};
std::span<const KnownProfile> known_profiles();

// The stored stream of a profile with exactly these bytes, or empty.
inline std::string_view known_deflated_profile(std::string_view raw) {
  for (const KnownProfile& p : known_profiles())
    if (p.raw == raw) return p.deflated;
  return {};
}

}  // namespace jan20::pdf
