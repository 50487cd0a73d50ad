#include "cli/share_dir.h"

#include <filesystem>
#include <system_error>

namespace jan20::cli {

namespace fs = std::filesystem;

std::string find_share_dir(std::string* looked_in) {
  std::error_code ec;
  // /proc/self/exe: the binary itself, through any symbolic link on PATH.
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) {
    *looked_in = "/proc/self/exe (unreadable: " + ec.message() + ")";
    return {};
  }
  fs::path dir = (exe.parent_path().parent_path() / "share" / "jan20-pdf").lexically_normal();
  *looked_in = dir.string();
  if (fs::is_directory(dir / "templates", ec)) return dir.string();
  return {};
}

}  // namespace jan20::cli
