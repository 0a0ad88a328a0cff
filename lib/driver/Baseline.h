//===- Baseline.h - known findings, to report only new ones -----*- C++ -*-===//
#ifndef VERGUARD_DRIVER_BASELINE_H
#define VERGUARD_DRIVER_BASELINE_H

#include "core/Finding.h"

#include "llvm/Support/Error.h"

#include <set>
#include <string>
#include <vector>

namespace verguard::driver {

/// Writes the findings' fingerprints (JSON, version 1) atomically.
llvm::Error writeBaseline(llvm::StringRef Path,
                          const std::vector<core::Finding> &Findings,
                          const std::vector<std::string> &Fingerprints,
                          llvm::StringRef SrcRoot);

/// The fingerprints recorded in a baseline file.
llvm::Expected<std::set<std::string>> loadBaseline(llvm::StringRef Path);

} // namespace verguard::driver

#endif
