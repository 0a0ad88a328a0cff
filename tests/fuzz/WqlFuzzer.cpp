//===- WqlFuzzer.cpp - WQL queries and conditions -------------------------===//
//
// Parses the bytes as a WQL query and as a bare -Filter condition, with the
// Win32_OperatingSystem properties as version quantities, then runs the rules
// on the WHERE clause as a guard (this evaluates LIKE patterns on every
// profile).
//
//===----------------------------------------------------------------------===//
#include "FuzzCommon.h"
#include "script/Wql.h"

using namespace verguard;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Q(reinterpret_cast<const char *>(Data), Size);
  script::WqlPropertyFn Property = [](llvm::StringRef Name) -> core::ExprPtr {
    if (Name.equals_insensitive("BuildNumber"))
      return core::unary(core::Op::ToStr,
                         core::quantity(core::Quantity::Build, "WMI"));
    if (Name.equals_insensitive("Version"))
      return core::quantity(core::Quantity::Version, "WMI");
    if (Name.equals_insensitive("Caption"))
      return core::quantity(core::Quantity::ProductName, "WMI");
    return nullptr;
  };
  script::WqlSpanFn Span =
      [Size](uint32_t B, uint32_t E) -> std::optional<core::SourceSpan> {
    if (B > E || E > Size)
      abort(); // the parser must only ask for spans of the query text
    if ((B + E) % 3 == 0)
      return std::nullopt; // not written verbatim
    core::SourceSpan S;
    S.File = "fuzz.ps1";
    S.Begin = B;
    S.End = E;
    S.Line = S.Col = S.EndLine = S.EndCol = 1;
    return S;
  };
  std::vector<core::Guard> Guards;
  auto AddGuard = [&](core::ExprPtr E) {
    if (!E)
      return;
    core::toString(*E);
    core::Guard G;
    G.Cond = std::move(E);
    G.Syntax = core::Dialect::WQL;
    G.Where.File = "fuzz.ps1";
    G.Where.Begin = 0;
    G.Where.End = Size;
    G.Text = "wql";
    Guards.push_back(std::move(G));
  };
  if (auto W = script::parseWqlQuery(Q, Property, Span))
    AddGuard(W->Where);
  AddGuard(script::parseWqlCondition(Q, Property, Span, 0));
  script::wqlLikeToWildcard(Q);
  fuzz::checkGuards(Guards, {}, Q);
  return 0;
}
