//===- GuardFinder.cpp ----------------------------------------------------===//
#include "cpp/GuardFinder.h"

#include "core/Deadline.h"
#include "core/Evaluator.h"
#include "core/Profile.h"
#include "core/Siblings.h"
#include "cpp/Lowering.h"
#include "cpp/Sources.h"
#include "cpp/Spans.h"
#include "script/Wql.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringExtras.h"

namespace verguard::cpp {

using namespace clang;
using core::ExprPtr;

namespace {

bool isComparisonOperator(OverloadedOperatorKind K) {
  return comparisonOf(K).has_value();
}

bool isLogicalOperator(OverloadedOperatorKind K) {
  return K == OO_AmpAmp || K == OO_PipePipe || K == OO_Exclaim;
}

/// The braced list a container or array is initialized with, in its
/// written form: `kBuilds[] = {...}`, `std::set<DWORD> s = {...}`,
/// `std::map<DWORD, T> m{{6002, ...}, ...}`, `std::vector<int> v = {...}`.
const InitListExpr *initializerList(const VarDecl *VD) {
  const Expr *E = VD && VD->getInit() ? VD->getInit() : nullptr;
  for (int Steps = 0; E && Steps < 8; ++Steps) {
    E = E->IgnoreImplicit();
    if (auto *IL = dyn_cast<InitListExpr>(E))
      return IL->isSemanticForm() && IL->getSyntacticForm()
                 ? IL->getSyntacticForm()
                 : IL;
    if (auto *C = dyn_cast<CXXConstructExpr>(E)) {
      // The list, then defaulted comparator and allocator.
      if (C->getNumArgs() < 1 ||
          !llvm::all_of(llvm::drop_begin(C->arguments()), [](const Expr *A) {
            return isa<CXXDefaultArgExpr>(A);
          }))
        return nullptr;
      E = C->getArg(0);
    } else if (auto *SL = dyn_cast<CXXStdInitializerListExpr>(E)) {
      E = SL->getSubExpr();
    } else if (auto *M = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = M->getSubExpr();
    } else if (auto *C = dyn_cast<CXXFunctionalCastExpr>(E)) {
      E = C->getSubExpr();
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

/// True if T is a standard associative container keyed by its first
/// element (`std::map`, `std::unordered_map`, `std::multimap`).
bool isStdMap(QualType T) {
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !RD->isInStdNamespace() || !RD->getIdentifier())
    return false;
  llvm::StringRef N = RD->getName();
  return N == "map" || N == "unordered_map" || N == "multimap" ||
         N == "unordered_multimap" || N == "flat_map";
}

/// The container a lookup reads: `kSet` of `kSet.count(b)`, `v` of
/// `v.begin()`, `std::begin(v)` or of an array `v` decayed to a pointer.
const VarDecl *containerOf(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const auto *MD = MC->getMethodDecl();
    if (!MD || !MD->getIdentifier() ||
        !(MD->getName() == "begin" || MD->getName() == "cbegin"))
      return nullptr;
    E = MC->getImplicitObjectArgument()->IgnoreParenImpCasts();
  } else if (auto *C = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *FD = C->getDirectCallee();
    if (!FD || !FD->isInStdNamespace() || !FD->getIdentifier() ||
        !(FD->getName() == "begin" || FD->getName() == "cbegin") ||
        C->getNumArgs() != 1)
      return nullptr;
    E = C->getArg(0)->IgnoreParenImpCasts();
  }
  auto *D = dyn_cast<DeclRefExpr>(E);
  auto *VD = D ? dyn_cast<VarDecl>(D->getDecl()) : nullptr;
  return initializerList(VD) ? VD : nullptr;
}

class Finder : public RecursiveASTVisitor<Finder> {
public:
  Finder(ASTContext &Ctx, const Facts &F, const core::FrontendOptions &Opts)
      : Ctx(Ctx), F(F), L(Ctx, F, Opts) {}

  std::vector<core::Guard> Guards;

  /// After the walk: the comparisons whose operand its siblings show to be
  /// an OS build, as guards.
  void siblingEvidence() {
    Siblings.release(
        [&](core::Guard G, uint32_t) { Guards.push_back(std::move(G)); });
  }

  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) &&
        Ctx.getSourceManager().isInSystemHeader(D->getLocation()))
      return true;
    if (auto *FD = dyn_cast_or_null<FunctionDecl>(D)) {
      std::string Saved = Function;
      Function = FD->getQualifiedNameAsString();
      Functions.push_back(FD);
      bool R = RecursiveASTVisitor::TraverseDecl(D);
      Functions.pop_back();
      Function = Saved;
      return R;
    }
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  bool VisitBinaryOperator(BinaryOperator *B) {
    if (core::deadlinePassed())
      return false; // the time limit: stop the walk, the driver reports it
    if (B->isComparisonOp())
      seed(B);
    return true;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *C) {
    if (isComparisonOperator(C->getOperator()))
      seed(C);
    return true;
  }
  bool VisitCallExpr(CallExpr *C) {
    if (containerLookup(C))
      return true;
    if (isa<CXXOperatorCallExpr>(C)) {
      if (isLambdaCall(C) && callsHelperWithArguments(C))
        seed(C); // `isBuild(6002)` of a lambda
      return true;
    }
    std::string N;
    if (const FunctionDecl *FD = C->getDirectCallee())
      if (FD->getIdentifier())
        N = FD->getName().str();
    llvm::StringRef Name = N;
    if (Name.starts_with("VerifyVersionInfo") && verifyLoop(C))
      return true;
    if (Name.starts_with("VerifyVersionInfo") || Name == "regex_search" ||
        Name == "regex_match" || Name == "starts_with" || Name == "ends_with" ||
        Name == "contains" || Name.contains("str") || Name.contains("cmp") ||
        Name.contains("Cmp") || Name.contains("StrStr") ||
        Name.starts_with("CompareString"))
      seed(C);
    else if (callsHelperWithArguments(C))
      seed(C); // `IsBuild(6002)`: the helper's check, judged at this call
    return true;
  }
  bool VisitSwitchStmt(SwitchStmt *S) {
    switchGuard(S);
    return true;
  }
  /// A WQL query on Win32_OperatingSystem written as a literal
  /// (`ExecQuery(bstr_t("WQL"), bstr_t(L"SELECT * FROM
  /// Win32_OperatingSystem WHERE BuildNumber = '6002'"), ...)`, or handed
  /// to a helper): its WHERE clause is a guard on the instances it gives,
  /// fixed inside the literal when it is written without escapes.
  bool VisitStringLiteral(StringLiteral *S) {
    if (S->getLength() < 20 || !Roots.insert(S).second)
      return true;
    std::string Q = literalUtf8(S);
    if (!script::queriesOs(Q))
      return true;
    // Where the text starts in the file, if the token is one literal
    // written as its text (no escapes, no macro).
    std::optional<core::SourceSpan> Start;
    SourceLocation Loc = S->getBeginLoc();
    if (S->getNumConcatenated() == 1 && Loc.isFileID()) {
      core::Spelling W = spelling(Ctx, S->getSourceRange());
      size_t Quote = W.Text.find('"');
      if (Quote != std::string::npos && W.Text.size() >= Quote + 2 &&
          llvm::StringRef(W.Text).substr(Quote + 1).drop_back() == Q) {
        SourceLocation At = Loc.getLocWithOffset(Quote + 1);
        Start = fileSpan(Ctx, SourceRange(At, At));
      }
    }
    script::WqlSpanFn SpanOf =
        [&](uint32_t B, uint32_t E) -> std::optional<core::SourceSpan> {
      if (!Start || B > E || E > Q.size())
        return std::nullopt;
      core::SourceSpan R = *Start;
      R.Begin = Start->Begin + B;
      R.End = Start->Begin + E;
      R.Col = Start->Col + B;
      R.EndCol = Start->Col + E;
      R.EndLine = Start->Line;
      return R;
    };
    auto Parsed = script::parseOsQuery(Q, SpanOf);
    if (!Parsed || !Parsed->Where || !core::dependsOnVersion(*Parsed->Where))
      return true;
    core::Guard G;
    G.Kind = core::GuardKind::Condition;
    G.Syntax = core::Dialect::C;
    G.Cond = Parsed->Where;
    G.Where = fileSpan(Ctx, S->getSourceRange());
    G.Function = Function;
    G.Text = "WQL " + Q;
    Guards.push_back(std::move(G));
    return true;
  }

private:
  /// A call of a function of this file whose value depends on the call's
  /// arguments (`bool IsBuild(DWORD b) { return GetBuild() == b; }`).
  bool callsHelperWithArguments(const CallExpr *C) {
    const FunctionDecl *FD = C->getDirectCallee();
    const FunctionDecl *Def = FD ? FD->getDefinition() : nullptr;
    if (!Def || Def->getNumParams() == 0 ||
        C->getNumArgs() <= unsigned(isLambdaCall(C)) ||
        Ctx.getSourceManager().isInSystemHeader(Def->getLocation()) ||
        C->isInstantiationDependent() || C->containsErrors())
      return false;
    QualType T = Def->getReturnType();
    if (!T->isBooleanType() && !T->isIntegerType())
      return false;
    return !judgedInside(Def) && L.readsArguments(C);
  }

  /// Whether what a helper returns is a version test with what its calls
  /// pass (`IsSp2Lab(lab) { return _wcsnicmp(lab, L"6002.", 5) == 0; }`,
  /// every call passing BuildLabEx): judged there, where its literal and a
  /// fix are (core::CallerArguments), not again at each call. A helper
  /// given the literal (`IsBuild(6002)`) is judged at each call.
  bool judgedInside(const FunctionDecl *Def) {
    auto [It, New] = Inside.try_emplace(Def, false);
    if (!New)
      return It->second;
    bool Judged = false;
    if (auto R = F.Returns.find(Def); R != F.Returns.end())
      for (const Expr *E : R->second)
        Judged = Judged || decidedInside(*L.value(E));
    return Inside[Def] = Judged;
  }
  /// A returned value that reads the version and that the bumps' profiles
  /// decide: nothing it needs is left to an argument of each call (nor
  /// guessed from a parameter's name, `DWORD build`).
  static bool decidedInside(const core::Expr &V) {
    if (!core::dependsOnVersion(V) || core::hasInferredQuantity(V))
      return false;
    const core::ProfileSet &P = core::builtinProfiles();
    bool Any = false;
    for (const core::Bump &B : P.Bumps) {
      if (!B.Enabled)
        continue;
      Any = true;
      if (!core::evaluate(V, P.Profiles[B.Before]).known() ||
          !core::evaluate(V, P.Profiles[B.After]).known())
        return false;
    }
    return Any;
  }

  /// Climbs from an atom to the maximal condition holding it.
  const Expr *root(const Expr *E) {
    const Expr *Cur = E;
    bool First = true;
    for (int Steps = 0; Steps < 64; ++Steps) {
      auto Parents = Ctx.getParents(*Cur);
      if (Parents.size() != 1)
        break;
      const Expr *P = Parents[0].get<Expr>();
      if (!P)
        break;
      bool Climb = false;
      if (isa<ParenExpr>(P) || isa<ImplicitCastExpr>(P) || isa<FullExpr>(P) ||
          isa<MaterializeTemporaryExpr>(P) || isa<CXXBindTemporaryExpr>(P))
        Climb = true;
      else if (auto *U = dyn_cast<UnaryOperator>(P))
        Climb = U->getOpcode() == UO_LNot;
      else if (auto *B = dyn_cast<BinaryOperator>(P))
        Climb = B->isLogicalOp() || (First && B->isComparisonOp());
      else if (auto *O = dyn_cast<CXXOperatorCallExpr>(P))
        Climb = isLogicalOperator(O->getOperator()) ||
                (First && isComparisonOperator(O->getOperator()));
      if (!Climb)
        break;
      if (!isa<ParenExpr>(P) && !isa<ImplicitCastExpr>(P))
        First = false;
      Cur = P;
    }
    // Drop wrappers that are not part of the condition's text.
    while (true) {
      if (auto *C = dyn_cast<ImplicitCastExpr>(Cur))
        Cur = C->getSubExpr();
      else if (auto *F = dyn_cast<FullExpr>(Cur))
        Cur = F->getSubExpr();
      else
        break;
    }
    return Cur;
  }

  void seed(const Expr *E) {
    if (E->isInstantiationDependent() || E->containsErrors())
      return;
    if (auto *B = dyn_cast<BinaryOperator>(E);
        B && (isLookup(B->getLHS()) || isLookup(B->getRHS())))
      return;
    if (auto *O = dyn_cast<CXXOperatorCallExpr>(E);
        O && O->getNumArgs() == 2 &&
        (isLookup(O->getArg(0)) || isLookup(O->getArg(1))))
      return;
    const Expr *R = root(E);
    if (!Roots.insert(R).second)
      return;
    if (tableGuard(R) || rowTable(R))
      return;
    // A helper's returned condition over its parameters is judged here
    // when its calls pass a version (judgedInside), else at each call.
    ExprPtr C = L.cond(R);
    if (!core::isBoolean(*C))
      return;
    // Perhaps an OS build after all, by the builds it is compared with
    // (core::SiblingBuilds): placed now, judged after the walk.
    bool Sibling = false;
    if (!core::dependsOnVersion(*C)) {
      if (!Siblings.note(*C, Function))
        return;
      Sibling = true;
    }
    // An atom that is the whole text inside parentheses (`if (...)`, `(...)`)
    // is rewritten without adding another pair.
    if (!C->isLogic() && C->Written.valid()) {
      auto Parents = Ctx.getParents(*R);
      if (isa<ParenExpr>(R) ||
          (Parents.size() == 1 &&
           (Parents[0].get<ParenExpr>() || Parents[0].get<IfStmt>() ||
            Parents[0].get<WhileStmt>() || Parents[0].get<DoStmt>()))) {
        auto P = core::clone(*C);
        P->Flags |= core::FlagParenthesized;
        C = P;
      }
    }
    core::Guard G;
    G.Kind = core::GuardKind::Condition;
    G.Cond = C;
    G.Syntax = core::Dialect::C;
    core::Spelling Src = spelling(Ctx, R->getSourceRange());
    G.Where = Src.Span;
    G.Function = Function;
    G.Text = core::toString(*C);
    for (char Ch : Src.Text) // its lines as one, blanks folded
      if (!llvm::isSpace(Ch))
        G.Shown += Ch;
      else if (!G.Shown.empty() && G.Shown.back() != ' ')
        G.Shown += ' ';
    if (Sibling)
      Siblings.hold(std::move(G));
    else
      Guards.push_back(std::move(G));
  }

  void switchGuard(const SwitchStmt *S) {
    const Expr *Cond = S->getCond();
    if (!Cond || Cond->isInstantiationDependent())
      return;
    ExprPtr Subject = L.value(Cond);
    if (!core::mayBeBuild(*Subject))
      return;
    // Case labels in source order; labels stacked on one body share an arm.
    std::vector<const SwitchCase *> Cases;
    for (const SwitchCase *C = S->getSwitchCaseList(); C;
         C = C->getNextSwitchCase())
      Cases.push_back(C);
    std::reverse(Cases.begin(), Cases.end());
    core::Guard G;
    G.Kind = core::GuardKind::Select;
    G.Subject = Subject;
    G.FirstMatchOnly = true;
    G.Syntax = core::Dialect::C;
    G.Where = fileSpan(Ctx, SourceRange(S->getBeginLoc(), S->getRParenLoc()));
    G.Function = Function;
    G.Text = "switch " + core::toString(*Subject);
    const Stmt *PrevSub = nullptr;
    for (const SwitchCase *C : Cases) {
      auto *CS = dyn_cast<CaseStmt>(C);
      bool SharesArm = PrevSub && PrevSub == C;
      PrevSub = C->getSubStmt();
      if (!CS)
        continue; // default: the outcome when no arm matches
      ExprPtr Lo = L.value(CS->getLHS());
      if (Lo->Kind != core::Op::IntConst)
        return; // a label verguard cannot evaluate: leave the switch alone
      ExprPtr Test;
      if (const Expr *RHS = CS->getRHS()) {
        ExprPtr Hi = L.value(RHS);
        if (Hi->Kind != core::Op::IntConst)
          return;
        core::Spelling WL = spelling(Ctx, CS->getLHS()->getSourceRange());
        core::Spelling WH = spelling(Ctx, RHS->getSourceRange());
        Test =
            core::logicAnd(core::cmp(core::CmpOp::GE, core::subject(), Lo,
                                     core::CmpMode::Int, core::Dialect::C, WL),
                           core::cmp(core::CmpOp::LE, core::subject(), Hi,
                                     core::CmpMode::Int, core::Dialect::C, WH));
      } else {
        Test = core::cmp(core::CmpOp::EQ, core::subject(), Lo,
                         core::CmpMode::Int, core::Dialect::C,
                         spelling(Ctx, CS->getLHS()->getSourceRange()));
      }
      if (SharesArm && !G.Arms.empty()) {
        G.Arms.back().Tests.push_back(Test);
        // New labels go after the last label of the arm.
        G.Arms.back().Label =
            spelling(Ctx, SourceRange(CS->getBeginLoc(), CS->getColonLoc()));
        continue;
      }
      core::Arm A;
      A.Tests.push_back(Test);
      A.Label =
          spelling(Ctx, SourceRange(CS->getBeginLoc(), CS->getColonLoc()));
      A.Indent = lineIndent(Ctx, CS->getBeginLoc());
      G.Arms.push_back(std::move(A));
    }
    // A switch on a value not followed: its labels may say it is a build.
    if (!core::switchOnVersion(
            G,
            spelling(Ctx, Cond->IgnoreParenImpCasts()->getSourceRange()).Text))
      return;
    if (!G.Arms.empty())
      Guards.push_back(std::move(G));
  }

  /// `kTable[i].build == osvi.dwBuildNumber`, `kBuilds[i] == build`: a
  /// lookup in a constant table, a VG005 guard over the table's keys.
  bool tableGuard(const Expr *R) {
    const Expr *Cmp = R->IgnoreParenImpCasts();
    const Expr *A = nullptr, *B = nullptr;
    StringMatch SM;
    if (auto *Bo = dyn_cast<BinaryOperator>(Cmp);
        Bo && Bo->getOpcode() == BO_EQ) {
      A = Bo->getLHS();
      B = Bo->getRHS();
      // `strcmp(ver, kBaselines[i]) == 0`: the strings' equality.
      if (isZero(A))
        std::swap(A, B);
      if (isZero(B) && stringMatch(A, SM)) {
        A = SM.A;
        B = SM.B;
      }
    } else if (auto *U = dyn_cast<UnaryOperator>(Cmp);
               U && U->getOpcode() == UO_LNot &&
               stringMatch(U->getSubExpr(), SM)) {
      A = SM.A; // `!wcsncmp(...)`
      B = SM.B;
    } else {
      return false;
    }
    auto TableOf = [&](const Expr *E,
                       const FieldDecl *&Field) -> const VarDecl * {
      E = E->IgnoreParenImpCasts();
      Field = nullptr;
      if (auto *M = dyn_cast<MemberExpr>(E)) {
        Field = dyn_cast<FieldDecl>(M->getMemberDecl());
        E = M->getBase()->IgnoreParenImpCasts();
      }
      const DeclRefExpr *D = nullptr;
      if (auto *AS = dyn_cast<ArraySubscriptExpr>(E))
        D = dyn_cast<DeclRefExpr>(AS->getBase()->IgnoreParenImpCasts());
      else if (auto *Elt = dyn_cast<DeclRefExpr>(E))
        D = rangeOf(Elt); // `for (DWORD b : kBuilds)`: b is an element
      if (!D)
        return nullptr;
      auto *VD = dyn_cast<VarDecl>(D->getDecl());
      return initializerList(VD) ? VD : nullptr;
    };
    const FieldDecl *Field = nullptr;
    const VarDecl *Table = TableOf(A, Field);
    const Expr *Key = B;
    if (!Table) {
      Table = TableOf(B, Field);
      Key = A;
    }
    if (!Table)
      return false;
    ExprPtr Subject = L.value(Key);
    if (!core::dependsOnVersion(*Subject))
      return false;
    // A prefix match: strncmp over the entry's own length.
    bool Prefix = false;
    if (SM.Len) {
      auto *LC = dyn_cast<CallExpr>(SM.Len->IgnoreParenImpCasts());
      const FunctionDecl *LF = LC ? LC->getDirectCallee() : nullptr;
      const FieldDecl *LenField = nullptr;
      if (!LF || !LF->getIdentifier() || LC->getNumArgs() != 1 ||
          !LF->getName().contains("len") ||
          TableOf(LC->getArg(0), LenField) != Table || LenField != Field)
        return false; // a fixed count: not an entry's whole text
      Prefix = true;
    }
    return table(R, Table, Field, Subject, /*PairKey=*/false,
                 SM.Call ? (Prefix ? Match::Prefix : Match::Text)
                         : Match::Equal,
                 SM.IgnoreCase);
  }

  /// A condition on the entries of a constant table of structures, in a
  /// loop over it (`for (const Rule &r : kRules) if (build >= r.minBuild &&
  /// build <= r.maxBuild && rev >= r.minRevision)`, `kRules[i].minBuild`):
  /// a VG005 table whose arms are the condition on each entry. A loop that
  /// stops at the first match (break, return) finds one entry; one that
  /// goes on collects all.
  bool rowTable(const Expr *R) {
    const VarDecl *Var = nullptr, *Table = nullptr;
    bool Mixed = false;
    std::vector<const Stmt *> Stack{R};
    while (!Stack.empty() && !Mixed) {
      const Stmt *S = Stack.back();
      Stack.pop_back();
      if (!S)
        continue;
      if (auto *ME = dyn_cast<MemberExpr>(S)) {
        const Expr *B = ME->getBase()->IgnoreParenImpCasts();
        const VarDecl *V = nullptr, *T = nullptr;
        if (auto *AS = dyn_cast<ArraySubscriptExpr>(B)) {
          if (auto *D =
                  dyn_cast<DeclRefExpr>(AS->getBase()->IgnoreParenImpCasts()))
            V = T = dyn_cast<VarDecl>(D->getDecl());
        } else if (auto *D = dyn_cast<DeclRefExpr>(B)) {
          if (const DeclRefExpr *Range = rangeOf(D)) {
            V = dyn_cast<VarDecl>(D->getDecl());
            T = dyn_cast<VarDecl>(Range->getDecl());
          } else if ((V = dyn_cast<VarDecl>(D->getDecl()))) {
            T = entryAlias(V);
          }
        }
        if (V && T && initializerList(T)) {
          if (Var && (Var != V || Table != T))
            Mixed = true;
          Var = V;
          Table = T;
        }
      }
      for (const Stmt *K : S->children())
        Stack.push_back(K);
    }
    if (!Var || Mixed)
      return false;
    const InitListExpr *IL = initializerList(Table);
    if (!IL || IL->getNumInits() == 0 || IL->getNumInits() > 64)
      return false;
    core::Guard G;
    G.Kind = core::GuardKind::Table;
    G.Syntax = core::Dialect::C;
    G.Where = fileSpan(Ctx, R->getSourceRange());
    G.Function = Function;
    G.Text = "table " + Table->getNameAsString() + "[" +
             spelling(Ctx, R->getSourceRange()).Text + "]";
    G.FirstMatchOnly = stopsAtMatch(R);
    bool Version = false;
    for (const Expr *Elt : IL->inits()) {
      auto *Row = dyn_cast<InitListExpr>(Elt->IgnoreImplicit());
      if (!Row)
        return false;
      if (Row->isSemanticForm() && Row->getSyntacticForm())
        Row = Row->getSyntacticForm();
      L.setRow(Var, Row);
      ExprPtr C = L.cond(R);
      L.setRow(nullptr, nullptr);
      if (!core::isBoolean(*C))
        return false;
      Version |= core::dependsOnVersion(*C);
      core::Arm A;
      A.ValueId = G.Arms.size();
      A.Tests.push_back(
          core::keepSpellingsWithin(C, fileSpan(Ctx, Row->getSourceRange())));
      A.Label = spelling(Ctx, Elt->getSourceRange());
      G.Arms.push_back(std::move(A));
    }
    if (!Version)
      return false;
    Guards.push_back(std::move(G));
    return true;
  }
  /// The table a local names one entry of (`const Rule *r = &kRules[i];`,
  /// `const Rule &r = kRules[i];`, `kRules + i`), or null.
  static const VarDecl *entryAlias(const VarDecl *V) {
    if (!V->hasLocalStorage() || isa<ParmVarDecl>(V) || !V->getInit())
      return nullptr;
    const Expr *I = V->getInit()->IgnoreParenImpCasts();
    if (auto *U = dyn_cast<UnaryOperator>(I); U && U->getOpcode() == UO_AddrOf)
      I = U->getSubExpr()->IgnoreParenImpCasts();
    else if (auto *B = dyn_cast<BinaryOperator>(I);
             B && B->getOpcode() == BO_Add)
      I = B->getLHS()->IgnoreParenImpCasts();
    else if (!V->getType()->isReferenceType())
      return nullptr;
    if (auto *AS = dyn_cast<ArraySubscriptExpr>(I))
      I = AS->getBase()->IgnoreParenImpCasts();
    auto *D = dyn_cast<DeclRefExpr>(I);
    auto *T = D ? dyn_cast<VarDecl>(D->getDecl()) : nullptr;
    return T && T->getType()->isArrayType() ? T : nullptr;
  }
  /// Whether the statement a loop's condition R guards leaves the loop
  /// (`break`, `return`) when it holds.
  bool stopsAtMatch(const Expr *R) {
    for (const DynTypedNode &P : Ctx.getParents(*R))
      if (const auto *If = P.get<IfStmt>(); If && If->getCond() == R) {
        std::vector<const Stmt *> Stack{If->getThen()};
        while (!Stack.empty()) {
          const Stmt *S = Stack.back();
          Stack.pop_back();
          if (!S)
            continue;
          if (isa<BreakStmt>(S) || isa<ReturnStmt>(S))
            return true;
          if (isa<ForStmt>(S) || isa<WhileStmt>(S) || isa<DoStmt>(S) ||
              isa<CXXForRangeStmt>(S) || isa<SwitchStmt>(S))
            continue;
          for (const Stmt *K : S->children())
            Stack.push_back(K);
        }
        return false;
      }
    return true;
  }

  /// How a table lookup compares its key with an entry.
  enum class Match { Equal, Text, Prefix };
  /// `strcmp(a, b)`, `wcsncmp(a, b, n)`, `_stricmp(a, b)` as a test of
  /// equality (`== 0`, `!`): its operands, and n.
  struct StringMatch {
    const CallExpr *Call = nullptr;
    const Expr *A = nullptr, *B = nullptr, *Len = nullptr;
    bool IgnoreCase = false;
  };
  static bool isZero(const Expr *E) {
    auto *I = dyn_cast<IntegerLiteral>(E->IgnoreParenImpCasts());
    return I && I->getValue() == 0;
  }
  static bool stringMatch(const Expr *E, StringMatch &SM) {
    auto *C = dyn_cast<CallExpr>(E->IgnoreParenImpCasts());
    const FunctionDecl *FD = C ? C->getDirectCallee() : nullptr;
    if (!FD || !FD->getIdentifier())
      return false;
    StrFnInfo I = stringFunction(FD->getName());
    if (!((I.Kind == StrFn::Compare && C->getNumArgs() == 2) ||
          (I.Kind == StrFn::CompareN && C->getNumArgs() == 3)))
      return false;
    SM.Call = C;
    SM.A = C->getArg(0);
    SM.B = C->getArg(1);
    SM.Len = I.Kind == StrFn::CompareN ? C->getArg(2) : nullptr;
    SM.IgnoreCase = I.IgnoreCase;
    return true;
  }

  /// A lookup of the OS's build in a constant standard container or array:
  /// `kNames.find(b)`, `.count(b)`, `.contains(b)`, `.at(b)`, `kNames[b]`,
  /// `std::find(v.begin(), v.end(), b)`, `std::count(...)`. A VG005 guard
  /// over the container's keys.
  bool containerLookup(const CallExpr *C) {
    const VarDecl *Container = nullptr;
    const Expr *Key = nullptr;
    ExprPtr Subject = lookupOf(C, Container, Key);
    if (!Subject)
      return false;
    const Expr *R = root(C);
    if (!Roots.insert(R).second)
      return true;
    return table(R, Container, nullptr, Subject,
                 isStdMap(Container->getType()));
  }
  /// The OS value C looks up in a constant container (containerLookup), and
  /// the container and the key's expression; null if C is no such lookup.
  ExprPtr lookupOf(const CallExpr *C, const VarDecl *&Container,
                   const Expr *&Key) {
    if (C->isInstantiationDependent() || C->containsErrors())
      return nullptr;
    if (auto *MC = dyn_cast<CXXMemberCallExpr>(C)) {
      const auto *MD = MC->getMethodDecl();
      if (!MD || !MD->getIdentifier() || MC->getNumArgs() != 1)
        return nullptr;
      llvm::StringRef N = MD->getName();
      if (N != "find" && N != "count" && N != "contains" && N != "at")
        return nullptr;
      Container = containerOf(MC->getImplicitObjectArgument());
      Key = MC->getArg(0);
    } else if (auto *OC = dyn_cast<CXXOperatorCallExpr>(C)) {
      if (OC->getOperator() != OO_Subscript || OC->getNumArgs() != 2)
        return nullptr;
      Container = containerOf(OC->getArg(0));
      Key = OC->getArg(1);
    } else if (const FunctionDecl *FD = C->getDirectCallee()) {
      if (!FD->isInStdNamespace() || !FD->getIdentifier() ||
          !(FD->getName() == "find" || FD->getName() == "count") ||
          C->getNumArgs() != 3)
        return nullptr;
      Container = containerOf(C->getArg(0));
      Key = C->getArg(2);
    }
    if (!Container ||
        (!Container->getType().isConstQualified() &&
         !Container->getType()->isArrayType() && Container->hasGlobalStorage()))
      return nullptr; // a global container anyone may change
    ExprPtr Subject = L.value(Key);
    return core::dependsOnVersion(*Subject) ? Subject : nullptr;
  }
  /// True if E, an operand of a comparison, is a container lookup: the
  /// lookup is the guard (`kSet.count(b) != 0`), found at the call.
  bool isLookup(const Expr *E) {
    const VarDecl *Container = nullptr;
    const Expr *Key = nullptr;
    auto *C = dyn_cast<CallExpr>(E->IgnoreParenImpCasts());
    return C && lookupOf(C, Container, Key);
  }

  /// The array a range-based for walks when Elt names its loop variable
  /// (`for (DWORD b : kSupported)`, `for (const auto &e : kTable)`).
  const DeclRefExpr *rangeOf(const DeclRefExpr *Elt) {
    auto *LV = dyn_cast<VarDecl>(Elt->getDecl());
    if (!LV)
      return nullptr;
    if (isa<ParmVarDecl>(LV))
      return predicateRange(Elt);
    for (const DynTypedNode &P : Ctx.getParents(*LV))
      if (const auto *DS = P.get<DeclStmt>())
        for (const DynTypedNode &Q : Ctx.getParents(*DS))
          if (const auto *FR = Q.get<CXXForRangeStmt>();
              FR && FR->getLoopVariable() == LV && FR->getRangeInit())
            return dyn_cast<DeclRefExpr>(
                FR->getRangeInit()->IgnoreParenImpCasts());
    return nullptr;
  }

  /// `std::find_if(std::begin(kRules), std::end(kRules), [&](const Rule &r)
  /// { return r.build == b; })`: the table whose entries the lambda's
  /// parameter (read at Elt) is given, or null.
  const DeclRefExpr *predicateRange(const DeclRefExpr *Elt) {
    // The lambda whose only parameter Elt reads (its call operator's
    // class is the LambdaExpr's child in the parent map).
    const auto *PV = cast<ParmVarDecl>(Elt->getDecl());
    const auto *MD = dyn_cast<CXXMethodDecl>(PV->getDeclContext());
    if (!MD || !MD->getParent()->isLambda() || MD->getNumParams() != 1)
      return nullptr;
    const Stmt *Cur = nullptr;
    for (const DynTypedNode &P : Ctx.getParents(*MD->getParent()))
      if (const auto *LE = P.get<LambdaExpr>())
        Cur = LE;
    // Up to the algorithm the lambda is given to.
    for (int Steps = 0; Steps < 16 && Cur; ++Steps) {
      auto Parents = Ctx.getParents(*Cur);
      if (Parents.empty())
        return nullptr;
      Cur = Parents[0].get<Stmt>();
      const auto *CE = dyn_cast_or_null<CallExpr>(Cur);
      if (!CE)
        continue;
      const FunctionDecl *FD = CE->getDirectCallee();
      if (!FD || !FD->getIdentifier() || !FD->isInStdNamespace() ||
          !llvm::is_contained({"find_if", "find_if_not", "any_of", "all_of",
                               "none_of", "count_if"},
                              FD->getName()) ||
          CE->getNumArgs() != 3)
        return nullptr;
      const Expr *First = CE->getArg(0)->IgnoreParenImpCasts();
      if (const auto *B = dyn_cast<CallExpr>(First);
          B && B->getNumArgs() == 1 && B->getDirectCallee() &&
          B->getDirectCallee()->getIdentifier() &&
          llvm::is_contained({"begin", "cbegin"},
                             B->getDirectCallee()->getName()))
        First = B->getArg(0)->IgnoreParenImpCasts();
      return dyn_cast<DeclRefExpr>(First);
    }
    return nullptr;
  }

  /// `VerifyVersionInfo(&osvi, VER_BUILDNUMBER, mask)` under VER_EQUAL in a
  /// loop that sets `osvi.dwBuildNumber = builds[i]`: a lookup of the OS's
  /// build in the constant array, a VG005 guard over its elements.
  bool verifyLoop(const CallExpr *C) {
    const VarDecl *Table = L.buildArray(C);
    if (!Table)
      return false;
    const Expr *R = root(C);
    if (!Roots.insert(R).second)
      return true;
    return table(R, Table, nullptr,
                 core::quantity(core::Quantity::Build, "VerifyVersionInfo"));
  }

  /// A table guard at R: Subject looked up in the constant array Table (by
  /// its member Field, if any).
  bool table(const Expr *R, const VarDecl *Table, const FieldDecl *Field,
             ExprPtr Subject, bool PairKey = false, Match How = Match::Equal,
             bool IgnoreCase = false) {
    const InitListExpr *IL = initializerList(Table);
    if (!IL)
      return false;
    core::Guard G;
    G.Kind = core::GuardKind::Table;
    G.Subject = Subject;
    G.Syntax = core::Dialect::C;
    G.Where = fileSpan(Ctx, R->getSourceRange());
    G.Function = Function;
    G.Text = "table " + Table->getNameAsString() + "[" +
             core::toString(*Subject) + "]";
    // `kKnown[NUM_KNOWN] = {...}` already full: one more initializer would
    // be an error (MSVC) or dropped (Clang, GCC), and a loop to NUM_KNOWN
    // would not reach it.
    if (TypeSourceInfo *TSI = Table->getTypeSourceInfo())
      if (auto AT = TSI->getTypeLoc().getAs<ConstantArrayTypeLoc>())
        if (AT.getSizeExpr())
          if (auto *CAT = Ctx.getAsConstantArrayType(Table->getType()))
            G.Full = CAT->getSize().getZExtValue() <= IL->getNumInits();
    std::vector<std::string> Values;
    for (const Expr *Elt : IL->inits()) {
      const Expr *KeyExpr = Elt->IgnoreImplicit();
      if (PairKey) {
        // `{6002, L"..."}` of a map: the key is the pair's first.
        if (auto *Sub = dyn_cast<InitListExpr>(KeyExpr))
          KeyExpr = Sub->getNumInits() == 2 ? Sub->getInit(0) : nullptr;
        else if (auto *CE = dyn_cast<CXXConstructExpr>(KeyExpr))
          KeyExpr = CE->getNumArgs() == 2 ? CE->getArg(0) : nullptr;
        else
          KeyExpr = nullptr;
        if (!KeyExpr)
          return false;
      } else if (Field) {
        auto *Sub = dyn_cast<InitListExpr>(KeyExpr);
        if (!Sub)
          return false;
        if (Sub->isSemanticForm() && Sub->getSyntacticForm())
          Sub = Sub->getSyntacticForm();
        unsigned Index = Field->getFieldIndex();
        if (Index >= Sub->getNumInits())
          return false;
        KeyExpr = Sub->getInit(Index);
      }
      ExprPtr K = L.value(KeyExpr);
      if (!K->isConst())
        return false;
      core::Arm Arm;
      // The entry's value: its text without the key.
      std::string Value = spelling(Ctx, Elt->getSourceRange()).Text;
      if (K->Written.valid()) {
        auto At = Value.find(K->Written.Text);
        if (At != std::string::npos)
          Value.erase(At, K->Written.Text.size());
      }
      auto Id = std::find(Values.begin(), Values.end(), Value);
      Arm.ValueId = Id - Values.begin();
      if (Id == Values.end())
        Values.push_back(Value);
      if (How != Match::Equal && K->Kind != core::Op::StrConst)
        return false;
      if (How == Match::Prefix) {
        auto P = core::clone(
            *core::binary(core::Op::StartsWith, core::subject(), K));
        if (IgnoreCase)
          P->Flags |= core::FlagCaseInsensitive;
        Arm.Tests.push_back(P);
      } else {
        Arm.Tests.push_back(core::cmp(core::CmpOp::EQ, core::subject(), K,
                                      K->Kind != core::Op::StrConst
                                          ? core::CmpMode::Int
                                      : IgnoreCase ? core::CmpMode::StrCI
                                                   : core::CmpMode::Str,
                                      core::Dialect::C, K->Written));
      }
      Arm.Label = spelling(Ctx, Elt->getSourceRange());
      G.Arms.push_back(std::move(Arm));
    }
    if (G.Arms.empty())
      return false;
    Guards.push_back(std::move(G));
    return true;
  }

  ASTContext &Ctx;
  const Facts &F;
  Lowerer L;
  /// Helpers whose returned condition is judged inside (judgedInside).
  llvm::DenseMap<const FunctionDecl *, bool> Inside;
  std::string Function;
  std::vector<const FunctionDecl *> Functions; // enclosing, innermost last
  llvm::DenseSet<const Expr *> Roots;
  core::SiblingBuilds Siblings; // comparisons held until the walk's end
};

} // namespace

std::vector<core::Guard> findGuards(ASTContext &Ctx,
                                    const core::FrontendOptions &Opts) {
  Facts F;
  collectFacts(Ctx, F, Opts);
  Finder Fi(Ctx, F, Opts);
  Fi.TraverseAST(Ctx);
  Fi.siblingEvidence();
  return std::move(Fi.Guards);
}

} // namespace verguard::cpp
