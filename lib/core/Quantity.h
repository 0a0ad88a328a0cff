//===- Quantity.h - OS version quantities -----------------------*- C++ -*-===//
#ifndef VERGUARD_CORE_QUANTITY_H
#define VERGUARD_CORE_QUANTITY_H

#include <cstdint>
#include <optional>
#include <string_view>

namespace verguard::core {

/// Every value the OS reports about its version that a guard may test.
/// Integers: Major..ProductType. The rest are strings, exactly as reported.
enum class Quantity : uint8_t {
  Major,          // dwMajorVersion: 6
  Minor,          // dwMinorVersion: 0
  Build,          // dwBuildNumber, WMI BuildNumber, CurrentBuildNumber: 6002
  Revision,       // UBR, file-version private part, .NET Revision: 24566
  SPMajor,        // wServicePackMajor: 2
  SPMinor,        // wServicePackMinor: 0
  ProductType,    // wProductType: 1 workstation, 2 DC, 3 server
  Version,        // WMI Version: "6.0.6002"
  VersionString,  // .NET OSVersion.VersionString
  DotNetVersion,  // .NET OSVersion.Version as text: "6.0.6002.131072"
  CSDVersion,     // "Service Pack 2"
  VerOutput,      // `ver`: "Microsoft Windows [Version 6.0.6002]"
  BuildLab,       // registry BuildLab
  BuildLabEx,     // registry BuildLabEx
  FileVersion,    // kernel32/ntdll file version: "6.0.6002.24566"
  CurrentVersion, // registry CurrentVersion: "6.0"
  ProductName,    // registry ProductName / WMI Caption
};
inline constexpr unsigned NumQuantities = 17;

bool isStringQuantity(Quantity Q);
std::string_view quantityName(Quantity Q);
std::optional<Quantity> quantityFromName(std::string_view Name);

} // namespace verguard::core

#endif
