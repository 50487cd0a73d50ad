#pragma once
// Lengths. Every length in the model, the layout and the PDF writer is in PDF
// points (1/72 in), held as `double`; font units stay integers until the one
// place that scales them (text/shape). User-facing lengths are strings with a
// unit ("12mm", "10.5pt", "2cm", "1in") and are converted here, nowhere else.
#include <optional>
#include <string>
#include <string_view>

namespace jan20 {

constexpr double kPointsPerInch = 72.0;
constexpr double kMmPerInch = 25.4;

constexpr double mm_to_pt(double mm) { return mm * kPointsPerInch / kMmPerInch; }
constexpr double pt_to_mm(double pt) { return pt * kMmPerInch / kPointsPerInch; }

// Parses "<number><unit>" with unit one of pt, mm, cm, in (spaces allowed
// between). Returns the length in points, or nullopt with `error` explaining
// what was wrong ("missing unit: write 12mm or 12pt").
std::optional<double> parse_length(std::string_view text, std::string* error = nullptr);

// Named paper sizes (portrait, in points): A0..A6, Letter. Returns false if unknown.
bool paper_size(std::string_view name, double* width_pt, double* height_pt);

}  // namespace jan20
