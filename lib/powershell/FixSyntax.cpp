//===- FixSyntax.cpp - fixes written in PowerShell ------------------------===//
//
// -eq/-le/... with the original -c/-i prefix and case, -or/-and, -contains
// lists (PowerShell 2.0 has no -in),
// hashtable entries and switch conditions.
//
//===----------------------------------------------------------------------===//
#include "core/FixSyntax.h"
#include "core/Syntax.h"

#include "llvm/ADT/StringExtras.h"

namespace verguard::powershell {
namespace {
using namespace core;

class PowerShellSyntax final : public FixSyntax {
public:
  std::optional<std::string> op(CmpOp O,
                                llvm::StringRef Original) const override {
    static const char *Names[] = {"eq", "ne", "lt", "le", "gt", "ge"};
    std::string Prefix = "-";
    llvm::StringRef T = Original.trim();
    if (T.size() == 4 &&
        (T[1] == 'c' || T[1] == 'i' || T[1] == 'C' || T[1] == 'I'))
      Prefix += T[1];
    std::string R = Prefix + Names[static_cast<int>(O)];
    if (!T.empty() && llvm::isUpper(T.back()))
      R = llvm::StringRef(R).upper();
    return R;
  }
  std::optional<std::string> joinWord(bool IsOr) const override {
    return std::string(IsOr ? " -or " : " -and ");
  }
  /// `'a', 'b' -contains $x` evaluates `$x` once, where a join of two
  /// comparisons would evaluate it twice. Not `$x -in 'a', 'b'`: -in came
  /// with PowerShell 3.0, and Windows Server 2008 SP2, the OS such a check
  /// is about, ships PowerShell 1.0 or 2.0, which cannot parse the script
  /// at all then. (The comma binds tighter than -contains.)
  std::optional<std::string>
  membership(llvm::StringRef Operand, bool Negated, llvm::StringRef OriginalOp,
             llvm::StringRef Item, llvm::StringRef NewItem) const override {
    // Case only matters for constants with letters; digits compare alike.
    llvm::StringRef T = OriginalOp.trim();
    bool CaseSensitive = T.size() == 4 && (T[1] == 'c' || T[1] == 'C') &&
                         llvm::any_of(Item, llvm::isAlpha);
    std::string Prefix = CaseSensitive ? " -c" : " -";
    // A bare property name is Where-Object's simplified syntax, which has
    // -In but no room for a list before the name (and needs 3.0 anyway).
    if (!Operand.empty() && llvm::all_of(Operand, [](char C) {
          return llvm::isAlnum(C) || C == '_';
        }))
      return Operand.str() + Prefix + (Negated ? "notin " : "in ") +
             Item.str() + ", " + NewItem.str();
    return Item.str() + ", " + NewItem.str() + Prefix +
           (Negated ? "notcontains " : "contains ") + Operand.str();
  }
  bool appendsListItems() const override { return true; }
  std::string tableEntrySeparator(const Arm &) const override { return "; "; }
  std::optional<Edit> armLabel(const Arm &A, const Expr &Test,
                               const Expr &Const,
                               llvm::StringRef NewConst) const override {
    const Spelling &L = A.Label;
    // A script-block condition `{ $_ -eq 6002 } { ... }`: the test gains an
    // alternative, `{ ($_ -eq 6002 -or $_ -eq 6003) } { ... }`.
    if (llvm::StringRef(L.Text).ltrim().starts_with("{")) {
      if (!Test.Written.valid() || !L.Span.contains(Test.Written.Span))
        return std::nullopt;
      auto Alt = replaceWithin(Test.Written, Const, NewConst);
      if (!Alt)
        return std::nullopt;
      return Edit{Test.Written.Span,
                  "(" + Test.Written.Text + " -or " + *Alt + ")"};
    }
    // `6002 { ... }` -> `{ 6002, 6003 -contains $_ } { ... }`
    if (!Const.Written.valid() || !L.Span.contains(Const.Written.Span))
      return std::nullopt;
    return Edit{L.Span,
                "{ " + L.Text + ", " + NewConst.str() + " -contains $_ }"};
  }
};
} // namespace

const FixSyntax &fixSyntax() {
  static const PowerShellSyntax S;
  return S;
}
} // namespace verguard::powershell
