#include "core/diagnostic.h"

#include "core/json.h"

namespace jan20 {

void DiagnosticSink::report(Diagnostic d) {
  if (d.severity == Severity::Error) ++error_count_;
  items_.push_back(std::move(d));
}

void DiagnosticSink::error(SourceLocation where, std::string message, std::string hint) {
  report({Severity::Error, std::move(where), std::move(message), std::move(hint)});
}

void DiagnosticSink::warning(SourceLocation where, std::string message, std::string hint) {
  report({Severity::Warning, std::move(where), std::move(message), std::move(hint)});
}

void DiagnosticSink::note(SourceLocation where, std::string message, std::string hint) {
  report({Severity::Note, std::move(where), std::move(message), std::move(hint)});
}

void DiagnosticSink::append(const DiagnosticSink& other) {
  for (const auto& d : other.items_) report(d);
}

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string out;
  if (!d.where.file.empty()) {
    out += d.where.file;
    if (d.where.line > 0) {
      out += ':' + std::to_string(d.where.line);
      if (d.where.column > 0) out += ':' + std::to_string(d.where.column);
    }
    out += ": ";
  }
  out += severity_name(d.severity);
  out += ": ";
  out += d.message;
  if (!d.hint.empty()) {
    out += " \xE2\x80\x94 ";  // em dash
    out += d.hint;
  }
  return out;
}

std::string format_diagnostic_json(const Diagnostic& d) {
  std::string out = "{\"file\":";
  out += json_quote(d.where.file);
  out += ",\"line\":" + std::to_string(d.where.line);
  out += ",\"column\":" + std::to_string(d.where.column);
  out += ",\"severity\":";
  out += json_quote(severity_name(d.severity));
  out += ",\"message\":";
  out += json_quote(d.message);
  out += ",\"hint\":";
  out += json_quote(d.hint);
  out += '}';
  return out;
}

}  // namespace jan20
