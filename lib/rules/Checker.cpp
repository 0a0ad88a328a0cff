//===- Checker.cpp --------------------------------------------------------===//
#include "rules/Checker.h"

#include "rules/Rule.h"

namespace verguard::rules {

using namespace core;

CheckConfig defaultCheckConfig() {
  CheckConfig C;
  C.Profiles = &builtinProfiles();
  for (const Bump &B : C.Profiles->Bumps)
    if (B.Enabled)
      C.Bumps.push_back(&B);
  return C;
}

namespace {

/// Rules that recognize a specific shape take an atom before the general
/// build and string rules.
const std::vector<const Rule *> &claimOrder() {
  static const std::vector<const Rule *> Order = {
      &conditionMaskRule(), &buildTableRule(), &revisionThresholdRule(),
      &versionStringRule(), &buildComparisonRule()};
  return Order;
}

std::string describeOutcome(const Guard &G, const Outcome &O) {
  if (!O.Known)
    return "unknown";
  if (G.Kind == GuardKind::Condition)
    return O.V[0] ? "true" : "false";
  if (O.V.empty())
    return G.Kind == GuardKind::Table ? "not found" : "the default arm";
  std::string S;
  for (int64_t I : O.V) {
    const Arm &A = G.Arms[I];
    if (!S.empty())
      S += ", ";
    S += A.Label.Text.empty() ? "arm " + std::to_string(I + 1)
                              : "`" + A.Label.Text + "`";
  }
  return S;
}

std::string shorten(llvm::StringRef S) {
  std::string One;
  bool Space = false;
  for (char C : S) {
    if (C == '\n' || C == '\r' || C == '\t' || C == ' ') {
      Space = true;
      continue;
    }
    if (Space && !One.empty())
      One += ' ';
    Space = false;
    One += C;
  }
  if (One.size() > 80)
    One = One.substr(0, 77) + "...";
  return One;
}

} // namespace

std::string versionOf(const Profile &P) {
  return P.get(Quantity::FileVersion).S;
}

std::vector<Finding> checkGuard(const Guard &G, const CheckConfig &Cfg) {
  std::vector<Finding> Out;
  if (!Cfg.Profiles)
    return Out;
  std::vector<const Expr *> Reported;
  for (const Bump *B : Cfg.Bumps) {
    const Profile &Before = Cfg.Profiles->Profiles[B->Before];
    const Profile &After = Cfg.Profiles->Profiles[B->After];
    if (!isFragile(G, Before, After))
      continue;
    auto Atoms = flippingAtoms(G, Before, After);
    // The outcome shown in the message: with free atoms chosen so that the
    // guard does flip.
    Outcome OB, OA;
    for (const Assignment &A : assignments(freeAtoms(G, Before))) {
      OB = evaluateGuard(G, Before, A);
      OA = evaluateGuard(G, After, A);
      if (OB.Known && OA.Known && OB != OA)
        break;
    }
    struct Claimed {
      const Expr *Atom;
      int Arm;
      const Rule *R;
      bool ValueBefore;
    };
    std::vector<Claimed> Claims;
    std::vector<std::vector<Candidate>> PerAtom;
    for (const Expr *A : Atoms) {
      if (std::find(Reported.begin(), Reported.end(), A) != Reported.end())
        continue;
      int ArmIndex = -1;
      for (size_t I = 0; I < G.Arms.size(); ++I)
        for (const ExprPtr &T : G.Arms[I].Tests) {
          bool Inside = T.get() == A;
          std::vector<const Expr *> Stack{T.get()};
          while (!Inside && !Stack.empty()) {
            const Expr *E = Stack.back();
            Stack.pop_back();
            if (E == A)
              Inside = true;
            for (const ExprPtr &K : E->Kids)
              Stack.push_back(K.get());
          }
          if (Inside && ArmIndex < 0)
            ArmIndex = I;
        }
      Value SB = G.Subject ? evaluate(*G.Subject, Before) : Value::unknown();
      bool VB = evaluate(*A, Before, core::Assignment(), SB).I != 0;
      AtomContext Ctx{G, *A, ArmIndex, Before, After, *B, VB};
      const Rule *Owner = nullptr;
      for (const Rule *R : claimOrder())
        if (R->claims(Ctx)) {
          Owner = R;
          break;
        }
      if (!Owner || Cfg.DisabledRules.count(Owner->info().Id))
        continue;
      std::vector<Candidate> Cands;
      Owner->candidates(Ctx, Cands);
      Claims.push_back({A, ArmIndex, Owner, VB});
      PerAtom.push_back(std::move(Cands));
    }
    if (Claims.empty())
      continue;
    auto Proven = findProvenFix(G, PerAtom, *Cfg.Profiles, Cfg.Bumps);
    std::optional<Fix> TheFix;
    if (Proven) {
      Fix F;
      for (const Candidate *K : *Proven) {
        if (F.Description.empty())
          F.Description = K->Description;
        for (const Edit &E : K->Edits)
          if (std::find(F.Edits.begin(), F.Edits.end(), E) == F.Edits.end())
            F.Edits.push_back(E);
      }
      std::sort(F.Edits.begin(), F.Edits.end());
      TheFix = std::move(F);
    }
    for (const Claimed &C : Claims) {
      Reported.push_back(C.Atom);
      Finding F;
      F.RuleId = C.R->info().Id;
      F.Level = hasInferredQuantity(*C.Atom) ||
                        (G.Subject && hasInferredQuantity(*G.Subject))
                    ? Severity::Warning
                    : Severity::Error;
      auto Ov = Cfg.SeverityOverrides.find(F.RuleId);
      if (Ov != Cfg.SeverityOverrides.end())
        F.Level = Ov->second;
      F.Where = C.Atom->Written.valid() ? C.Atom->Written.Span : G.Where;
      if (C.Arm >= 0 && G.Arms[C.Arm].Label.valid() && !C.Atom->Written.valid())
        F.Where = G.Arms[C.Arm].Label.Span;
      std::string What = C.Atom->Written.Text.empty()
                             ? toString(*C.Atom)
                             : shorten(C.Atom->Written.Text);
      std::string Subject =
          G.Kind == GuardKind::Condition
              ? "`" + What + "`"
              : "`" + What + "` in this " +
                    (G.Kind == GuardKind::Table ? "table" : "switch");
      Evaluation Ev{Subject, C.ValueBefore, describeOutcome(G, OB),
                    describeOutcome(G, OA)};
      F.Message = Subject + " is " + (C.ValueBefore ? "true" : "false") +
                  " on " + versionOf(Before) + " but " +
                  (C.ValueBefore ? "false" : "true") + " on " +
                  versionOf(After) + ", so the guard's outcome changes from " +
                  Ev.OutcomeBefore + " to " + Ev.OutcomeAfter + " (" +
                  B->Description + ")";
      F.Evaluated = std::move(Ev);
      F.Bump = B->Id;
      F.Guard = G.Text.empty() ? toString(G.Cond ? *G.Cond : *C.Atom) : G.Text;
      F.Function = G.Function;
      F.TheFix = TheFix;
      if (!TheFix)
        F.NoFixReason =
            PerAtom.empty() || std::all_of(PerAtom.begin(), PerAtom.end(),
                                           [](auto &V) { return V.empty(); })
                ? "no rewrite of this guard could be written here"
                : "no candidate rewrite was proved correct on "
                  "every known Windows profile";
      Out.push_back(std::move(F));
    }
  }
  return Out;
}

} // namespace verguard::rules
