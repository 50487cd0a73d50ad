// Which of the content's page-breaks give way when sections run on
// ([flow] sections = "run-on", layout/sections.h).
#include <gtest/gtest.h>

#include "layout/sections.h"

namespace jan20::layout {
namespace {

model::Block page_break(std::string master = "") { return {{}, "", "", "", "", model::PageBreak{std::move(master)}}; }
model::Block heading(int level) {
  model::Heading h;
  h.level = level;
  return {{}, "", "", "", "", h};
}
model::Block paragraph() { return {{}, "", "", "", "", model::Paragraph{}}; }
model::Block contents() { return {{}, "", "", "", "", model::Contents{}}; }

// The booklet's shape: cover, dedication, contents, sections, a deliberate
// break, the back cover.
std::vector<model::Block> booklet() {
  return {heading(1),         paragraph(),      // 0, 1: the cover (the first master's page)
          page_break("dedication"), paragraph(),  // 2, 3
          page_break(),       heading(1), contents(),  // 4: after a master page: stays
          page_break(),       heading(1), paragraph(),  // 7: ends the contents: stays
          page_break(),       heading(1), paragraph(),  // 10: runs on
          page_break(),       heading(2), paragraph(),  // 13: before a level-2 heading: stays
          page_break(),       paragraph(),              // 16: before no heading: stays
          page_break(),       heading(1), paragraph(),  // 18: runs on
          page_break("back"), paragraph()};             // 21: names a master: stays
}

TEST(RunOnSections, OnlyBreaksBetweenSectionsOfBodyTextGiveWay) {
  model::Design design;
  design.sections_run_on = true;
  std::vector<bool> run_on = run_on_breaks(booklet(), design);
  ASSERT_EQ(run_on.size(), 23u);
  std::vector<size_t> given_way;
  for (size_t i = 0; i < run_on.size(); ++i)
    if (run_on[i]) given_way.push_back(i);
  EXPECT_EQ(given_way, (std::vector<size_t>{10, 18}));
}

TEST(RunOnSections, NewPageSectionsKeepEveryBreak) {
  model::Design design;  // sections = "new-page", the default
  for (bool b : run_on_breaks(booklet(), design)) EXPECT_FALSE(b);
}

}  // namespace
}  // namespace jan20::layout
