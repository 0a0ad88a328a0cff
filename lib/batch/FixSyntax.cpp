//===- FixSyntax.cpp - fixes written in cmd batch files -------------------===//
//
// EQU/LEQ/... in the case they were written (`==` stays a string compare),
// no joins (cmd's `if` has no and/or), and a find/findstr search for either
// build as one findstr.
//
//===----------------------------------------------------------------------===//
#include "core/FixSyntax.h"
#include "core/Syntax.h"

#include "llvm/ADT/StringExtras.h"

namespace verguard::batch {
namespace {
using namespace core;

class BatchSyntax final : public FixSyntax {
public:
  std::optional<std::string> op(CmpOp O,
                                llvm::StringRef Original) const override {
    // `==` is a string comparison: it stays one. The others are written
    // as the original is (EQU or equ).
    llvm::StringRef T = Original.trim();
    if (T == "==")
      return O == CmpOp::EQ ? std::optional<std::string>("==") : std::nullopt;
    static const char *Names[] = {"EQU", "NEQ", "LSS", "LEQ", "GTR", "GEQ"};
    std::string R = Names[static_cast<int>(O)];
    if (!T.empty() && llvm::isLower(T.back()))
      R = llvm::StringRef(R).lower();
    return R;
  }
  std::optional<std::string> joinWord(bool) const override {
    return std::nullopt; // cmd's `if` has no `and`/`or`
  }
  /// `find "6.0.6002"` (one string) and `findstr` with one search string:
  /// a findstr that searches for the string written for either build,
  /// `findstr /c:"6.0.6002" /c:"6.0.6003"` (`/r` for a regex). find takes
  /// one string only, so it becomes findstr, which takes several.
  std::optional<std::string>
  searchForBoth(const Expr &A, const Expr &Const, llvm::StringRef OldBuild,
                llvm::StringRef NewBuild) const override {
    if (!A.has(FlagCmdSearch) ||
        (A.Kind != Op::Contains && A.Kind != Op::Regex) ||
        A.Written.Text.empty())
      return std::nullopt;
    // The string as written: `"6.0.6002"`, `/c:"6.0.6002"`, `6.0.6002`.
    llvm::StringRef Old = Const.Written.Text;
    if (Old.size() > 3 && Old.take_front(3).equals_insensitive("/c:"))
      Old = Old.drop_front(3);
    if (Old.size() >= 2 && Old.front() == '"' && Old.back() == '"')
      Old = Old.drop_front().drop_back();
    if (Old.empty() || Old.contains('"'))
      return std::nullopt;
    std::string New = replaceInLiteral(Old, OldBuild, NewBuild);
    bool Upper = llvm::isUpper(A.Written.Text.front());
    std::string Text = Upper ? "FINDSTR" : "findstr";
    if (A.has(FlagCaseInsensitive))
      Text += Upper ? " /I" : " /i";
    if (A.Kind == Op::Regex)
      Text += Upper ? " /R" : " /r";
    std::string CSwitch = Upper ? " /C:\"" : " /c:\"";
    return Text + CSwitch + Old.str() + "\"" + CSwitch + New + "\"";
  }
};
} // namespace

const FixSyntax &fixSyntax() {
  static const BatchSyntax S;
  return S;
}
} // namespace verguard::batch
