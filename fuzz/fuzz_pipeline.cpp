// libFuzzer target: arbitrary bytes through the whole pipeline into an
// in-memory PDF (see pipeline.h and README.md). Built with clang when the
// project is configured with -DJAN20_FUZZ=ON.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "pipeline.h"

namespace {
// Fonts loaded once for the run; destroyed at exit, which removes the
// temporary project directory of flag bit 7.
std::unique_ptr<jan20::fuzz::Pipeline> pipeline;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  pipeline = std::make_unique<jan20::fuzz::Pipeline>(JAN20_FUZZ_PROJECT, JAN20_SOURCE_DIR "/fonts/manifest.toml");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  pipeline->run(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
