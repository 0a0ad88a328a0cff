//===- CodeRegions.h - comments, strings and numbers per language -*- C++
//-*-===//
//
// The prefilter's cheap tokenizer: enough of each language's lexical grammar
// to tell whether an offset is in a comment, a string or code, and to read a
// number token in the language's own notations (C/C++ `0x1772`, `6'002`,
// `6002UL`, `6.002e3`; PowerShell `0x1772L`, `6kb`; VBScript/VBA `&H1772&`).
// It never needs to be exact about code: mistaking a comment for code only
// makes the prefilter let a file through; the other way round never happens
// for well-formed text.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_DRIVER_CODEREGIONS_H
#define VERGUARD_DRIVER_CODEREGIONS_H

#include "driver/Discovery.h"

#include "llvm/ADT/StringRef.h"

#include <cstddef>
#include <optional>

namespace verguard::driver {

/// A lexical grammar. Markup (HTML, HTA, WSF, ASP pages holding VBScript)
/// has no comments the prefilter trusts: everything in it is text.
enum class Dialect { C, PowerShell, VB, Markup };

/// The dialect of a file of language Lang at Path (markup by extension).
Dialect dialectOf(llvm::StringRef Path, Language Lang);

enum class Region { Code, String, Comment };

/// Classifies offsets of a text, in increasing order.
class RegionScanner {
public:
  RegionScanner(llvm::StringRef Text, Dialect D) : Text(Text), D(D) {}
  /// The region of Text[Offset]; Offset must not decrease between calls.
  Region at(size_t Offset);

private:
  /// Lexes the token or span at Pos: sets SpanEnd and SpanKind.
  void next();
  size_t stringEnd(size_t Open) const;

  llvm::StringRef Text;
  Dialect D;
  size_t Pos = 0;     // where the next span starts
  size_t SpanEnd = 0; // the current span [.., SpanEnd)
  Region SpanKind = Region::Code;
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
