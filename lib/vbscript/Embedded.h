//===- Embedded.h - scripts embedded in .wsf/.hta/.htm/.asp -----*- C++ -*-===//
#ifndef VERGUARD_VBSCRIPT_EMBEDDED_H
#define VERGUARD_VBSCRIPT_EMBEDDED_H

#include "vbscript/Adapter.h"

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace verguard::vbscript {

enum class FileKind : uint8_t {
  VBScript, // .vbs
  Wsf,      // Windows Script File (XML)
  Html,     // .hta, .htm, .html
  Asp,      // classic ASP
  Module,   // VBA/VB6 .bas, .cls, .frm, .ctl
  Encoded,  // .vbe: encoded with screnc
  Other,
};

FileKind fileKindOf(llvm::StringRef Path);

/// The VBScript code ranges of an XML/HTML/ASP file: the content of every
/// `<script>` element whose language or type names VBScript (without a
/// CDATA wrapper), and for ASP every `<% %>` block except directives and
/// `<%= %>` output expressions.
std::vector<Chunk> embeddedChunks(llvm::StringRef Source, FileKind K);

/// The JScript code ranges of a .wsf/.hta/.htm/.html file: the content of
/// every `<script>` element whose language or type names JScript or
/// JavaScript (without a CDATA wrapper).
std::vector<Chunk> jscriptChunks(llvm::StringRef Source);

/// The `src` of every VBScript `<script>` element (a .wsf job's library
/// files), as written.
std::vector<std::string> scriptSources(llvm::StringRef Source);

/// The objects a .wsf job declares (`<object id="oShell"
/// progid="WScript.Shell"/>`): each id and its ProgID, as written.
std::vector<std::pair<std::string, std::string>>
declaredObjects(llvm::StringRef Source);

} // namespace verguard::vbscript

#endif
