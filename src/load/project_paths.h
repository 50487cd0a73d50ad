#pragma once
// Path helpers for files named inside the project's TOML files.
#include <string>
#include <string_view>

namespace jan20::load {

// Lexically normalizes "a/./b/../c" to "a/c" (keeps leading ".." and "/").
std::string normalize_path(std::string_view path);
// root + "/" + relative, normalized.
std::string join_path(std::string_view root, std::string_view relative);
// True when `path` is `dir` or lies below it (both absolute and normalized).
bool path_inside(std::string_view path, std::string_view dir);
// realpath(3), or empty when the file does not exist.
std::string real_path(const std::string& path);

}  // namespace jan20::load
