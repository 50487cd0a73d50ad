#include "core/diagnostic.h"

#include <algorithm>
#include <cstdio>

#include "core/json.h"
#include "core/utf.h"

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

std::string escape_nonprinting(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  char buf[16];
  size_t pos = 0;
  while (pos < text.size()) {
    size_t start = pos;
    unsigned char b = static_cast<unsigned char>(text[pos]);
    if (b < 0x80) {
      ++pos;
      if (b < 0x20 || b == 0x7F) {
        std::snprintf(buf, sizeof buf, "\\x%02X", b);
        out += buf;
      } else {
        out += static_cast<char>(b);
      }
      continue;
    }
    if (utf8_first_invalid(text.substr(pos, std::min<size_t>(4, text.size() - pos))) == 0) {
      std::snprintf(buf, sizeof buf, "\\x%02X", b);  // not UTF-8: the byte
      out += buf;
      ++pos;
      continue;
    }
    char32_t cp = utf8_next(text, pos);
    // C1 controls, line and paragraph separators, and the bidirectional
    // controls that make a terminal show text in another order than it is.
    bool hidden = (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 || (cp >= 0x202A && cp <= 0x202E) ||
                  (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F || cp == 0x061C;
    if (hidden) {
      std::snprintf(buf, sizeof buf, "\\u{%04X}", static_cast<unsigned>(cp));
      out += buf;
    } else {
      out.append(text.substr(start, pos - start));
    }
  }
  return out;
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string out;
  if (!d.where.file.empty()) {
    out += escape_nonprinting(d.where.file);
    if (d.where.line > 0) {
      out += ':' + std::to_string(d.where.line);
      if (d.where.column > 0) out += ':' + std::to_string(d.where.column);
    }
    out += ": ";
  }
  out += severity_name(d.severity);
  out += ": ";
  out += escape_nonprinting(d.message);
  if (!d.hint.empty()) {
    out += " \xE2\x80\x94 ";  // em dash
    out += escape_nonprinting(d.hint);
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
