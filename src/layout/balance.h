#pragma once
// Balanced ragged lines, like CSS `text-wrap: balance`: a centred or display
// paragraph keeps the number of lines it gets at its measure, but is set at
// the narrowest measure that still gives that number, so that its lines are
// as equal in length as its words allow ("To the memory of those who lost
// their lives / on the January night of 1990 …" rather than a full first line
// and a short last one). Justified text is never balanced: it fills its
// measure by definition.
#include <functional>

#include "text/paragraph.h"

namespace jan20::layout {

// Sets a paragraph (the text stage, or the paragraph memo).
using SetLines = std::function<text::ParagraphResult(const text::ParagraphInput&)>;

// `at_measure` is `input` set at its own measure. Returns it unchanged when
// there is nothing to balance (one line, justified text, an overfull line);
// otherwise the setting at the narrowest measure with as many lines, none
// overfull, its lines moved to where `input.align` puts them in the full
// measure (centred lines stay centred on it, right-aligned ones end at its
// right edge).
text::ParagraphResult balance_lines(const text::ParagraphInput& input, text::ParagraphResult at_measure,
                                    const SetLines& set);

}  // namespace jan20::layout
