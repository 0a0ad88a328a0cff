//===- CodeRegions.h - comments, strings, numbers ---------------*- C++ -*-===//
//
// The lexical grammar of each language that the prefilter and the
// suppressions share: the comments and strings of a text (a suppression is
// a comment; a build in a comment is no literal), and a number token in the
// language's own notations (C/C++ `0x1772`, `6'002`, `6002UL`, `6.002e3`;
// PowerShell `0x1772L`, `6kb`; VBScript/VBA `&H1772&`). Taking a comment for
// code only makes the prefilter let a file through; the other way round
// does not happen for well-formed text.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_DRIVER_CODEREGIONS_H
#define VERGUARD_DRIVER_CODEREGIONS_H

#include "driver/Discovery.h"

#include "llvm/ADT/StringRef.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace verguard::driver {

/// A lexical grammar. Markup (HTML, HTA, WSF, ASP pages holding VBScript)
/// has no comments the prefilter trusts: everything in it is text.
enum class Dialect {
  C,
  PowerShell,
  VB,
  Markup,
  Batch,
  Python,
  Nsis,
  Inno,
  Xml,
  CSharp
};

/// The dialect of a file of language Lang at Path (markup by extension).
Dialect dialectOf(llvm::StringRef Path, Language Lang);

enum class Region { Code, String, Comment };

/// A comment or a string literal: [Begin, End) of the text (a line
/// comment's End before its line break, a block comment's after `*/` or
/// `#>`).
struct Span {
  size_t Begin, End;
  Region Kind;
  size_t TextBegin, TextEnd; // a comment's text, inside its delimiters
  bool CodeBefore = false;   // code precedes it on its first line
};

/// The comments and string literals of Text, in order: C/C++ `//` (with
/// backslash continuations) and `/* */` outside string, character and raw
/// string literals (a `'` after a number's digits is a separator);
/// PowerShell `#` at the start of a token and `<# #>` outside '...',
/// "..." (backtick escapes) and here-strings; VBScript, VBA and VB6 `'` and
/// `Rem` (at the start of a statement) outside "..." strings.
std::vector<Span> spansOf(llvm::StringRef Text, Dialect D);

/// Classifies offsets of a text (fastest in increasing order). Markup is
/// all text.
class RegionScanner {
public:
  RegionScanner(llvm::StringRef Text, Dialect D);
  /// The region of Text[Offset].
  Region at(size_t Offset);

private:
  bool Markup;
  std::vector<Span> Spans;
  size_t Next = 0;
};

/// The end of the number token that starts at Text[Begin] (a digit, a `.`
/// before a digit, or VB's `&H`/`&O`): the language's pp-number.
size_t numberEnd(llvm::StringRef Text, size_t Begin, Dialect D);

/// The value of a whole number token in the dialect's notations, or none if
/// it is not one (`6.0.6002`, `1..10`, `6002abc`).
std::optional<double> numberValue(llvm::StringRef Token, Dialect D);

/// Whether C is a character of an identifier (or bare word) in D.
bool isWordChar(char C);

} // namespace verguard::driver

#endif
