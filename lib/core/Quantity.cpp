//===- Quantity.cpp -------------------------------------------------------===//
#include "core/Quantity.h"

#include <array>
#include <cctype>

namespace verguard::core {

namespace {
constexpr std::array<std::string_view, NumQuantities> Names = {
    "major",         "minor",         "build",       "revision",
    "spMajor",       "spMinor",       "productType", "version",
    "versionString", "dotnetVersion", "csdVersion",  "verOutput",
    "buildLab",      "buildLabEx",    "fileVersion", "currentVersion",
    "productName"};

bool equalsIgnoreCase(std::string_view A, std::string_view B) {
  if (A.size() != B.size())
    return false;
  for (size_t I = 0; I < A.size(); ++I)
    if (std::tolower((unsigned char)A[I]) != std::tolower((unsigned char)B[I]))
      return false;
  return true;
}
} // namespace

bool isStringQuantity(Quantity Q) { return Q >= Quantity::Version; }

std::string_view quantityName(Quantity Q) {
  return Names[static_cast<unsigned>(Q)];
}

std::optional<Quantity> quantityFromName(std::string_view Name) {
  for (unsigned I = 0; I < NumQuantities; ++I)
    if (equalsIgnoreCase(Names[I], Name))
      return static_cast<Quantity>(I);
  return std::nullopt;
}

} // namespace verguard::core
