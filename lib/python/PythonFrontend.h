//===- PythonFrontend.h - Python guards -------------------------*- C++ -*-===//
#ifndef VERGUARD_PYTHON_PYTHONFRONTEND_H
#define VERGUARD_PYTHON_PYTHONFRONTEND_H

#include "core/Finding.h"
#include "core/FrontendOptions.h"
#include "core/Guard.h"
#include "script/Text.h"

#include <string>
#include <vector>

namespace verguard::python {

/// Parses a .py/.pyw file with tree-sitter-python and lowers every version
/// guard in it (Python 3 semantics). Parse trouble becomes a Note in Diags;
/// the rest of the file is still analyzed. Deps is unused for now (a module
/// is analyzed on its own).
void lowerFile(llvm::StringRef Path, const script::DecodedText &Text,
               const core::FrontendOptions &Opts,
               std::vector<core::Guard> &Guards,
               std::vector<core::Diagnostic> &Diags,
               std::vector<std::string> *Deps = nullptr);

} // namespace verguard::python

#endif
