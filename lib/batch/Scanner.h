//===- Scanner.h - cmd.exe batch files as statements ------------*- C++ -*-===//
//
// There is no maintained grammar for batch files, and cmd.exe has none
// either: it reads a line, expands it and splits it into commands. This
// scanner does what cmd's parser (its "phase 2") does with the raw text, for
// the subset that version checks use, and skips the rest: `^` escapes and
// line continuations, "..." quoting, `&`, `&&`, `||`, `|` (with cmd's
// precedence), redirections (dropped), `( ... )` blocks over several lines,
// `rem` and `::` comments, `:labels`, `if [/i] [not] ...` with `else`, and
// `for [/f "options"] %%v in (...) do ...`. Everything else is a command
// with words. It never fails: what it cannot read is skipped and noted.
// Work is linear in the text; nesting deeper than MaxNesting is cut.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_BATCH_SCANNER_H
#define VERGUARD_BATCH_SCANNER_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>
#include <vector>

namespace verguard::batch {

/// A word of a command: its text with `^` escapes resolved (quotes kept, as
/// cmd keeps them) and where it is written, [B, E) of the text.
struct Word {
  std::string Text;
  uint32_t B = 0, E = 0;
  /// The text is exactly the source slice [B, E) (no escape, no
  /// continuation inside): offsets into Text are offsets into the source.
  bool Raw = true;
};

enum class NodeKind : uint8_t {
  Command, // Words: the command name and its arguments
  Block,   // ( ... ): Kids are its statements
  Pipe,    // Kids[0] | Kids[1]
  AndThen, // Kids[0] && Kids[1]
  OrElse,  // Kids[0] || Kids[1]
  Seq,     // Kids[0] & Kids[1]
  If,      // Kids[0]: then; Kids[1] (if any): else
  For,     // Kids[0]: the body
  Label,   // :Name
};

enum class IfTest : uint8_t { Compare, Errorlevel, Defined, Exist, Other };

struct Node {
  NodeKind K = NodeKind::Command;
  uint32_t B = 0, E = 0; // the whole statement
  std::vector<Word> Words;
  std::vector<uint32_t> Kids;
  /// Command: a redirection sits between its first and last word.
  bool RedirectInside = false;
  // --- If: `if [/i] [not] Lhs Op Rhs` (Op is `==` or EQU...; for
  // Errorlevel/Defined/Exist, Rhs is the operand).
  IfTest Test = IfTest::Other;
  bool Not = false, CaseInsensitive = false;
  Word Lhs, OpWord, Rhs;
  // --- For: `for Switch [Options] %%Var in (Set) do ...`.
  std::string Switch; // "/f", "/l", ... lower case; "" for a plain for
  Word Options;       // the options word as written ("tokens=...")
  std::string Var;    // the loop variable's letter (case kept)
  Word Set;           // the text between the parentheses
  // --- Label: its name, lower case.
  std::string Name;
};

/// Something the scanner could not read, at offset At.
struct Problem {
  uint32_t At = 0;
  std::string Message;
};

struct Script {
  std::vector<Node> Nodes;
  std::vector<uint32_t> Top; // the file's statements, in order
  std::vector<Problem> Problems;
};

/// cmd refuses a line longer than this (8191 characters); so does the
/// scanner: the line is skipped, with a problem.
inline constexpr size_t MaxLine = 8191;
/// Blocks and nested if/for deeper than this are skipped, with a problem.
inline constexpr int MaxNesting = 64;

/// Scans a batch file's text (UTF-8, any line ending).
Script scan(llvm::StringRef Text);

/// A label as `goto`, `call` and `:label` name it: without its leading
/// colon, up to a blank or one of `:+,;=`, lower case.
std::string labelName(llvm::StringRef Text);

} // namespace verguard::batch

#endif
