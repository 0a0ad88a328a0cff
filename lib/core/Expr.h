//===- Expr.h - language-neutral guard expression tree ----------*- C++ -*-===//
//
// Frontends lower every guard to this tree. Rules and the evaluator only ever
// see this tree, never a syntax tree. Nodes are immutable and shared; a fix
// candidate is a copy of the tree with some nodes substituted.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_CORE_EXPR_H
#define VERGUARD_CORE_EXPR_H

#include "core/Quantity.h"
#include "core/SourceRange.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace verguard::core {

struct Expr;
using ExprPtr = std::shared_ptr<const Expr>;

enum class Op : uint8_t {
  // Leaves.
  IntConst,  // Int
  StrConst,  // Str
  BoolConst, // Int (0/1)
  Quantity,  // Q
  Unknown,   // a value verguard cannot know (not a version quantity)
  Subject,   // the subject of a Select guard (switch value)
  // Integer arithmetic with C semantics on 64-bit values.
  Add,
  Sub,
  Mul,
  Div,
  Mod,
  BitAnd,
  BitOr,
  BitXor,
  Shl,
  Shr,
  Neg,
  BitNot,
  // Comparison: Kids[0] CmpOp Kids[1] under Mode.
  Cmp,
  // Logic (three-valued, Kleene).
  And,
  Or,
  Not,
  // Strings.
  StrCompare, // 3-way compare (<0, 0, >0); Len>=0 limits to N chars (strncmp)
  StartsWith, // Kids[0] starts with Kids[1]
  EndsWith,
  Contains,
  Find,   // index of Kids[1] in Kids[0] (0-based) or -1; Flag: reverse
  Substr, // Kids[0], start Kids[1] (0-based), length Kids[2] (-1: to end)
  Right,  // last Kids[1] characters of Kids[0]
  ToInt,  // leading integer of a string (atoi/CInt/[int] semantics)
  ToStr,  // decimal text of an integer
  Split,  // Kids[0] split on the separator Kids[1] -> list
  Index,  // Kids[0] (list) element Kids[1]; out of range -> Unknown
  Like,   // wildcard match of Kids[0] against pattern Kids[1] (Dialect)
  Regex,  // regex search of Kids[1] in Kids[0]; Flag: whole-string match
  // The text of capture group Int (0: the whole match) of the first match of
  // regex Kids[1] in Kids[0] (RegExp.Execute(s)(0).SubMatches(n), $Matches,
  // re.search(...).group(n)); unknown if nothing matches.
  RegexGroup,
  // The file version of the file whose path is Kids[0], where that path is
  // not known yet (a helper's parameter): core::instantiate makes it the
  // FileVersion quantity once the path names a system binary, else unknown.
  FileVersionOf,
  // The registry value whose full path (key and value name) is Kids[0],
  // where the name is not known yet (a helper's parameter): core::instantiate
  // makes it the CurrentVersion value's quantity once the path is known.
  RegistryValueOf,
  Concat,  // string concatenation of all kids
  Replace, // Kids[0] with every Kids[1] replaced by Kids[2] (Flag: CI)
  Lower,
  Upper,
  Trim,
  Length,
  VersionOf, // parse Kids[0] as a [version]/System.Version (list of ints)
  Element,   // Kids[0] in the list of Kids[1..]: membership (-in / Case a,b)
  // Kids[0] ? Kids[1] : Kids[2] (a ternary, an If in a function's result).
  Choose,
  // Parameter number Int of the function whose summary this is: a function's
  // result as a function of its arguments, bound at each call
  // (substituteParams). Unbound, it is Kids[0] (what the parameter's name
  // says it holds) if given, else unknown.
  Param,
  // cmd's `for /f`: token Kids[1] (1-based; with Kids[3] true, that token
  // and the rest of its line) of the last line of the text Kids[0] that
  // has it, after skipping Int lines, blank lines and lines starting with
  // the eol character Kids[2]; Str holds the delimiters.
  CmdTokens,
};

enum class CmpOp : uint8_t { EQ, NE, LT, LE, GT, GE };

/// How the two operands of a comparison are compared.
enum class CmpMode : uint8_t {
  Int,          // C integers
  Str,          // strings, ordinal, case-sensitive
  StrCI,        // strings, ordinal, case-insensitive
  Version,      // System.Version / dotted numeric components
  PowerShell,   // the left operand's runtime type governs (case-insensitive)
  PowerShellCS, // as PowerShell, case-sensitive (-ceq ...)
  VBVariant, // VBScript/VBA Variant comparison (Flags: LhsLiteral/RhsLiteral)
  VBVariantText, // as VBVariant under Option Compare Text
  Cmd,   // cmd's `if a EQU b`: numbers if both sides are (decimal, 0x hex,
         // 0 octal), else strings
  CmdCI, // as Cmd under `if /i`
};

/// The concrete syntax a node was written in; decides how a fix is rendered.
enum class Dialect : uint8_t {
  None,
  C,
  PowerShell,
  VB,
  WQL,
  VerMask,
  Batch,
  Python,
  Nsis,
  Inno,
  Wix,      // an MSI/Burn condition in XML text or an attribute (`&lt;`)
  WixCData, // an MSI/Burn condition in a CDATA section (`<` as it is)
  JScript,
  CSharp,
  // Inside a C# pattern (`x is not 6002`, `6001 or 6002`): a test is
  // written without its operand (`6002 or 6003`, `< 6003`).
  CSharpPattern,
};

/// Where in the user's file a node was written, and what it looked like.
struct Spelling {
  SourceSpan Span;   // the whole node as written (empty if not editable)
  SourceSpan OpSpan; // for Cmp: the operator token (or mask constant)
  std::string Text;  // the source text of Span
  /// For an atom: the calls (of functions, methods, commands) it evaluates.
  /// A fix that writes the atom's text twice would evaluate a call twice
  /// unless the call holds the constant the fix changes.
  std::vector<SourceSpan> Calls;
  bool valid() const { return Span.valid(); }
};

enum ExprFlags : uint16_t {
  FlagCaseInsensitive = 1 << 0, // string ops, Like, Regex
  FlagReverse = 1 << 1,         // Find: last occurrence (rfind, InStrRev)
  FlagWholeMatch = 1 << 2,      // Regex: regex_match rather than search
  FlagLhsLiteral = 1 << 3,      // VBVariant: the left operand is a literal
  FlagRhsLiteral = 1 << 4,      // VBVariant: the right operand is a literal
  FlagConditionMask = 1 << 5,   // Cmp from a VerifyVersionInfo condition mask
  FlagInferred = 1 << 6,        // Quantity whose provenance is inferred
  FlagWql = 1 << 7,             // node comes from a WQL WHERE clause
  FlagNegated = 1 << 8,         // Like/Regex/Contains written as a negation
  FlagParenthesized = 1 << 9,   // the atom's text already sits in parentheses
  FlagCmdSearch = 1 << 10,      // cmd find/findstr with one search string whose
                                // whole command text may be rewritten
  FlagRegexPattern = 1 << 11,   // Replace, Find: Kids[1] is a regular
                                // expression (PowerShell's -replace,
                                // JScript's String.search)
  FlagEnumMember = 1 << 12,     // IntConst: a member of the enum named Str,
                                // so a new value is written cast to it
  FlagLines = 1 << 13,          // Regex, RegexGroup: the text is searched line
                                // by line (^ and $ at each line's ends; a
                                // loop over a command's output lines)
};

struct Expr {
  Op Kind = Op::Unknown;
  CmpOp Cmp = CmpOp::EQ;
  CmpMode Mode = CmpMode::Int;
  Dialect Syntax = Dialect::None;
  Quantity Q = Quantity::Build;
  uint16_t Flags = 0;
  int64_t Int = 0;
  std::string Str;
  std::vector<ExprPtr> Kids;
  Spelling Written;
  /// For a Quantity: how to write sibling quantities of the same source in
  /// this dialect (e.g. the build next to a revision), used by fixes.
  std::vector<std::pair<Quantity, std::string>> Siblings;
  /// Human-readable description of where the value came from.
  std::string Provenance;
  /// For a constant written as a name (a macro, a named constant): where its
  /// value is written, e.g. the `6002` of `#define SP2_BUILD 6002`.
  SourceSpan DefinedAt;

  bool has(ExprFlags F) const { return (Flags & F) != 0; }
  bool isConst() const {
    return Kind == Op::IntConst || Kind == Op::StrConst ||
           Kind == Op::BoolConst;
  }
  bool isLogic() const {
    return Kind == Op::And || Kind == Op::Or || Kind == Op::Not;
  }
};

// Builders. They return shared immutable nodes.
ExprPtr intConst(int64_t V, Spelling W = {});
ExprPtr strConst(std::string V, Spelling W = {});
ExprPtr boolConst(bool V);
ExprPtr quantity(Quantity Q, std::string Provenance, bool Inferred = false);
ExprPtr unknown();
ExprPtr subject();
ExprPtr unary(Op K, ExprPtr A);
ExprPtr binary(Op K, ExprPtr A, ExprPtr B);
ExprPtr nary(Op K, std::vector<ExprPtr> Kids);
ExprPtr cmp(CmpOp O, ExprPtr L, ExprPtr R, CmpMode M = CmpMode::Int,
            Dialect D = Dialect::None, Spelling W = {});
ExprPtr logicAnd(ExprPtr A, ExprPtr B);
ExprPtr logicOr(ExprPtr A, ExprPtr B);
ExprPtr logicNot(ExprPtr A);
/// Where a search for X in S looks, given a start position.
enum class FindFrom : uint8_t {
  Forward,    // the first match at or after Start (`s.find(x, pos)`,
              // `IndexOf(x, pos)`, Python's `find(x, start)`)
  LastBefore, // the last match starting at or before Start (`rfind(x,
              // pos)`, JScript's `lastIndexOf(x, from)`)
  LastAfter,  // the last match at or after Start (Python's `rfind(x,
              // start)`)
};
/// The index of X in S under Kind, or -1; a plain Find (forward or, for
/// the Last kinds, reverse) when Start is null.
ExprPtr findFrom(ExprPtr S, ExprPtr X, ExprPtr Start,
                 FindFrom Kind = FindFrom::Forward,
                 bool CaseInsensitive = false);
/// A modified copy of N (same kind); used by frontends to set extra fields.
std::shared_ptr<Expr> clone(const Expr &N);
/// A constant as written where it is used by name (Use: the name's text),
/// remembering where its value is written (DefinedAt) if that is elsewhere.
std::shared_ptr<Expr> respelled(const Expr &Const, Spelling Use);

/// True if some node of the tree satisfies Pred (a walk that stops there).
bool anyNode(const Expr &E, const std::function<bool(const Expr &)> &Pred);
/// True if the tree contains a version quantity.
bool dependsOnVersion(const Expr &E);
/// True if the tree contains a quantity whose provenance is only inferred.
bool hasInferredQuantity(const Expr &E);
/// The quantities the tree reads.
std::vector<Quantity> quantitiesOf(const Expr &E);
/// Boolean-valued kinds (comparisons, predicates, logic).
bool isBoolean(const Expr &E);
/// A debugging/normalized rendering, e.g. `(Build == 6002)`.
std::string toString(const Expr &E);
const char *cmpOpName(CmpOp O);
CmpOp invert(CmpOp O);  // a<b  <=> !(a>=b)
CmpOp swapped(CmpOp O); // a<b  <=> b>a

/// Returns a copy of Root where the node From (by identity) is replaced by To.
ExprPtr substitute(const ExprPtr &Root, const Expr *From, ExprPtr To);

/// Parameter I of a function summary; Named: its value where no call binds
/// it (an inferred quantity from its name), or null.
ExprPtr param(int64_t I, ExprPtr Named = nullptr);
/// True if the tree holds an Op::Param.
bool hasParam(const Expr &E);
/// True if the tree under E has more than Limit nodes, a node shared by
/// several parents counted at each (what a walk over the tree visits).
/// Reads at most Limit + 1 nodes.
bool largerThan(const Expr &E, size_t Limit);
/// The most nodes a value computed at a call may have. Real version checks
/// are far smaller; a helper that folds its arguments into itself
/// (`Combine(Combine(a, b), Combine(c, d))`) doubles at each level, and past
/// this bound its value is unknown rather than walked for minutes.
inline constexpr size_t MaxValueNodes = 4096;
/// Root with each Op::Param I replaced by Args[I] (unknown when missing).
/// Where Lists[I] is not empty, argument I is a list (PowerShell `-Build
/// 6001, 6002`): a membership test on parameter I tests each of its items.
ExprPtr substituteParams(const ExprPtr &Root, const std::vector<ExprPtr> &Args,
                         const std::vector<std::vector<ExprPtr>> &Lists = {});

/// Returns a copy of Root without the spellings of nodes written outside
/// Range (their text belongs to another place, which a fix must not edit).
///
/// With NoteDefinitions, a constant that loses its spelling keeps where it
/// was written as DefinedAt (a value another file gives: `$script:Sp2Build`
/// of a dot-sourced script is noted where that script sets it).
ExprPtr keepSpellingsWithin(const ExprPtr &Root, const SourceSpan &Range,
                            bool NoteDefinitions = false);

/// Returns a copy of Root where every sibling spelling of Q is Text, or is
/// dropped (std::nullopt): a value that crossed into a scope where the old
/// spelling names nothing must not offer it to a fix.
ExprPtr respellSiblings(const ExprPtr &Root, Quantity Q,
                        const std::optional<std::string> &Text);
/// Root without the sibling spellings Unusable says cannot be written
/// where Root is used (`$vi.FileBuildPart`, $vi local to the function that
/// returned the revision).
ExprPtr dropSiblings(const ExprPtr &Root,
                     const std::function<bool(const std::string &)> &Unusable);

} // namespace verguard::core

#endif
