// The paragraph memo (layout/paragraph_memo.h) hands out exactly what setting
// the paragraph on the using thread gives, whoever set it: helpers ahead of
// the pass, the using thread itself while a helper has its paragraph in hand,
// or nobody before it was asked for. Paragraphs used in order, out of order,
// not at all, or never recorded; with settings kept for a second pass; with
// the recording finished before the pass ends; and with no helpers.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/units.h"
#include "font/face.h"
#include "layout/paragraph_memo.h"
#include "support/test_support.h"
#include "text/paragraph.h"
#include "text/shape_cache.h"

namespace jan20::layout {
namespace {

constexpr const char* kSerif = "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf";

class ParagraphMemoTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    face_ = font::Face::load(kSerif, 0, 0, &error);
    ASSERT_TRUE(face_) << error;
    const std::string text =
        jan20::testing::read_file(jan20::testing::source_dir() + "/tests/text/data/paragraph_az.txt");
    // Sentences of the Azerbaijani paragraph, each set at several measures:
    // many different paragraphs, some short, some of several lines. Over 400
    // of them, so that the recorded list's deque outgrows its first map of
    // blocks (at 160 entries, in libstdc++) while helpers set from it.
    std::vector<std::string> sentences;
    size_t from = 0;
    for (size_t at = text.find(". "); at != std::string::npos; at = text.find(". ", from)) {
      sentences.push_back(text.substr(from, at + 1 - from));
      from = at + 2;
    }
    ASSERT_GE(sentences.size(), 5u);
    for (int round = 0; inputs_.size() < 420; ++round)
      for (const std::string& s : sentences) inputs_.push_back(paragraph(s, mm_to_pt(40 + 3 * round)));
  }

  text::ParagraphInput paragraph(const std::string& text, double measure) const {
    text::ParagraphInput in;
    in.text = text;
    text::StyledSpan span;
    span.begin = 0;
    span.end = text.size();
    span.style.face = face_.get();
    span.style.size = 10.5;
    span.where = {"content/test.toml", 12, 9};
    in.spans.push_back(span);
    in.lang = "az";
    in.align = model::Align::Justify;
    in.measure = measure;
    return in;
  }

  // What the paragraph's lines show, glyph by glyph, and where.
  static std::string picture(const text::ParagraphResult& r) {
    std::string out;
    for (const text::Line& line : r.lines) {
      out += "|" + std::to_string(line.width) + " " + std::to_string(line.ratio);
      for (const model::GlyphRun& run : line.runs) {
        out += " [" + run.text + " @" + std::to_string(run.x);
        for (const model::Glyph& g : run.glyphs)
          out += " " + std::to_string(g.id) + ":" + std::to_string(g.x_advance) + "+" + std::to_string(g.extra);
        out += "]";
      }
    }
    return out;
  }

  // Paragraph i as the memo hands it out, pictured.
  std::string used(ParagraphMemo& memo, size_t i, text::ShapeCache& cache, text::ParagraphScratch& scratch) {
    DiagnosticSink sink;
    return picture(memo.use(inputs_[i], cache, sink, scratch));
  }

  // Each input set directly on this thread: what the memo must give.
  std::vector<std::string> expected() {
    text::ShapeCache cache;
    text::ParagraphScratch scratch;
    std::vector<std::string> out;
    for (const text::ParagraphInput& in : inputs_) {
      DiagnosticSink sink;
      out.push_back(picture(text::typeset_paragraph(in, cache, sink, scratch)));
      EXPECT_FALSE(out.back().empty());
    }
    return out;
  }

  std::unique_ptr<font::Face> face_;
  std::vector<text::ParagraphInput> inputs_;
};

// Helpers started after the recording, or before it (as typeset starts
// them): then they set each input as it is recorded, the list growing under
// them.
TEST_F(ParagraphMemoTest, HelpersSetWhatTheUsingThreadWouldHaveSet) {
  const std::vector<std::string> want = expected();
  for (bool started_first : {false, true})
    for (int threads : {1, 2, 4}) {
      text::ShapeCache cache;
      text::ParagraphScratch scratch;
      ParagraphMemo memo(false);
      if (started_first) memo.start_setting(cache, threads);
      for (const text::ParagraphInput& in : inputs_) memo.record(in);
      if (!started_first) memo.start_setting(cache, threads);
      for (size_t i = 0; i < inputs_.size(); ++i)
        EXPECT_EQ(used(memo, i, cache, scratch), want[i])
            << "paragraph " << i << ", " << threads << " threads" << (started_first ? ", started first" : "");
    }
}

// Helpers started with nothing recorded, and nothing ever recorded: the
// memo goes without waiting for work that never comes.
TEST_F(ParagraphMemoTest, HelpersWithNothingRecordedStopWithTheMemo) {
  const std::vector<std::string> want = expected();
  text::ShapeCache cache;
  text::ParagraphScratch scratch;
  ParagraphMemo idle(false);
  idle.start_setting(cache, 3);
  EXPECT_EQ(used(idle, 0, cache, scratch), want[0]);
}

TEST_F(ParagraphMemoTest, ParagraphsUsedOutOfOrderOrNotAtAllOrNeverRecorded) {
  const std::vector<std::string> want = expected();
  text::ShapeCache cache;
  text::ParagraphScratch scratch;
  ParagraphMemo memo(false);
  for (size_t i = 0; i < inputs_.size(); i += 2) memo.record(inputs_[i]);  // the odd ones are not recorded
  memo.start_setting(cache, 3);
  size_t checked = 0;
  for (size_t i = inputs_.size(); i-- > 0;) {  // backwards, every third skipped
    if (i % 3 == 0) continue;
    EXPECT_EQ(used(memo, i, cache, scratch), want[i]) << "paragraph " << i;
    ++checked;
  }
  EXPECT_GE(checked, 90u);
  // The memo goes with recorded settings never used: its helpers stop.
}

TEST_F(ParagraphMemoTest, KeptSettingsAreFoundAgainAfterTheHelpersStop) {
  const std::vector<std::string> want = expected();
  text::ShapeCache cache;
  text::ParagraphScratch scratch;
  ParagraphMemo memo(true);
  for (const text::ParagraphInput& in : inputs_) memo.record(in);
  memo.start_setting(cache, 2);
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t i = 0; i < inputs_.size(); ++i)
      EXPECT_EQ(used(memo, i, cache, scratch), want[i]) << "pass " << pass << ", paragraph " << i;
    memo.stop_setting();
  }
}

TEST_F(ParagraphMemoTest, StoppedBeforeAnyUseEveryParagraphIsSetWhenAskedFor) {
  const std::vector<std::string> want = expected();
  text::ShapeCache cache;
  text::ParagraphScratch scratch;
  ParagraphMemo memo(false);
  for (const text::ParagraphInput& in : inputs_) memo.record(in);
  memo.start_setting(cache, 2);
  memo.stop_setting();
  for (size_t i = 0; i < inputs_.size(); ++i) EXPECT_EQ(used(memo, i, cache, scratch), want[i]) << "paragraph " << i;
}

// finish_recorded after part of the pass: the recording is dropped, and
// whatever was recorded and not used yet (set by a helper, or by nobody) is
// still handed out right; with settings kept, a second pass finds them all.
TEST_F(ParagraphMemoTest, FinishedRecordingMidPassStillGivesEveryParagraph) {
  const std::vector<std::string> want = expected();
  for (bool keep : {false, true}) {
    text::ShapeCache cache;
    text::ParagraphScratch scratch;
    ParagraphMemo memo(keep);
    for (const text::ParagraphInput& in : inputs_) memo.record(in);
    memo.start_setting(cache, 2);
    const size_t half = inputs_.size() / 2;
    for (size_t i = 0; i < half; ++i) EXPECT_EQ(used(memo, i, cache, scratch), want[i]) << "paragraph " << i;
    memo.finish_recorded();
    for (size_t i = half; i < inputs_.size(); ++i)
      EXPECT_EQ(used(memo, i, cache, scratch), want[i]) << "paragraph " << i << (keep ? ", kept" : "");
    memo.finish_recorded();  // again: nothing left to do
    if (keep) {
      for (size_t i = 0; i < inputs_.size(); ++i)
        EXPECT_EQ(used(memo, i, cache, scratch), want[i]) << "second pass, paragraph " << i;
    }
  }
}

}  // namespace
}  // namespace jan20::layout
