//===- Pascal.h - the Pascal Script of an Inno Setup [Code] -----*- C++ -*-===//
//
// A small parser of Inno Setup's Pascal Script (RemObjects Pascal Script),
// for the subset version checks use: `var`/`const` sections, procedures
// and functions with `var`/`const`/`out` parameters and local variables,
// `begin`/`end`, `if`/`then`/`else`, `case ... of 6000..6002: ...`,
// `while`, `repeat`, `for`, `try`, `exit`, assignments and calls, and
// expressions with Pascal's precedence (`not`; `* / div mod and shl shr`;
// `+ - or xor`; `= <> < <= > >= in`), `$` hex numbers and `'...'#13`
// strings. Comments: `//`, `{ }` and `(* *)`. What it cannot read is
// skipped to the next `;` (or declaration) with a problem; nesting deeper
// than MaxDepth is cut. It never fails; its work is linear in the tokens.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_INNO_PASCAL_H
#define VERGUARD_INNO_PASCAL_H

#include "inno/Scanner.h"

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>
#include <vector>

namespace verguard::inno {

enum class NK : uint8_t {
  // Expressions.
  Ident,  // Name
  Int,    // Int
  Str,    // Name: the decoded text
  Real,   // a number with a fraction (its text in Name)
  Call,   // Kids[0]: the callee (Ident or Member), Kids[1..]: arguments
  Member, // Kids[0].Name
  Index,  // Kids[0][Kids[1..]]
  Unary,  // Name: "not", "-", "+"; Kids[0]
  Binary, // Name: the operator, lower case ("=", "and", "shr"...)
  Set,    // [a, b, c..d]: Kids
  Range,  // Kids[0]..Kids[1] (case labels, sets)
  Bad,    // what could not be read
  // Statements.
  Assign,  // Kids[0] := Kids[1]
  If,      // Kids: cond, then, [else]
  Case,    // Kids[0]: subject; Kids[1..]: CaseArm, and an Else Block last
  CaseArm, // Kids[0]: a Block of labels; Kids[1]: the statement
  Block,   // begin ... end (and try/repeat bodies, the labels of an arm)
  ExprStmt,
  While,  // Kids: cond, body
  Repeat, // Kids: body Block, cond
  For,    // Kids: variable, from, to, body
  Exit,
  Empty,
};

struct PNode {
  NK K = NK::Bad;
  uint32_t B = 0, E = 0; // the text it spans
  std::string Name;
  int64_t Int = 0;
  uint32_t OpB = 0, OpE = 0; // Binary: the operator; Case: `else`
  std::vector<uint32_t> Kids;
  bool Paren = false; // written inside ( ), which span [PB, PE)
  uint32_t PB = 0, PE = 0;
  bool ElseArm = false;
};

struct Decl {
  std::string Name; // lower case
  std::string Type; // lower case, as written ("twindowsversion")
  bool ByRef = false;
  uint32_t At = 0;
};

struct Routine {
  std::string Name;              // lower case
  uint32_t NameB = 0, NameE = 0; // the name as written
  bool Function = false;
  std::vector<Decl> Params, Locals;
  std::vector<std::pair<std::string, uint32_t>> Consts; // name, expr
  int64_t Body = -1; // a Block, or -1 (forward, external)
  uint32_t B = 0, E = 0;
};

struct Program {
  std::vector<PNode> Nodes;
  std::vector<Routine> Routines; // in the order written
  std::vector<Decl> Globals;
  std::vector<std::pair<std::string, uint32_t>> Consts; // name, expr
  std::vector<Problem> Problems;
};

/// Expressions and statements nested deeper than this are cut.
inline constexpr int MaxDepth = 200;

/// Parses the Pascal Script in [B, E) of Text; appends to P (several
/// [Code] sections form one program).
void parseCode(llvm::StringRef Text, uint32_t B, uint32_t E, Program &P);

/// Parses one expression in [B, E) of Text (a `Check:` parameter) into P;
/// its node, or -1 if there is none. Trailing text is a problem.
int64_t parseExpression(llvm::StringRef Text, uint32_t B, uint32_t E,
                        Program &P);

} // namespace verguard::inno

#endif
