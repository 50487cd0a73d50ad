// The posters' QR codes, decoded by zbarimg (zbar-tools) from the rendered
// page: they must give back the content's URL as an ASCII URI that every
// phone reads the same way.
#include <gtest/gtest.h>

#include <cctype>
#include <regex>
#include <sstream>

#include "../print/print_support.h"

namespace jan20::testing {
namespace {

// The texts zbarimg finds in a page rendered at 100 dpi ("QR-Code:" lines).
std::vector<std::string> decode_qr(const std::string& pdf) {
  std::string dir = make_temp_dir();
  CommandResult render = run({"pdftoppm", "-r", "100", "-png", "-singlefile", pdf, dir + "/page"});
  EXPECT_EQ(render.exit_code, 0) << render.err;
  CommandResult r = run({"zbarimg", "-q", "-Sdisable", "-Sqrcode.enable", dir + "/page.png"});
  std::vector<std::string> codes;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);)
    if (line.rfind("QR-Code:", 0) == 0) codes.push_back(line.substr(8));
  return codes;
}

// %XX sequences back to bytes (RFC 3986 percent-decoding), written here so the
// test does not grade the program with its own encoder.
std::string percent_decode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() + 0 && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

bool printable_ascii(const std::string& s) {
  for (unsigned char c : s)
    if (c <= 0x20 || c >= 0x7F) return false;
  return true;
}

std::string content_url(const std::string& project, const std::string& lang) {
  std::string content = read_file(project + "/content/poster/" + lang + ".toml");
  std::smatch m;
  EXPECT_TRUE(std::regex_search(content, m, std::regex("\nurl = \"([^\"]+)\""))) << lang;
  return m[1];
}

class PosterQr : public ::testing::TestWithParam<std::string> {};

TEST_P(PosterQr, DecodesToTheContentsUrl) {
  const std::string lang = GetParam();
  std::string out = make_temp_dir();
  CommandResult b = jan20({"-C", source_dir(), "build", "poster", "--lang", lang, "--out", out, "--quiet"});
  ASSERT_EQ(b.exit_code, 0) << b.err;
  std::vector<std::string> codes = decode_qr(out + "/poster." + lang + ".pdf");
  ASSERT_EQ(codes.size(), 1u) << "zbarimg found " << codes.size() << " QR codes";
  EXPECT_TRUE(printable_ascii(codes[0])) << codes[0];
  std::string url = content_url(source_dir(), lang);
  ASSERT_FALSE(url.empty());
  EXPECT_EQ(percent_decode(codes[0]), url);
}

INSTANTIATE_TEST_SUITE_P(Editions, PosterQr, ::testing::Values("az", "en"));

TEST(PosterQrUri, AzerbaijaniPathIsPercentEncoded) {
  std::string out = make_temp_dir();
  CommandResult b = jan20({"-C", source_dir(), "build", "poster", "--lang", "az", "--out", out, "--quiet"});
  ASSERT_EQ(b.exit_code, 0) << b.err;
  std::vector<std::string> codes = decode_qr(out + "/poster.az.pdf");
  ASSERT_EQ(codes.size(), 1u);
  EXPECT_EQ(codes[0], "https://az.wikipedia.org/wiki/20_Yanvar_faci%C9%99si");
}

TEST(PosterQrUri, NonAsciiHostGoesThroughIdna) {
  std::string project = copy_project();
  std::string content = read_file(project + "/content/poster/az.toml");
  content = std::regex_replace(content, std::regex("\nurl = \"[^\"]+\""), "\nurl = \"https://Bakı.az/Şəhidlər?q=ə#ç\"");
  write_file(project + "/content/poster/az.toml", content);
  CommandResult b = jan20({"-C", project, "build", "poster", "--lang", "az", "--quiet"});
  ASSERT_EQ(b.exit_code, 0) << b.err;
  std::vector<std::string> codes = decode_qr(project + "/out/poster.az.pdf");
  ASSERT_EQ(codes.size(), 1u);
  // Python's codec agrees: "bakı.az".encode("idna") == b"xn--bak-lua.az".
  EXPECT_EQ(codes[0], "https://xn--bak-lua.az/%C5%9E%C9%99hidl%C9%99r?q=%C9%99#%C3%A7");
}

TEST(PosterQrUri, HostThatIsNoDomainNameIsAnErrorAtItsLine) {
  std::string project = copy_project();
  std::string content = read_file(project + "/content/poster/az.toml");
  content = std::regex_replace(content, std::regex("\nurl = \"[^\"]+\""), "\nurl = \"https://ba\xE2\x80\x8Fk\xD9\x84.az/\"");
  write_file(project + "/content/poster/az.toml", content);
  int line = line_of(content, "\nurl = ") + 1;
  CommandResult b = jan20({"-C", project, "build", "poster", "--lang", "az", "--quiet"});
  EXPECT_EQ(b.exit_code, 1);
  EXPECT_NE(b.err.find("content/poster/az.toml:" + std::to_string(line) +
                       ":7: error: 'meta.url' has a host that is not a domain name"),
            std::string::npos)
      << b.err;
  EXPECT_FALSE(file_exists(project + "/out/poster.az.pdf"));
}

}  // namespace
}  // namespace jan20::testing
