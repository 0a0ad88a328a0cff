//===- Scanner.h - NSIS scripts (.nsi, .nsh) as statements ------*- C++ -*-===//
//
// NSIS has no maintained grammar; makensis reads a script line by line. This
// scanner does what its line reader does with the raw text, for the subset
// version checks use: `\` at a line's end continues it (a comment too), words
// are separated by blanks and may be quoted with "...", '...' or `...` (in
// which `$\"`, `$\'` and `` $\` `` do not end the word), `;` and `#` start a
// comment where a word starts, `/* ... */` is a comment anywhere a word
// starts, and `name:` first on a line is a label. Everything else is a
// statement with words, read later by the frontend. It never fails: what it
// cannot read is skipped and noted. Work is linear in the text.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_NSIS_SCANNER_H
#define VERGUARD_NSIS_SCANNER_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>
#include <vector>

namespace verguard::nsis {

/// A word of a statement: its text without the quotes around it (escapes
/// such as `$\"` are kept: they are resolved when the word's value is read)
/// and where it is written, [B, E) of the text, quotes included.
struct Word {
  std::string Text;
  uint32_t B = 0, E = 0;
  char Quote = 0; // '"', '\'', '`' or 0
  /// The text is the source slice inside the quotes (no continuation
  /// inside): offsets into Text are offsets into the source from B (+1 when
  /// quoted).
  bool Raw = true;
};

struct Statement {
  uint32_t B = 0, E = 0; // the whole statement
  std::vector<Word> Words;
  /// `name:` alone: a label (Words holds its one word, Name its name).
  bool Label = false;
  std::string Name;
};

/// Something the scanner could not read, at offset At.
struct Problem {
  uint32_t At = 0;
  std::string Message;
};

struct Script {
  std::vector<Statement> Statements;
  std::vector<Problem> Problems;
};

/// A logical line longer than this is skipped, with a problem (makensis
/// refuses lines far shorter).
inline constexpr size_t MaxLine = 1 << 16;

/// Scans an NSIS script's text (UTF-8, any line ending).
Script scan(llvm::StringRef Text);

} // namespace verguard::nsis

#endif
