#pragma once
// Writing the --report and --deps files without ever replacing what is not
// ours:
// - "-" is standard output;
// - a path that does not exist, or is a regular file, gets a temporary file
//   with a unique name beside it (several builds may share the path), written
//   in full, flushed and renamed over it: a failed write leaves the previous
//   file as it was;
// - a path that exists and is not a regular file (a character device such as
//   /dev/null, a FIFO, a symbolic link such as /dev/stdout) is written in
//   place, never replaced; a FIFO no one reads is an error, not a hang;
// - missing directories are made (as --out's are);
// - a directory, a path under a file, a failed or short write (a full disk,
//   /dev/full) is an error at the path, never an exception.
#include <string>

#include "core/diagnostic.h"

namespace jan20::build {

// Before building: reports what is already known to be wrong with an output
// path (empty, a directory, under a file rather than a directory), so that a
// build that cannot write its report writes no PDF either. A directory that
// does not exist yet is made when the file is written, as for the PDFs.
// `what`: "report".
bool check_output_path(const std::string& path, const std::string& what, DiagnosticSink& sink);

// Writes `text` to `path` by the rules above; false after reporting at `path`.
bool write_output_file(const std::string& path, const std::string& text, const std::string& what,
                       DiagnosticSink& sink);

}  // namespace jan20::build
