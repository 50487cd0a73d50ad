#include "text/case_transform.h"

#include <gtest/gtest.h>

namespace jan20::text {
namespace {

TEST(CaseTransform, AzerbaijaniUppercaseKeepsTheDots) {
  EXPECT_EQ(to_upper("istiqlal", "az"), "İSTİQLAL");
  EXPECT_EQ(to_upper("Bakı", "az"), "BAKI");
  EXPECT_EQ(to_upper("şəhidlər xiyabanı", "az"), "ŞƏHİDLƏR XİYABANI");
  EXPECT_EQ(to_upper("istiqlal", "az-Latn-AZ"), "İSTİQLAL");
  EXPECT_EQ(to_upper("istiqlal", "tr"), "İSTİQLAL");
}

TEST(CaseTransform, OtherLanguagesUseTheDefaultRules) {
  EXPECT_EQ(to_upper("istiqlal", "en"), "ISTIQLAL");
  EXPECT_EQ(to_upper("Bakı", "en"), "BAKI");
  EXPECT_EQ(to_upper("straße", "de"), "STRASSE");  // the text may grow
  EXPECT_EQ(to_upper("баку", "az-Cyrl"), "БАКУ");
}

TEST(CaseTransform, AzerbaijaniLowercase) {
  EXPECT_EQ(to_lower("İSTİQLAL", "az"), "istiqlal");
  EXPECT_EQ(to_lower("BAKI", "az"), "bakı");
  EXPECT_EQ(to_lower("BAKI", "en"), "baki");
  // Default rules keep İ's dot as a combining mark.
  EXPECT_EQ(to_lower("İ", "en"), "i\u0307");
  EXPECT_EQ(to_lower("", "az"), "");
}

}  // namespace
}  // namespace jan20::text
