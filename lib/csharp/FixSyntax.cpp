//===- FixSyntax.cpp - fixes written in C# --------------------------------===//
//
// C's comparison operators and `||`/`&&`; a membership of literals as a
// pattern (`build is 6002 or 6003`); an array or collection initializer
// gains `, 6003`; a switch label or arm pattern gains ` or 6003` (C# 9
// patterns: `case 6002 or 6003:`, `6002 or 6003 => ...`); inside a pattern
// (`x is not 6002`), tests without their operand (`not (6002 or 6003)`).
//
//===----------------------------------------------------------------------===//
#include "core/FixSyntax.h"
#include "core/Syntax.h"

#include "llvm/ADT/StringExtras.h"

namespace verguard::csharp {
namespace {
using namespace core;

/// An integer or a plain string literal: what a constant pattern may hold.
bool isLiteral(llvm::StringRef S) {
  S = S.trim();
  if (!S.empty() && llvm::all_of(S, llvm::isDigit))
    return true;
  return S.size() >= 2 && S.front() == '"' && S.back() == '"' &&
         !S.drop_front().drop_back().contains('"') && !S.contains('\\');
}

class CSharpSyntax : public FixSyntax {
public:
  std::optional<std::string> op(CmpOp O,
                                llvm::StringRef Original) const override {
    llvm::StringRef T = Original.trim();
    if (!T.empty() && (llvm::isDigit(T.front()) || T.contains("VER_")))
      return maskCondition(O, T);
    return std::string(cmpOpName(O));
  }
  /// A condition of VerSetConditionMask written where Original is (VG004):
  /// a VER_* name beside the original one (the lowerer offers the edit only
  /// where that name is declared), or its number.
  static std::optional<std::string> maskCondition(CmpOp O,
                                                  llvm::StringRef Original) {
    static const char *Names[] = {"VER_EQUAL",   nullptr,
                                  "VER_LESS",    "VER_LESS_EQUAL",
                                  "VER_GREATER", "VER_GREATER_EQUAL"};
    static const int Numbers[] = {1, 0, 4, 5, 2, 3};
    size_t I = static_cast<size_t>(O);
    if (Original.empty() || I >= std::size(Names) || !Names[I])
      return std::nullopt;
    if (llvm::isDigit(Original.front()))
      return std::to_string(Numbers[I]);
    size_t Dot = Original.rfind('.');
    llvm::StringRef Last =
        Dot == llvm::StringRef::npos ? Original : Original.drop_front(Dot + 1);
    if (!Last.starts_with("VER_"))
      return std::nullopt;
    return Original.drop_back(Last.size()).str() + Names[I];
  }
  std::optional<std::string> joinWord(bool IsOr) const override {
    return std::string(IsOr ? " || " : " && ");
  }
  std::optional<std::string>
  membership(llvm::StringRef Operand, bool Negated, llvm::StringRef,
             llvm::StringRef Item, llvm::StringRef NewItem) const override {
    if (!isLiteral(Item) || !isLiteral(NewItem))
      return std::nullopt;
    return Operand.str() + (Negated ? " is not (" : " is ") + Item.str() +
           " or " + NewItem.str() + (Negated ? ")" : "");
  }
  bool appendsListItems() const override { return true; }
  std::optional<Edit> armLabel(const Arm &, const Expr &Test, const Expr &Const,
                               llvm::StringRef NewConst) const override {
    return alternativeAfter(Test, Const, NewConst, " or ");
  }
};

/// Inside a pattern a test has no operand: `6002`, `not 6002`, `< 6002`,
/// joined by `or`/`and`; a membership is a parenthesized `or` pattern.
class PatternSyntax final : public CSharpSyntax {
public:
  std::optional<std::string> op(CmpOp O,
                                llvm::StringRef Original) const override {
    if (O == CmpOp::EQ || O == CmpOp::NE)
      return std::nullopt; // `6002`, `not 6002`: no operator token
    return CSharpSyntax::op(O, Original);
  }
  std::optional<std::string> joinWord(bool IsOr) const override {
    return std::string(IsOr ? " or " : " and ");
  }
  std::optional<std::string> cmp(llvm::StringRef, CmpOp O,
                                 int64_t V) const override {
    std::string N = std::to_string(V);
    if (O == CmpOp::EQ)
      return N;
    if (O == CmpOp::NE)
      return "not " + N;
    return std::string(cmpOpName(O)) + " " + N;
  }
  std::optional<std::string>
  membership(llvm::StringRef, bool Negated, llvm::StringRef,
             llvm::StringRef Item, llvm::StringRef NewItem) const override {
    if (!isLiteral(Item) || !isLiteral(NewItem))
      return std::nullopt;
    return (Negated ? "not (" : "(") + Item.str() + " or " + NewItem.str() +
           ")";
  }
};
} // namespace

const FixSyntax &fixSyntax() {
  static const CSharpSyntax S;
  return S;
}

const FixSyntax &patternFixSyntax() {
  static const PatternSyntax S;
  return S;
}
} // namespace verguard::csharp
