//===- ParsePlanFuzzer.cpp - the script parse plan on any bytes -----------===//
//
// The first byte picks the dialect (even: PowerShell, odd: VB); the rest is
// the text. Checks what tree-sitter is handed: ranges in order, not empty,
// not overlapping, inside the text, with points that match their bytes;
// then parses with them, as the frontends do (script::parsePlanned).
//
//===----------------------------------------------------------------------===//
#include "script/ParsePlan.h"
#include "script/TreeSitter.h"

#include <cstdlib>

extern "C" const TSLanguage *tree_sitter_powershell(void);
extern "C" const TSLanguage *tree_sitter_vba(void);

using namespace verguard;

namespace {

TSPoint pointOf(llvm::StringRef Text, uint32_t Byte) {
  TSPoint P{0, 0};
  for (uint32_t I = 0; I < Byte; ++I) {
    if (Text[I] == '\n') {
      ++P.row;
      P.column = 0;
    } else {
      ++P.column;
    }
  }
  return P;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  if (Size == 0)
    return 0;
  bool Vb = Data[0] & 1;
  llvm::StringRef Text(reinterpret_cast<const char *>(Data + 1), Size - 1);
  static const std::vector<std::string> Triggers = {
      "6002", "6003", "ubr", "revision", "getfileversion", "versioninfo"};
  script::ParsePlan P = script::planParse(
      Text, Vb ? script::PlanDialect::VB : script::PlanDialect::PowerShell,
      Triggers, {}, Vb ? "vgtoplevel__" : "");
  uint32_t Last = 0;
  for (const TSRange &R : P.Ranges) {
    if (R.start_byte >= R.end_byte || R.start_byte < Last ||
        R.end_byte > Text.size())
      abort();
    TSPoint S = pointOf(Text, R.start_byte), E = pointOf(Text, R.end_byte);
    if (S.row != R.start_point.row || S.column != R.start_point.column ||
        E.row != R.end_point.row || E.column != R.end_point.column)
      abort();
    Last = R.end_byte;
  }
  if (P.Skipped > P.Procedures || (!P.Ranges.empty() && !P.Skipped))
    abort();
  script::parsePlanned(Vb ? tree_sitter_vba() : tree_sitter_powershell(), Text,
                       P, 1000000);
  return 0;
}
