#pragma once
// Diagnostics are values: where (file:line:column), what, and what to do.
// Every stage reports into a DiagnosticSink passed to it; nothing prints or
// aborts on its own. The CLI decides how to show them (text or JSON lines).
#include <string>
#include <string_view>
#include <vector>

namespace jan20 {

struct SourceLocation {
  std::string file;  // as the user named it, relative to the project when possible
  int line = 0;      // 1-based; 0 when unknown
  int column = 0;    // 1-based, counted in characters (code points), not bytes
  bool operator==(const SourceLocation&) const = default;
};

enum class Severity { Error, Warning, Note };

struct Diagnostic {
  Severity severity = Severity::Error;
  SourceLocation where;
  std::string message;  // "unknown key 'colums' in [page]"
  std::string hint;     // "did you mean 'columns'?"; may be empty
};

class DiagnosticSink {
 public:
  void report(Diagnostic d);
  void error(SourceLocation where, std::string message, std::string hint = {});
  void warning(SourceLocation where, std::string message, std::string hint = {});
  void note(SourceLocation where, std::string message, std::string hint = {});

  bool has_errors() const { return error_count_ > 0; }
  int error_count() const { return error_count_; }
  const std::vector<Diagnostic>& diagnostics() const { return items_; }
  void append(const DiagnosticSink& other);

 private:
  std::vector<Diagnostic> items_;
  int error_count_ = 0;
};

// "file:line:column: error: message — hint" (the location part shrinks when
// line or column are unknown).
// Printed for a terminal: control characters, bytes that are not UTF-8, C1
// controls and bidirectional overrides in the file name, message and hint are
// escaped (\x1B, \u{202E}), so that no input can ring the bell, move the
// cursor or reorder what is shown.
std::string format_diagnostic(const Diagnostic& d);
std::string escape_nonprinting(std::string_view text);
// One JSON object per line: {"file":..,"line":..,"column":..,"severity":..,"message":..,"hint":..}
std::string format_diagnostic_json(const Diagnostic& d);
const char* severity_name(Severity s);

}  // namespace jan20
