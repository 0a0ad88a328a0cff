//===- Scanner.h - Inno Setup scripts (.iss) as sections --------*- C++ -*-===//
//
// There is no maintained grammar for Inno Setup scripts. This scanner reads
// what the compiler reads line by line: `[Section]` headers, `Name=Value`
// directives of [Setup] (and the other directive sections), entries of the
// other sections as `Name: value; Name: "va""lue"` parameters, `;` comment
// lines, ISPP lines (`#define NAME value` is kept for `{#NAME}`; the others,
// `#include` among them, are skipped) and the line ranges of [Code], which
// inno/Pascal.h reads. It never fails and is linear in the text.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_INNO_SCANNER_H
#define VERGUARD_INNO_SCANNER_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace verguard::inno {

/// Something a scanner or the parser could not read, at offset At.
struct Problem {
  uint32_t At = 0;
  std::string Message;
};

/// A directive (`MinVersion=6.0`) or an entry's parameter (`MinVersion:
/// 6.0`). Value is the text with quotes removed and `""` undone; [VB, VE)
/// is where it is written (inside the quotes); Raw: Value is exactly that
/// slice of the source.
struct Param {
  std::string Name; // as written
  std::string Value;
  uint32_t NameB = 0, VB = 0, VE = 0;
  bool Raw = true;
};

struct Entry {
  std::string Section; // lower case, without brackets: "setup", "files"
  bool Directive = false;
  std::vector<Param> Params;
  uint32_t B = 0, E = 0; // the line, without its line break
};

struct IssScript {
  std::vector<Entry> Entries;
  /// [B, E) of each [Code] section's text (after its header line).
  std::vector<std::pair<uint32_t, uint32_t>> Code;
  /// ISPP `#define NAME value` (NAME lower case), the last one written:
  /// its value and where that is written (`{#NAME}` reads it).
  std::map<std::string, Param> Defines;
  std::vector<Problem> Problems;
};

/// Scans an .iss file's text (UTF-8, any line ending).
IssScript scanIss(llvm::StringRef Text);

/// True for sections of `Name=Value` directives ([Setup], [LangOptions],
/// [Messages], [CustomMessages]); the others hold `Name: value;` entries.
bool isDirectiveSection(llvm::StringRef LowerName);

} // namespace verguard::inno

#endif
