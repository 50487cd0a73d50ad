// The MD5 behind the document /ID and the subset tags: ours against libharu's and
// RFC 1321's test suite, and the same digest when the pieces are hashed on a
// helper thread while the file is written (Md5InBackground).
#include "pdf/digest.h"

#include <gtest/gtest.h>
#include <hpdf.h>
#include <hpdf_encrypt.h>

#include <string>
#include <vector>

namespace jan20::pdf {
namespace {

std::string hex(const Digest& d) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (uint8_t b : d) {
    out += digits[b >> 4];
    out += digits[b & 15];
  }
  return out;
}

TEST(Md5, Rfc1321TestSuite) {
  EXPECT_EQ(hex(md5("")), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(hex(md5("abc")), "900150983cd24fb0d6963f7d28e17f72");
  EXPECT_EQ(hex(md5("message digest")), "f96b697d7cb7938d525a2f31aaf161d0");
  EXPECT_EQ(hex(md5("12345678901234567890123456789012345678901234567890123456789012345678901234567890")),
            "57edf4a22be3c955ac49da2e2107b67a");
}

// libharu's MD5, which the document IDs and subset tags came from before:
// the same digest for every length around the block and padding edges, and
// for inputs fed in uneven pieces.
Digest libharu_md5(std::string_view bytes) {
  HPDF_MD5_CTX ctx;
  HPDF_MD5Init(&ctx);
  HPDF_MD5Update(&ctx, reinterpret_cast<const HPDF_BYTE*>(bytes.data()), static_cast<HPDF_UINT32>(bytes.size()));
  Digest d{};
  HPDF_MD5Final(d.data(), &ctx);
  return d;
}

TEST(Md5, SameDigestsAsLibharu) {
  std::string bytes;
  uint32_t x = 12345;
  for (int i = 0; i < 5000; ++i) {
    x = x * 1103515245 + 12345;
    bytes += static_cast<char>(x >> 16);
  }
  for (size_t n = 0; n < 300; ++n) ASSERT_EQ(hex(md5(bytes.substr(0, n))), hex(libharu_md5(bytes.substr(0, n)))) << n;
  for (size_t n : {511u, 512u, 513u, 4095u, 4999u, 5000u}) EXPECT_EQ(hex(md5(bytes.substr(0, n))), hex(libharu_md5(bytes.substr(0, n))));
  Md5 pieces;
  for (size_t at = 0, step = 1; at < bytes.size(); at += step, step = step * 3 % 97 + 1)
    pieces.update(std::string_view(bytes).substr(at, step));
  EXPECT_EQ(hex(pieces.finish()), hex(libharu_md5(bytes)));
}

// Pieces of uneven sizes, more of them than may wait for the helper, so that
// update() also has to wait.
std::vector<std::string> pieces() {
  std::vector<std::string> out;
  for (int i = 0; i < 40; ++i) out.push_back(std::string(static_cast<size_t>(1 + i * 997 % 70000), static_cast<char>('a' + i % 26)));
  return out;
}

TEST(Md5InBackground, SameDigestWithAndWithoutAHelperThread) {
  std::string whole;
  for (const std::string& p : pieces()) whole += p;
  const std::string expected = hex(md5(whole));
  for (bool helper : {false, true}) {
    Md5InBackground m(helper);
    for (std::string p : pieces()) m.update(std::move(p));
    EXPECT_EQ(hex(m.finish()), expected) << (helper ? "with" : "without") << " a helper thread";
  }
}

TEST(Md5InBackground, NothingHandedOverIsTheEmptyDigest) {
  Md5InBackground m(true);
  EXPECT_EQ(hex(m.finish()), "d41d8cd98f00b204e9800998ecf8427e");
}

}  // namespace
}  // namespace jan20::pdf
