#pragma once
// Knuth–Plass parameters, with TeX's names where TeX has one. Ratios are
// adjustment ratios (glue set ratios): 1 = every glue fully stretched, -1 =
// fully shrunk. TeX's tolerances are badnesses, b = 100·r³: \pretolerance=100
// is r = 1, \tolerance=200 is r ≈ 1.26; ours are a little more lenient
// because Azerbaijani words are long.
namespace jan20::text {

struct LineBreakParams {  // Knuth–Plass parameters (TeX's names)
  double pretolerance = 1.0;    // first pass (no hyphenation): largest ratio accepted; < 0 skips the pass
  double tolerance = 1.5;       // largest adjustment ratio considered before the emergency passes
  double emergency_tolerance = 0;    // a first emergency pass's bar (skipped unless above tolerance); the last has none
  double line_penalty = 10;
  double hyphen_penalty = 50;
  double explicit_hyphen_penalty = 50;      // TeX's \exhyphenpenalty: a line ending at a hard hyphen
  double adjacent_hyphens_demerits = 3000;   // TeX's \doublehyphendemerits (layouts default to TeX's 10000)
  double final_hyphen_demerits = 5000;     // TeX's \finalhyphendemerits
  // The line before a paragraph's last may end with a hyphen ("yad-/daşdır.")
  // only in the emergency pass, when no other setting exists (TeX has no
  // such rule; \finalhyphendemerits only discourages it).
  bool penultimate_hyphen = true;   // TeX's behaviour; layouts default to false
  bool uc_hyphen = true;                    // TeX's \uchyph (layouts default to false): hyphenate words that start with a capital
  double fitness_demerits = 100;            // TeX's \adjdemerits
  int max_consecutive_hyphens = 2;          // hard limit (0 = no limit)
  double space_stretch = 0.5;   // of the space's width
  double space_shrink = 0.33;
  double ragged_stretch = 2.0;  // em: stretch at the end of ragged lines (plain TeX's \raggedright: 2em)
  double emergency_stretch = 0.25; // em: in the emergency pass, a line with no stretch at all (a lone word)
                                   // is graded as if it had this much (about two spaces' stretch: a gap at
                                   // the line's end counts half as much as the same gap between words)
  // Font expansion (pdfTeX's \pdfadjustspacing, as microtype sets it): each
  // justified line may widen or narrow its glyphs by up to `expansion` (a
  // fraction: 0.02 = 2 %) in steps of `expansion_step`. Knuth–Plass sees it
  // as stretch and shrink of every box, so the breaks are chosen with it.
  double expansion = 0;
  double expansion_step = 0.005;
  // Character protrusion (pdfTeX's \pdfprotrudechars, as microtype sets it):
  // on justified lines, punctuation at the edges hangs into the margin by
  // text/protrusion.h's amounts. Knuth–Plass sees it: a line's natural width
  // is less what hangs out at its two ends.
  bool protrusion = false;
  double overfull_tolerance = 0.1;  // pt a line may exceed the measure before it is overfull (TeX's \hfuzz)
};

}  // namespace jan20::text
