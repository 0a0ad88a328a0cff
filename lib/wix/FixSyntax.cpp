//===- FixSyntax.cpp - fixes written in MSI and Burn conditions -----------===//
//
// `= <> < <= > >=` and ` OR `/` AND `, written into the XML the condition
// lives in: in an attribute or element text `<` is `&lt;` (and `>` stays
// `&gt;` where the original wrote it so), in a CDATA section as it is.
//
//===----------------------------------------------------------------------===//
#include "core/FixSyntax.h"

namespace verguard::wix {
namespace {
using namespace core;

class WixSyntax final : public FixSyntax {
public:
  explicit WixSyntax(bool Escaped) : Escaped(Escaped) {}
  std::optional<std::string> op(CmpOp O,
                                llvm::StringRef Original) const override {
    static const char *Names[] = {"=", "<>", "<", "<=", ">", ">="};
    // `~` (case-insensitive strings) stays where the original had it.
    std::string R = std::string(Original.trim().starts_with("~") ? "~" : "") +
                    Names[static_cast<int>(O)];
    if (!Escaped)
      return R;
    bool EscapedGt = Original.contains("&gt;");
    std::string Out;
    for (char C : R)
      Out += C == '<'                ? "&lt;"
             : C == '>' && EscapedGt ? "&gt;"
                                     : std::string(1, C);
    return Out;
  }
  std::optional<std::string> joinWord(bool IsOr) const override {
    return std::string(IsOr ? " OR " : " AND ");
  }

private:
  bool Escaped;
};
} // namespace

const FixSyntax &fixSyntax(bool Escaped) {
  static const WixSyntax Text(true), CData(false);
  return Escaped ? Text : CData;
}
} // namespace verguard::wix
