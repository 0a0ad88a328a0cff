//===- Baseline.cpp -------------------------------------------------------===//
#include "driver/Baseline.h"

#include "report/Report.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

namespace verguard::driver {

llvm::Error writeBaseline(llvm::StringRef Path,
                          const std::vector<core::Finding> &Findings,
                          const std::vector<std::string> &Fingerprints,
                          llvm::StringRef SrcRoot) {
  llvm::json::Array A;
  for (size_t I = 0; I < Findings.size(); ++I)
    A.push_back(llvm::json::Object{
        {"fingerprint", Fingerprints[I]},
        {"ruleId", Findings[I].RuleId},
        {"file", report::displayPath(Findings[I].Where.File, SrcRoot)},
        {"line", Findings[I].Where.Line},
        {"guard", Findings[I].Guard}});
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << llvm::formatv("{0:2}", llvm::json::Value(llvm::json::Object{
                                   {"version", 1}, {"findings", std::move(A)}}))
     << "\n";
  OS.flush();
  llvm::SmallString<256> Tmp;
  int FD;
  if (auto EC = llvm::sys::fs::createUniqueFile(Path + ".tmp-%%%%%%", FD, Tmp))
    return llvm::createStringError(EC, "%s: cannot write: %s",
                                   Path.str().c_str(), EC.message().c_str());
  {
    llvm::raw_fd_ostream Out(FD, true);
    Out << Text;
  }
  if (auto EC = llvm::sys::fs::rename(Tmp, Path)) {
    llvm::sys::fs::remove(Tmp);
    return llvm::createStringError(EC, "%s: cannot write: %s",
                                   Path.str().c_str(), EC.message().c_str());
  }
  return llvm::Error::success();
}

llvm::Expected<std::set<std::string>> loadBaseline(llvm::StringRef Path) {
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf)
    return llvm::createStringError(Buf.getError(), "%s: cannot read: %s",
                                   Path.str().c_str(),
                                   Buf.getError().message().c_str());
  auto V = llvm::json::parse((*Buf)->getBuffer());
  if (!V)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(), "%s: not a verguard baseline: %s",
        Path.str().c_str(), llvm::toString(V.takeError()).c_str());
  const llvm::json::Object *O = V->getAsObject();
  const llvm::json::Array *A = O ? O->getArray("findings") : nullptr;
  if (!A || O->getInteger("version").value_or(0) != 1)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "%s: not a verguard baseline (version 1)",
                                   Path.str().c_str());
  std::set<std::string> Out;
  for (const llvm::json::Value &E : *A)
    if (const llvm::json::Object *F = E.getAsObject())
      if (auto FP = F->getString("fingerprint"))
        Out.insert(FP->str());
  return Out;
}

void applyBaseline(report::ReportData &D, const std::set<std::string> &Known,
                   bool KeepKnown, bool ListKnown) {
  report::ReportData Kept = D;
  Kept.Findings.clear();
  Kept.Fingerprints.clear();
  Kept.Baseline.clear();
  for (size_t I = 0; I < D.Findings.size(); ++I) {
    bool Old = Known.count(D.Fingerprints[I]);
    if (Old && !KeepKnown) {
      Kept.Baselined++;
      if (ListKnown)
        Kept.BaselinedFindings.push_back(D.Findings[I]);
      continue;
    }
    Kept.Findings.push_back(D.Findings[I]);
    Kept.Fingerprints.push_back(D.Fingerprints[I]);
    Kept.Baseline.push_back(Old ? report::BaselineState::Unchanged
                                : report::BaselineState::New);
  }
  D = std::move(Kept);
}

} // namespace verguard::driver
