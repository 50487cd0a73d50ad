// jan20-pdf init: a starter project that builds at once, read back with
// poppler (pdftotext, pdfinfo) and qpdf; and a folder that already holds a
// project is left exactly as it was.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/test_support.h"

namespace jan20::testing {
namespace {

namespace fs = std::filesystem;

int pdf_pages(const std::string& pdf) {
  CommandResult info = run({"pdfinfo", pdf});
  size_t at = info.out.find("Pages:");
  return at == std::string::npos ? -1 : std::stoi(info.out.substr(at + 6));
}

TEST(Init, TheStarterLeafletBuildsAtOnceInBothLanguages) {
  std::string project = make_temp_dir() + "/memorial leaflet";  // created by init, with a space
  CommandResult init = run({jan20_binary(), "init", project});
  ASSERT_EQ(init.exit_code, 0) << init.err;
  for (const char* file : {"jan20.toml", "layouts/leaflet.toml", "content/leaflet/az.toml", "content/leaflet/en.toml",
                           "fonts/manifest.toml"})
    EXPECT_TRUE(file_exists(project + "/" + file)) << file;
  EXPECT_NE(init.out.find("build"), std::string::npos) << init.out;  // says what to run next

  CommandResult check = run({jan20_binary(), "-C", project, "check", "--strict"});
  EXPECT_EQ(check.exit_code, 0) << check.err << check.out;
  CommandResult build = run({jan20_binary(), "-C", project, "build"});
  ASSERT_EQ(build.exit_code, 0) << build.err;

  std::string az = squash_spaces(pdftotext(project + "/out/leaflet.az.pdf"));
  std::string en = squash_spaces(pdftotext(project + "/out/leaflet.en.pdf"));
  for (const char* words : {"20 Yanvar: Ümumxalq Hüzn Günü", "dinc sakin həlak oldu", "Şəhidlər Xiyabanı",
                            "Азәрбајҹан", "Milli Məclisin qərarı"})
    EXPECT_NE(az.find(words), std::string::npos) << words << "\n" << az;
  for (const char* words : {"20 January: National Mourning Day", "people seriously injured", "Alley of Martyrs",
                            "Азәрбајҹан", "Decision of the Milli Majlis"})
    EXPECT_NE(en.find(words), std::string::npos) << words << "\n" << en;
  for (const char* pdf : {"/out/leaflet.az.pdf", "/out/leaflet.en.pdf"}) {
    EXPECT_EQ(pdf_pages(project + pdf), 4) << pdf;
    std::string qpdf;
    EXPECT_TRUE(qpdf_check_clean(project + pdf, &qpdf)) << qpdf;
  }
}

TEST(Init, TheBookletAndThePosterInOneLanguage) {
  for (const std::string kind : {"booklet", "poster"}) {
    std::string project = make_temp_dir() + "/" + kind;
    CommandResult init = run({jan20_binary(), "init", project, "--kind", kind, "--lang", "en"});
    ASSERT_EQ(init.exit_code, 0) << init.err;
    EXPECT_FALSE(file_exists(project + "/content/" + kind + "/az.toml"));
    CommandResult build = run({jan20_binary(), "-C", project, "build", "--quiet"});
    ASSERT_EQ(build.exit_code, 0) << build.err;
    EXPECT_FALSE(file_exists(project + "/out/" + kind + ".az.pdf"));
    std::string en = squash_spaces(pdftotext(project + "/out/" + kind + ".en.pdf"));
    EXPECT_NE(en.find("National Mourning Day"), std::string::npos) << kind << "\n" << en;
  }
}

TEST(Init, RefusesToOverwriteAndWritesNothing) {
  std::string project = make_temp_dir();
  write_file(project + "/jan20.toml", "# my own project\n");
  fs::create_directories(project + "/content/leaflet");
  write_file(project + "/content/leaflet/en.toml", "# my own words\n");

  CommandResult init = run({jan20_binary(), "-C", project, "init"});
  EXPECT_EQ(init.exit_code, 1);
  EXPECT_NE(init.err.find(project + "/jan20.toml: error: init: already exists"), std::string::npos) << init.err;
  EXPECT_NE(init.err.find(project + "/content/leaflet/en.toml: error: init: already exists"), std::string::npos)
      << init.err;
  EXPECT_NE(init.err.find("nothing written"), std::string::npos) << init.err;
  EXPECT_EQ(read_file(project + "/jan20.toml"), "# my own project\n");
  EXPECT_EQ(read_file(project + "/content/leaflet/en.toml"), "# my own words\n");
  // Not even the files that did not exist.
  EXPECT_FALSE(file_exists(project + "/content/leaflet/az.toml"));
  EXPECT_FALSE(fs::exists(project + "/layouts"));
  EXPECT_FALSE(fs::exists(project + "/fonts"));

  // A file where the folder should be.
  write_file(project + "/a-file", "x");
  CommandResult on_file = run({jan20_binary(), "init", project + "/a-file"});
  EXPECT_EQ(on_file.exit_code, 1);
  EXPECT_NE(on_file.err.find("is not a folder"), std::string::npos) << on_file.err;
  EXPECT_EQ(read_file(project + "/a-file"), "x");
}

}  // namespace
}  // namespace jan20::testing
