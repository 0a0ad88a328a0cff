//===- JScriptFrontend.h - WSH JScript guards -------------------*- C++ -*-===//
#ifndef VERGUARD_JSCRIPT_JSCRIPTFRONTEND_H
#define VERGUARD_JSCRIPT_JSCRIPTFRONTEND_H

#include "core/Finding.h"
#include "core/FrontendOptions.h"
#include "core/Guard.h"
#include "script/Text.h"

#include <string>
#include <vector>

namespace verguard::jscript {

/// True if Text names an object of Windows Script Host (WScript,
/// ActiveXObject, GetObject, Enumerator, Scripting.*): a byte scan, so that
/// web and Node code in .js files is skipped before it is parsed.
bool usesHostObjects(llvm::StringRef Text);

/// True if an HTML/HTA/WSF text holds a `<script>` element in JScript
/// (`language="JScript"`, `type="text/jscript"`).
bool hasJScriptBlock(llvm::StringRef Text);

/// Makes JScript's assignments to a COM parameterized property
/// (`Session.Property("DIR") = v`) parseable as JavaScript: their `=`
/// becomes `,`, in place (same length). True if anything changed.
bool parseableComAssignments(std::string &Code);

/// Parses JScript with tree-sitter-javascript and lowers every version
/// guard in it with JScript 5.x (ES3) semantics: a .js file whole, and of a
/// .wsf/.hta/.htm/.html file its JScript `<script>` blocks, at their own
/// offsets. Parse trouble becomes a Note in Diags; the rest of the file is
/// still analyzed. A .jse (encoded) file is noted and skipped.
void lowerFile(llvm::StringRef Path, const script::DecodedText &Text,
               const core::FrontendOptions &Opts,
               std::vector<core::Guard> &Guards,
               std::vector<core::Diagnostic> &Diags);

} // namespace verguard::jscript

#endif
