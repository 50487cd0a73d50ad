#pragma once
// Sections that run on. With `[flow] sections = "run-on"`, a section (a
// level-1 heading and what follows it) begins `section-space` below the one
// before instead of on a new page: the content's page-breaks before such
// headings give way, so that short sections do not leave pages half empty.
// A page-break stays when
//   - it names a master page (the dedication, the back cover), or ends a page
//     of one (the page after the dedication starts afresh);
//   - it is not followed by a level-1 heading (a deliberate break);
//   - the section it ends holds the table of contents (the contents keep
//     their page and the first section opens the next).
#include <vector>

#include "model/design.h"
#include "model/document.h"

namespace jan20::layout {

// For each block of `blocks`: true for a page-break that becomes section
// space. All false unless the design runs sections on.
std::vector<bool> run_on_breaks(const std::vector<model::Block>& blocks, const model::Design& design);

}  // namespace jan20::layout
