#pragma once
// The dotted-i guard. In Azerbaijani (and Turkish, Crimean Tatar, Gagauz,
// Tatar, Kazakh, Karakalpak: text/script.h contrasts_dotted_i) i and ı are
// different letters (Azerbaijani "sındı" it broke, "sindi" it sank in), so a
// glyph that drops the dot of i turns one letter into the other.
// Fonts drop it in three ways, and the guard catches each by what the shaped
// glyphs show, never by a word list:
//
//  1. A ligature swallows the i (Noto Serif's "fi" forms even with language az,
//     as the font has no AZE language system). Seen as: one cluster holding
//     two or more base characters (combining marks and format characters do
//     not count), one of them i (U+0069) or İ (U+0130). Fix: shape again with
//     liga, clig, dlig and hlig off for exactly the i's byte range
//     (hb_feature_t start/end): HarfBuzz forms a ligature only when all its
//     components have the feature on, so "ffi" becomes f_f + i. If the
//     ligature persists, these and calt, rlig and ccmp go off for the whole
//     cluster.
//  2. A contextual alternate swaps i for a dotless form (EB Garamond's "fi" in
//     English is f._i + i.dotless, two glyphs in two clusters). Seen as: the
//     glyphs of an i's cluster have fewer contours in total than the font's
//     own glyph for i (the dot is a contour; a font that decomposes i into
//     ı + dot accent still counts two). Fix: the same features off for the i
//     and its neighbouring clusters, which hold the context of the rule.
//  3. Small caps draw i as a small capital I (Noto Serif's i.sc). Seen as in 2
//     while smcp, c2sc, pcap, c2pc or unic is on. Fix: the font's small
//     capital İ (what c2sc/c2pc give for U+0130, e.g. Noto Serif's
//     i.loclTRK.sc) when it has one with its dot; otherwise the small-cap
//     features go off for that i, which then prints as a lower-case i.
//
// An i followed by a combining mark is left alone: by Unicode's Soft_Dotted
// rule a mark above replaces the dot. The letter j is not guarded: no
// alphabet of these languages has a dotless j to confuse it with.
//
// Fonts with a language system for the text (EB Garamond's AZE/TRK: i.TRK,
// no fi ligature) never trigger the guard; shape() also maps a Turkic
// language without its own system onto the font's TRK system first.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <hb.h>

#include "font/face.h"
#include "text/shape.h"

namespace jan20::text {

struct DottedIInput {
  const font::Face* face = nullptr;
  std::string_view text;          // the whole paragraph; clusters are byte offsets into it
  size_t begin = 0, end = 0;      // the item
  std::vector<hb_feature_t> features;  // the request's own features
  // Shapes the item again with the request's features plus `extra`.
  std::function<std::vector<ShapedGlyph>(const std::vector<hb_feature_t>& extra)> reshape;
  // Shapes a short text alone with the request's language, script and
  // features plus `extra` (to find the font's dotted small-cap İ).
  std::function<std::vector<ShapedGlyph>(std::string_view text, const std::vector<hb_feature_t>& extra)> shape_alone;
};

struct DottedIReport {
  bool applied = false;            // the glyphs were changed
  bool unresolved = false;         // an i still lost its dot after every fix
  std::vector<hb_feature_t> extra; // features the guard added (ranged)
  std::vector<std::string> actions;  // "ligature over 'fi' at bytes 0-2 split"
};

// The guard's usual answer, found without its clusters: true when the glyphs
// go forward one cluster each and every dotted i in [begin, end) is a cluster
// of its own, drawn by the font's own glyph for it. The guard then changes
// nothing (no ligature, no lost dot, no small capital): shape() asks this
// first and calls the guard only for the rest.
bool every_dotted_i_drawn_plainly(const font::Face& face, std::string_view text, size_t begin, size_t end,
                                  const std::vector<ShapedGlyph>& glyphs);

// Returns `glyphs` (from shaping `input` without the guard) with every i
// keeping its dot. Call only for languages where contrasts_dotted_i().
std::vector<ShapedGlyph> guard_dotted_i(const DottedIInput& input, std::vector<ShapedGlyph> glyphs,
                                        DottedIReport* report);

// Cheap test whether text[begin, end) holds an i or İ at all.
bool has_dotted_i(std::string_view text, size_t begin, size_t end);

}  // namespace jan20::text
