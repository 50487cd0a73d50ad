#pragma once
// One edition, from its layout to its PDF: the steps every build takes, in
// one place, for the command, the fuzz target and the benchmarks.
#include "build/build.h"
#include "build/workspace.h"
#include "load/load.h"
#include "model/design.h"
#include "model/document.h"

namespace jan20::build {

// The checks a layout passes before any edition is built with it: on the
// print target, every RGB or grey colour must print under the ink limit.
// Returns false after reporting an error.
bool check_layout(const model::Design& design, const BuildOptions& options, DiagnosticSink& sink);

// Reads the edition's content (load::load_edition_content), then make_edition.
// Records what it read in edition.files.
void build_edition(Workspace& workspace, const BuildOptions& options, const model::Design& design,
                   const load::PlannedEdition& planned, Edition& edition, int threads);

// From a document already loaded: typeset, preflight against the print
// rules, then write the PDF (and the imposed sheets) atomically, or, for
// `check` (options.write false), render it in memory into edition.rendered.
// `threads`: paragraphs set and pages compressed at once (1 = none ahead).
// `release`, when given, is `document` itself: its blocks are freed once the
// pages are laid out and preflighted, before the PDF is written (at 2,400
// pages 13 MB that would otherwise stay to the end).
void make_edition(Workspace& workspace, const BuildOptions& options, const model::Design& design,
                  const model::Document& document, Edition& edition, int threads,
                  model::Document* release = nullptr);

// The threads each edition gets when `jobs` threads build `editions` editions.
int editions_at_once(int jobs, size_t editions);
int threads_per_edition(int jobs, size_t editions);

}  // namespace jan20::build
