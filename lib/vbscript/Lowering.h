//===- Lowering.h - VB syntax trees to guards -------------------*- C++ -*-===//
#ifndef VERGUARD_VBSCRIPT_LOWERING_H
#define VERGUARD_VBSCRIPT_LOWERING_H

#include "core/Finding.h"
#include "core/FrontendOptions.h"
#include "core/Guard.h"
#include "script/Text.h"
#include "vbscript/Adapter.h"

#include "script/TreeSitter.h"

#include <functional>
#include <string>
#include <vector>

namespace verguard::vbscript {

struct LoweringInput {
  llvm::StringRef Path;
  const script::DecodedText &Text; // the decoded file
  const Adapted &Code;             // what was parsed, and its source map
  script::Node Root;
  bool IsVBScript = true; // VBScript: every variable is a Variant
  const core::FrontendOptions &Opts;
  /// The files whose procedures and classes this one may use: the other
  /// VBA modules (.bas, .cls, .frm) of the folder, or the `src` scripts of a
  /// .wsf job / HTML application. Unset for those files themselves.
  std::function<std::vector<std::string>()> ListSiblings;
  /// Parses one of them and calls Fn with it.
  std::function<void(const std::string &,
                     const std::function<void(const LoweringInput &)> &)>
      ParseSibling;
  /// Receives each sibling read (for the result cache), if set.
  std::vector<std::string> *Deps = nullptr;
  /// The objects a .wsf job declares: id and ProgID (`<object id="oShell"
  /// progid="WScript.Shell"/>`), globals of its scripts.
  std::vector<std::pair<std::string, std::string>> Objects;
};

/// Finds the version sources of one parsed file, follows them through
/// variables, procedures and class members, and lowers every guard that
/// depends on them.
void lowerTree(const LoweringInput &In, std::vector<core::Guard> &Guards,
               std::vector<core::Diagnostic> &Diags);

} // namespace verguard::vbscript

#endif
