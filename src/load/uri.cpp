#include "load/uri.h"
#include "core/c_handle.h"

#include <unicode/uidna.h>

#include <memory>

namespace jan20::load {

namespace {

bool is_ascii(const std::string& s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

// Bytes outside printable ASCII, space and the characters RFC 3986 never
// allows literally, as %XX.
std::string percent_encode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (c <= 0x20 || c >= 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' ||
        c == '{' || c == '|' || c == '}') {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string host_to_ascii(const std::string& host) {
  if (is_ascii(host)) return host;
  UErrorCode status = U_ZERO_ERROR;
  CHandle<UIDNA, uidna_close> idna(uidna_openUTS46(UIDNA_NONTRANSITIONAL_TO_ASCII | UIDNA_CHECK_BIDI, &status));
  if (U_FAILURE(status)) return {};
  std::string out(host.size() * 4 + 64, '\0');
  UIDNAInfo info = UIDNA_INFO_INITIALIZER;
  int32_t n = uidna_nameToASCII_UTF8(idna.get(), host.data(), static_cast<int32_t>(host.size()), out.data(),
                                     static_cast<int32_t>(out.size()), &info, &status);
  if (U_FAILURE(status) || info.errors != 0) return {};
  out.resize(static_cast<size_t>(n));
  return out;
}

}  // namespace

std::string uri_from_iri(const std::string& iri) {
  if (is_ascii(iri)) return percent_encode(iri);
  size_t scheme_end = iri.find("://");
  if (scheme_end == std::string::npos) return percent_encode(iri);
  size_t authority = scheme_end + 3;
  size_t authority_end = iri.find_first_of("/?#", authority);
  if (authority_end == std::string::npos) authority_end = iri.size();
  std::string auth = iri.substr(authority, authority_end - authority);
  std::string userinfo;
  if (size_t at = auth.rfind('@'); at != std::string::npos) {
    userinfo = percent_encode(auth.substr(0, at + 1));
    auth = auth.substr(at + 1);
  }
  std::string port;
  if (size_t colon = auth.rfind(':'); colon != std::string::npos && auth.find(']') == std::string::npos) {
    port = auth.substr(colon);
    auth = auth.substr(0, colon);
  }
  std::string host = host_to_ascii(auth);
  if (host.empty()) return {};
  return iri.substr(0, authority) + userinfo + host + port + percent_encode(iri.substr(authority_end));
}

}  // namespace jan20::load
