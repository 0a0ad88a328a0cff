//===- PythonFrontend.h - Python guards -------------------------*- C++ -*-===//
#ifndef VERGUARD_PYTHON_PYTHONFRONTEND_H
#define VERGUARD_PYTHON_PYTHONFRONTEND_H

#include "core/Finding.h"
#include "core/FrontendOptions.h"
#include "core/Guard.h"
#include "script/Text.h"

#include "llvm/ADT/STLFunctionalExtras.h"

#include <string>
#include <vector>

namespace verguard::python {

/// Parses a .py/.pyw file with tree-sitter-python and lowers every version
/// guard in it (Python 3 semantics). Parse trouble becomes a Note in Diags;
/// the rest of the file is still analyzed. Deps gets the project modules it
/// imports and read (lib/python/Imports.cpp).
void lowerFile(llvm::StringRef Path, const script::DecodedText &Text,
               const core::FrontendOptions &Opts,
               std::vector<core::Guard> &Guards,
               std::vector<core::Diagnostic> &Diags,
               std::vector<std::string> *Deps = nullptr);

/// For the prefilter: whether a project module that Text (the file Path,
/// which holds no separating literal itself) imports, or one that module
/// imports in turn, holds one (Holds). Deps gets the modules found and the
/// paths where a module not found would be: the verdict depends on them. What a
/// module holds is kept for the run under SettingsKey (the settings Holds
/// stands for).
bool importsHold(llvm::StringRef Path, llvm::StringRef Text,
                 llvm::StringRef SettingsKey,
                 llvm::function_ref<bool(llvm::StringRef)> Holds,
                 std::vector<std::string> *Deps = nullptr);

} // namespace verguard::python

#endif
