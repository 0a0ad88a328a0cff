//===- FindingJson.cpp ----------------------------------------------------===//
#include "report/FindingJson.h"

#include "report/Report.h"

#include "llvm/Support/Path.h"

namespace verguard::report {

llvm::json::Object spanToJson(const core::SourceSpan &S, llvm::StringRef Root) {
  return llvm::json::Object{{"file", displayPath(S.File, Root)},
                            {"line", S.Line},
                            {"column", S.Col},
                            {"endLine", S.EndLine},
                            {"endColumn", S.EndCol},
                            {"offset", S.Begin},
                            {"length", S.End - S.Begin}};
}

llvm::json::Object findingToJson(const core::Finding &F, llvm::StringRef Root) {
  llvm::json::Object O{
      {"ruleId", F.RuleId},   {"severity", core::severityName(F.Level)},
      {"message", F.Message}, {"location", spanToJson(F.Where, Root)},
      {"bump", F.Bump},       {"function", F.Function},
      {"guard", F.Guard}};
  if (!F.Related.empty()) {
    llvm::json::Array Related;
    for (const core::RelatedLocation &R : F.Related)
      Related.push_back(llvm::json::Object{
          {"location", spanToJson(R.Where, Root)}, {"message", R.Message}});
    O["related"] = std::move(Related);
  }
  if (F.TheFix) {
    llvm::json::Array Edits;
    for (const core::Edit &E : F.TheFix->Edits) {
      llvm::json::Object EO = spanToJson(E.Span, Root);
      EO["replacement"] = E.Replacement;
      Edits.push_back(std::move(EO));
    }
    O["fix"] = llvm::json::Object{{"description", F.TheFix->Description},
                                  {"edits", std::move(Edits)}};
  } else {
    O["fix"] = nullptr;
    O["noFixReason"] = F.NoFixReason;
  }
  if (F.Evaluated)
    O["evaluation"] =
        llvm::json::Object{{"test", F.Evaluated->Test},
                           {"testBefore", F.Evaluated->TestBefore},
                           {"outcomeBefore", F.Evaluated->OutcomeBefore},
                           {"outcomeAfter", F.Evaluated->OutcomeAfter}};
  return O;
}

llvm::json::Object diagnosticToJson(const core::Diagnostic &G,
                                    llvm::StringRef Root) {
  llvm::json::Object O{{"severity", core::severityName(G.Level)},
                       {"file", displayPath(G.Where.File, Root)},
                       {"line", G.Where.Line},
                       {"column", G.Where.Col},
                       {"message", G.Message}};
  if (G.Where.EndLine) {
    O["endLine"] = G.Where.EndLine;
    O["endColumn"] = G.Where.EndCol;
  }
  if (G.Where.Begin != UINT32_MAX || G.Where.End != UINT32_MAX) {
    O["offset"] = G.Where.Begin;
    O["length"] = G.Where.End - G.Where.Begin;
  }
  return O;
}

llvm::json::Object suppressedToJson(const core::SuppressedFinding &S,
                                    llvm::StringRef Root) {
  llvm::json::Object O = findingToJson(S.F, Root);
  O["suppression"] =
      llvm::json::Object{{"location", spanToJson(S.Comment, Root)},
                         {"justification", S.Justification}};
  return O;
}

llvm::json::Object summaryToJson(const ReportData &D) {
  llvm::json::Object Langs, Skipped;
  for (const auto &[L, N] : D.FilesByLanguage)
    Langs[L] = N;
  for (const auto &[Why, N] : D.SkipReasons)
    Skipped[Why] = N;
  llvm::json::Array Bumps;
  for (const BumpInfo &B : D.Bumps)
    Bumps.push_back(B.Id);
  llvm::json::Object Result{{"files", D.FilesTotal},
                            {"filesSkipped", D.FilesSkipped},
                            {"filesByLanguage", std::move(Langs)},
                            {"findings", D.Findings.size()},
                            {"suppressed", D.Suppressed},
                            {"baselined", D.Baselined},
                            {"skipped", std::move(Skipped)},
                            {"bumps", std::move(Bumps)},
                            {"badPaths", D.BadPaths},
                            {"configError", D.ConfigError}};
  // The files behind the skip counts, where the run listed them (--verbose).
  if (!D.SkippedFiles.empty()) {
    llvm::json::Object Files;
    for (const auto &[Why, Paths] : D.SkippedFiles) {
      llvm::json::Array A;
      for (const std::string &P : Paths)
        A.push_back(P);
      Files[Why] = std::move(A);
    }
    Result["skippedFiles"] = std::move(Files);
  }
  return Result;
}

std::optional<core::Severity> severityFromName(llvm::StringRef Name) {
  for (core::Severity S :
       {core::Severity::Note, core::Severity::Warning, core::Severity::Error})
    if (Name == core::severityName(S))
      return S;
  return std::nullopt;
}

namespace {

/// Reads fields of one JSON object; the first missing or mistyped one is
/// remembered, with its name.
class Fields {
public:
  Fields(const llvm::json::Value &V, llvm::StringRef What) : What(What) {
    O = V.getAsObject();
    if (!O)
      fail(What, "not an object");
  }
  bool ok() const { return Error.empty(); }
  const llvm::json::Object *object() const { return O; }
  llvm::Error take() {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s",
                                   Error.c_str());
  }
  void fail(llvm::StringRef Field, llvm::StringRef Why) {
    if (Error.empty())
      Error = (What + "." + Field + ": " + Why).str();
  }
  std::string str(llvm::StringRef K) {
    if (auto S = O ? O->getString(K) : std::nullopt)
      return S->str();
    fail(K, "missing, or not a string");
    return {};
  }
  uint32_t u32(llvm::StringRef K) {
    if (auto I = O ? O->getInteger(K) : std::nullopt)
      if (*I >= 0 && *I <= int64_t(UINT32_MAX))
        return uint32_t(*I);
    fail(K, "missing, or not a 32-bit unsigned number");
    return 0;
  }
  bool boolean(llvm::StringRef K) {
    if (auto B = O ? O->getBoolean(K) : std::nullopt)
      return *B;
    fail(K, "missing, or not a boolean");
    return false;
  }
  core::Severity severity(llvm::StringRef K) {
    std::string N = str(K);
    if (auto S = severityFromName(N))
      return *S;
    fail(K, "not note, warning or error");
    return core::Severity::Note;
  }
  const llvm::json::Array *array(llvm::StringRef K, bool Optional = false) {
    const llvm::json::Array *A = O ? O->getArray(K) : nullptr;
    if (!A && !(Optional && O && !O->get(K)))
      fail(K, "missing, or not an array");
    return A;
  }
  /// A nested object read with From, which reports its own errors.
  template <class T, class Fn> T nested(llvm::StringRef K, Fn From) {
    const llvm::json::Value *V = O ? O->get(K) : nullptr;
    if (!V) {
      fail(K, "missing");
      return T();
    }
    auto R = From(*V);
    if (!R) {
      fail(K, llvm::toString(R.takeError()));
      return T();
    }
    return std::move(*R);
  }

private:
  std::string What, Error;
  const llvm::json::Object *O = nullptr;
};

std::string absolute(llvm::StringRef File, llvm::StringRef Root) {
  if (File.empty() || llvm::sys::path::is_absolute(File) || Root.empty())
    return File.str();
  llvm::SmallString<256> P(Root);
  llvm::sys::path::append(P, File);
  return P.str().str();
}

} // namespace

llvm::Expected<core::SourceSpan> spanFromJson(const llvm::json::Value &V,
                                              llvm::StringRef Root) {
  Fields F(V, "location");
  core::SourceSpan S;
  S.File = absolute(F.str("file"), Root);
  S.Line = F.u32("line");
  S.Col = F.u32("column");
  S.EndLine = F.u32("endLine");
  S.EndCol = F.u32("endColumn");
  S.Begin = F.u32("offset");
  S.End = S.Begin + F.u32("length");
  if (!F.ok())
    return F.take();
  return S;
}

llvm::Expected<core::Finding> findingFromJson(const llvm::json::Value &V,
                                              llvm::StringRef Root) {
  Fields F(V, "finding");
  auto Span = [&](const llvm::json::Value &X) { return spanFromJson(X, Root); };
  core::Finding Out;
  Out.RuleId = F.str("ruleId");
  Out.Level = F.severity("severity");
  Out.Message = F.str("message");
  Out.Where = F.nested<core::SourceSpan>("location", Span);
  Out.Bump = F.str("bump");
  Out.Function = F.str("function");
  Out.Guard = F.str("guard");
  if (const llvm::json::Array *Related = F.array("related", true))
    for (const llvm::json::Value &R : *Related) {
      Fields RF(R, "related");
      core::RelatedLocation L;
      L.Where = RF.nested<core::SourceSpan>("location", Span);
      L.Message = RF.str("message");
      if (!RF.ok())
        return RF.take();
      Out.Related.push_back(std::move(L));
    }
  const llvm::json::Value *Fix = F.object() ? F.object()->get("fix") : nullptr;
  if (Fix && Fix->getAsNull()) {
    Out.NoFixReason = F.str("noFixReason");
  } else if (Fix) {
    Fields XF(*Fix, "fix");
    core::Fix X;
    X.Description = XF.str("description");
    if (const llvm::json::Array *Edits = XF.array("edits"))
      for (const llvm::json::Value &E : *Edits) {
        auto S = spanFromJson(E, Root);
        if (!S)
          return S.takeError();
        Fields EF(E, "edit");
        X.Edits.push_back({std::move(*S), EF.str("replacement")});
        if (!EF.ok())
          return EF.take();
      }
    if (!XF.ok())
      return XF.take();
    Out.TheFix = std::move(X);
  } else {
    F.fail("fix", "missing");
  }
  if (const llvm::json::Value *E =
          F.object() ? F.object()->get("evaluation") : nullptr) {
    Fields EF(*E, "evaluation");
    core::Evaluation Ev;
    Ev.Test = EF.str("test");
    Ev.TestBefore = EF.boolean("testBefore");
    Ev.OutcomeBefore = EF.str("outcomeBefore");
    Ev.OutcomeAfter = EF.str("outcomeAfter");
    if (!EF.ok())
      return EF.take();
    Out.Evaluated = std::move(Ev);
  }
  if (!F.ok())
    return F.take();
  return Out;
}

llvm::Expected<core::Diagnostic> diagnosticFromJson(const llvm::json::Value &V,
                                                    llvm::StringRef Root) {
  Fields F(V, "diagnostic");
  core::Diagnostic G;
  G.Level = F.severity("severity");
  G.Where.File = absolute(F.str("file"), Root);
  G.Where.Line = F.u32("line");
  G.Where.Col = F.u32("column");
  G.Message = F.str("message");
  const llvm::json::Object *O = F.object();
  if (O && O->get("endLine")) {
    G.Where.EndLine = F.u32("endLine");
    G.Where.EndCol = F.u32("endColumn");
  }
  if (O && O->get("offset")) {
    G.Where.Begin = F.u32("offset");
    G.Where.End = G.Where.Begin + F.u32("length");
  }
  if (!F.ok())
    return F.take();
  return G;
}

llvm::Expected<core::SuppressedFinding>
suppressedFromJson(const llvm::json::Value &V, llvm::StringRef Root) {
  auto F = findingFromJson(V, Root);
  if (!F)
    return F.takeError();
  Fields SF(V, "suppressedFinding");
  const llvm::json::Value *Sup =
      SF.object() ? SF.object()->get("suppression") : nullptr;
  if (!Sup)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "suppressedFinding.suppression: missing");
  Fields C(*Sup, "suppression");
  core::SuppressedFinding S;
  S.F = std::move(*F);
  S.Comment =
      C.nested<core::SourceSpan>("location", [&](const llvm::json::Value &X) {
        return spanFromJson(X, Root);
      });
  S.Justification = C.str("justification");
  if (!C.ok())
    return C.take();
  return S;
}

} // namespace verguard::report
