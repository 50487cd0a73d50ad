#include "layout/sections.h"

namespace jan20::layout {

std::vector<bool> run_on_breaks(const std::vector<model::Block>& blocks, const model::Design& design) {
  std::vector<bool> run_on(blocks.size(), false);
  if (!design.sections_run_on) return run_on;
  bool on_master_page = true;     // before the first page-break: the first master's page (the cover)
  bool section_has_contents = false;
  for (size_t i = 0; i < blocks.size(); ++i) {
    const model::Block& b = blocks[i];
    if (b.is<model::Contents>()) section_has_contents = true;
    const model::PageBreak* page_break = b.as<model::PageBreak>();
    if (!page_break) continue;
    const bool names_master = !page_break->master.empty() && page_break->master != "body";
    const model::Heading* next = i + 1 < blocks.size() ? blocks[i + 1].as<model::Heading>() : nullptr;
    const bool before_section = next && next->level == 1;
    run_on[i] = !names_master && !on_master_page && before_section && !section_has_contents;
    if (!run_on[i]) {
      on_master_page = names_master;
      section_has_contents = false;
    }
  }
  return run_on;
}

}  // namespace jan20::layout
