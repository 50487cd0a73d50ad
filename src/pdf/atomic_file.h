#pragma once
// Writing an output file so that it is never seen half-written: a temporary
// file beside it (".<name>.tmp-<pid>-XXXXXX"), filled, flushed and renamed
// over it. A failure leaves the file that was there untouched and removes the
// temporary one; temporaries left by a killed build are removed by the next
// build writing the same file.
#include <functional>
#include <string>
#include <string_view>

#include "core/diagnostic.h"

namespace jan20::pdf {

enum class FillResult {
  Written,      // the content is in the file
  WriteFailed,  // a write failed: errno says why (reported by write_atomically)
  Failed,       // something else failed, already reported
};

// Creates the temporary file, calls `fill` with its descriptor, and on
// FillResult::Written flushes it and renames it to `path`. Problems are
// reported at `path`.
bool write_atomically(const std::string& path, DiagnosticSink& sink, const std::function<FillResult(int fd)>& fill);

// write(2) until all of `bytes` is written; false with errno set.
bool write_all(int fd, std::string_view bytes);
// pwrite(2) the same at `offset`.
bool pwrite_all(int fd, std::string_view bytes, long long offset);

}  // namespace jan20::pdf
