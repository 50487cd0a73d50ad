#pragma once
// Web addresses as URIs (RFC 3986) for places that carry bytes, not text: a
// QR code holds no character set, so "ə" in a path must travel as %C9%99 and
// a host such as "bakı.az" as its IDNA form "xn--bak-lua.az".
#include <string>

namespace jan20::load {

// `iri` (UTF-8) as an ASCII URI: the host through IDNA (UTS #46, ICU), every
// byte outside printable ASCII elsewhere percent-encoded; existing %XX
// escapes and ASCII addresses are kept as they are. An empty string when the
// host is not a valid domain name.
std::string uri_from_iri(const std::string& iri);

}  // namespace jan20::load
