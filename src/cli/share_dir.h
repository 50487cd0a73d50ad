#pragma once
// Where jan20-pdf's data files are (the starter projects `init` writes):
// share/jan20-pdf beside the directory holding the binary, i.e.
// PREFIX/share/jan20-pdf for PREFIX/bin/jan20-pdf, and build/src/share/
// jan20-pdf for the built build/src/cli/jan20-pdf. Found from the binary's
// own path, so an installed copy works from any directory.
#include <string>

namespace jan20::cli {

// The data directory, or "" with `*looked_in` naming where it was looked for.
std::string find_share_dir(std::string* looked_in);

}  // namespace jan20::cli
