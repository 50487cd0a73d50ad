#pragma once
// Inline text of the content files: Markdown's inline syntax as md4c parses
// it, limited to *emphasis*, **strong** and [text](url). Everything else is
// taken literally: block syntax ("# ", "- ", "1. ", "> ") at a line start,
// `code`, <autolinks>, images, HTML and entities are escaped before md4c
// sees them. A backslash still escapes punctuation ("\*" is a literal "*").
// Each span knows the line and column of its first character; spans are
// split at source line ends so that every character's column can be found
// from its span's start. Text is NFC.
#include <string>

#include <toml++/toml.h>

#include "load/table_reader.h"
#include "model/document.h"

namespace jan20::load {

// Parses the string at `node` (reported as `path`). Reports links that are not
// web addresses, mail addresses or #anchors, and warns about blank lines
// (a paragraph break inside one block). Returns no spans for empty text.
model::Inline parse_inline(const Ctx& cx, const toml::node& node, const std::string& path);

// The plain text of inline spans (for ids, the TOC and messages).
std::string inline_text(const model::Inline& text);

}  // namespace jan20::load
