#pragma once
// The project file (jan20.toml): which documents exist, their layout, their
// content per language, and where the PDFs go.
#include <string>
#include <vector>

#include "core/diagnostic.h"

namespace jan20::model {

struct DocumentSpec {
  std::string name;                 // "booklet"
  std::string layout;               // "layouts/booklet.toml"
  std::string content;              // pattern: "content/booklet/{lang}.toml"
  std::vector<std::string> languages;  // {"az", "en"}
  std::string output = "{name}.{lang}.pdf";
  SourceLocation where;
};

struct Project {
  std::string root;     // the project directory (absolute)
  std::string path;     // the project file
  std::string fonts_manifest = "fonts/manifest.toml";
  std::vector<DocumentSpec> documents;
};

}  // namespace jan20::model

namespace jan20::model {

// fonts/manifest.toml: which font files the documents use and which Debian
// package provides each. Looked up before fontconfig, so a build does not pay
// for fontconfig's start-up when every family is in the manifest.
struct FontManifestEntry {
  std::string family;   // "Noto Serif"
  std::string style;    // "Regular"
  std::string path;     // absolute, or relative to the project
  int index = 0;
  std::string package;  // "fonts-noto-core"
  std::string license;  // "OFL-1.1"
};

struct FontManifest {
  std::vector<FontManifestEntry> fonts;
};

}  // namespace jan20::model
