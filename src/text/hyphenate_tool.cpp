#include "text/hyphenate_tool.h"

namespace jan20::text {

HyphenateOutput hyphenate_words(const HyphenateRequest& request) {
  HyphenateOutput out;
  Hyphenator hyphenator(request.lang, request.rules);
  if (!hyphenator.supported()) {
    out.warnings.push_back("no hyphenation for language '" + request.lang +
                           "': only exceptions apply (supported: az, az-Cyrl, tr, en, ru)");
  }
  for (const auto& word : request.words) {
    out.text += hyphenator.hyphenated(word);
    out.text += '\n';
  }
  return out;
}

}  // namespace jan20::text
