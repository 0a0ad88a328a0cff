//===- Lowering.cpp -------------------------------------------------------===//
#include "cpp/Lowering.h"

#include "llvm/ADT/DenseSet.h"

#include "cpp/Sources.h"
#include "cpp/Spans.h"

#include "core/Evaluator.h"
#include "core/Flow.h"
#include "core/Profile.h"
#include "core/Siblings.h"
#include "core/SourceTable.h"
#include "core/VerifyVersion.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/ConvertUTF.h"

namespace verguard::cpp {

using namespace clang;
using core::ExprPtr;
using core::Op;
using core::Quantity;

std::string literalUtf8(const StringLiteral *S) {
  if (S->getCharByteWidth() == 1)
    return S->getString().str();
  std::string Out;
  for (unsigned I = 0; I < S->getLength(); ++I) {
    uint32_t CP = S->getCodeUnit(I);
    char Buf[8];
    char *P = Buf;
    if (llvm::ConvertCodePointToUTF8(CP, P))
      Out.append(Buf, P - Buf);
  }
  return Out;
}

namespace {

constexpr unsigned MaxDepth = 48;

const Expr *strip(const Expr *E) {
  while (E) {
    E = E->IgnoreParens();
    if (auto *C = dyn_cast<ImplicitCastExpr>(E)) {
      E = C->getSubExpr();
      continue;
    }
    if (auto *C = dyn_cast<FullExpr>(E)) {
      E = C->getSubExpr();
      continue;
    }
    if (auto *C = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = C->getSubExpr();
      continue;
    }
    if (auto *C = dyn_cast<CXXBindTemporaryExpr>(E)) {
      E = C->getSubExpr();
      continue;
    }
    break;
  }
  return E;
}

/// E without parentheses, casts and a leading `&`: what it points at.
static const Expr *addressed(const Expr *E) {
  E = E ? E->IgnoreParenCasts() : nullptr;
  if (auto *U = dyn_cast_or_null<UnaryOperator>(E))
    if (U->getOpcode() == UO_AddrOf)
      E = U->getSubExpr()->IgnoreParenCasts();
  // A container's storage: `buf.data()` of a std::vector or std::wstring.
  if (auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(E))
    if (const CXXMethodDecl *M = MC->getMethodDecl(); M && M->getIdentifier() &&
                                                      M->getName() == "data" &&
                                                      MC->getNumArgs() == 0)
      E = MC->getImplicitObjectArgument()->IgnoreParenCasts();
  return E;
}

/// The variable a pointer/address argument designates: `&v`, `(LPBYTE)buf`.
const VarDecl *pointee(const Expr *E) {
  if (auto *D = dyn_cast_or_null<DeclRefExpr>(addressed(E)))
    return dyn_cast<VarDecl>(D->getDecl());
  return nullptr;
}

/// The field E names or points at (`host->ubr`, `&host->ubr`,
/// `host->versionText`), if any.
const FieldDecl *fieldPointee(const Expr *E) {
  if (auto *M = dyn_cast_or_null<MemberExpr>(addressed(E)))
    return dyn_cast<FieldDecl>(M->getMemberDecl());
  return nullptr;
}

std::string calleeName(const CallExpr *CE) {
  if (const FunctionDecl *FD = CE->getDirectCallee())
    if (FD->getIdentifier())
      return FD->getName().str();
  return "";
}

bool isSystem(const ASTContext &Ctx, SourceLocation L) {
  return L.isValid() && Ctx.getSourceManager().isInSystemHeader(L);
}

/// The IR operation of a C arithmetic or bitwise operator.
std::optional<Op> arithmetic(BinaryOperatorKind K) {
  switch (K) {
  case BO_Add:
    return Op::Add;
  case BO_Sub:
    return Op::Sub;
  case BO_Mul:
    return Op::Mul;
  case BO_Div:
    return Op::Div;
  case BO_Rem:
    return Op::Mod;
  case BO_And:
    return Op::BitAnd;
  case BO_Or:
    return Op::BitOr;
  case BO_Xor:
    return Op::BitXor;
  case BO_Shl:
    return Op::Shl;
  case BO_Shr:
    return Op::Shr;
  default:
    return std::nullopt;
  }
}

bool sameTree(const ExprPtr &A, const ExprPtr &B) {
  return core::toString(*A) == core::toString(*B);
}

/// The same tree, or two ways to the same value on every known profile (a
/// helper's GetVersionEx build and its fallback HIWORD(GetVersion())).
bool sameValue(const ExprPtr &A, const ExprPtr &B) {
  return sameTree(A, B) || core::sameOnEveryProfile(*A, *B);
}

/// Q with flag bits ORed above it (the source table's highBits).
ExprPtr withHighBits(ExprPtr Q, uint64_t HighBits) {
  return HighBits ? core::binary(Op::BitOr, std::move(Q),
                                 core::intConst(int64_t(HighBits)))
                  : Q;
}

/// The name GetProcAddress is asked for in E (`(T)GetProcAddress(h,
/// "RtlGetNtVersionNumbers")`), if E is such a call.
std::string procAddressName(const Expr *E) {
  auto *Get = dyn_cast_or_null<CallExpr>(E ? E->IgnoreParenCasts() : nullptr);
  if (!Get || calleeName(Get) != "GetProcAddress" || Get->getNumArgs() != 2)
    return "";
  if (auto *S = dyn_cast<StringLiteral>(Get->getArg(1)->IgnoreParenCasts()))
    if (S->getCharByteWidth() == 1)
      return S->getString().str();
  return "";
}

/// The API a call reaches: its direct callee, or for a call through a
/// function pointer, the name given to GetProcAddress for that pointer (in
/// the call itself, or in the pointer's initializer or the one assignment
/// to it seen before the call).
std::string apiName(const CallExpr *CE, const Facts &F) {
  std::string N = calleeName(CE);
  if (!N.empty())
    return N;
  const Expr *Callee = CE->getCallee()->IgnoreParenCasts();
  if (auto *U = dyn_cast<UnaryOperator>(Callee))
    Callee = U->getSubExpr()->IgnoreParenCasts();
  if (isa<CallExpr>(Callee))
    return procAddressName(Callee);
  auto *D = dyn_cast<DeclRefExpr>(Callee);
  auto *VD = D ? dyn_cast<VarDecl>(D->getDecl()) : nullptr;
  if (!VD)
    return "";
  auto Defs = F.VarDefs.find(VD);
  if (Defs == F.VarDefs.end())
    return "";
  // Every value the pointer was given names the same function (a null
  // initializer aside).
  std::string Found;
  for (const Expr *Def : Defs->second) {
    if (Def->IgnoreParenCasts()->isNullPointerConstant(
            VD->getASTContext(), Expr::NPC_ValueDependentIsNotNull))
      continue;
    std::string Name = procAddressName(Def);
    if (Name.empty() || (!Found.empty() && Name != Found))
      return "";
    Found = Name;
  }
  return Found;
}

/// What IWbemClassObject::Get reads for property Prop of a
/// Win32_OperatingSystem instance; null for another property. Only names no
/// other common class has, unless the file names the class (NamesOsClass).
ExprPtr wmiProperty(llvm::StringRef Prop, bool NamesOsClass) {
  const core::SourceEntry *E = core::builtinSources().wmiProperty(Prop);
  bool Unique = Prop == "BuildNumber" || Prop == "CSDVersion" ||
                Prop.starts_with("ServicePack") || NamesOsClass;
  if (!E || !Unique)
    return nullptr;
  ExprPtr Q = core::quantity(E->Q, "Win32_OperatingSystem." + Prop.str());
  return E->AsString ? core::unary(Op::ToStr, Q) : Q;
}

/// Registers what an API writes through its out-parameters.

void outParams(ASTContext &Ctx, const CallExpr *CE, Facts &F) {
  std::string N = apiName(CE, F);
  llvm::StringRef Name = N;
  auto ValueName = [&](unsigned I) -> std::string {
    if (I >= CE->getNumArgs())
      return "";
    if (auto *S = dyn_cast<StringLiteral>(CE->getArg(I)->IgnoreParenCasts()))
      return literalUtf8(S);
    return "";
  };
  // A write whose value is not known (null V) still hides an earlier one
  // from the reads after it.
  auto Define = [&](unsigned I, ExprPtr V) {
    if (I >= CE->getNumArgs())
      return;
    const VarDecl *VD = pointee(CE->getArg(I));
    if (VD)
      F.wroteByCall(VD, CE->getBeginLoc(), V);
    if (!V)
      return;
    if (VD)
      F.OutDefs[VD] = std::move(V);
    else if (const FieldDecl *FD = fieldPointee(CE->getArg(I)))
      F.FieldOutDefs[FD] = std::move(V);
  };
  // sprintf family: the buffer holds the formatted text.
  static const char *Printf[] = {"sprintf",
                                 "swprintf",
                                 "_stprintf",
                                 "wsprintfA",
                                 "wsprintfW",
                                 "wsprintf",
                                 "_snprintf",
                                 "_snwprintf",
                                 "snprintf",
                                 "sprintf_s",
                                 "swprintf_s",
                                 "_stprintf_s",
                                 "_sntprintf",
                                 "StringCchPrintfA",
                                 "StringCchPrintfW",
                                 "StringCchPrintf",
                                 "StringCbPrintfA",
                                 "StringCbPrintfW",
                                 "StringCbPrintf",
                                 "_swprintf",
                                 "__mingw_swprintf",
                                 "__mingw_sprintf",
                                 "__mingw_snwprintf",
                                 "__mingw_snprintf",
                                 "_snprintf_s",
                                 "_snwprintf_s",
                                 "RtlStringCchPrintfW",
                                 "RtlStringCchPrintfA",
                                 "RtlStringCbPrintfW",
                                 "RtlStringCbPrintfA"};
  if (llvm::is_contained(Printf, Name) && CE->getNumArgs() >= 2) {
    for (unsigned I = 1; I < CE->getNumArgs() && I < 4; ++I)
      if (isa<StringLiteral>(CE->getArg(I)->IgnoreParenCasts())) {
        if (const VarDecl *VD = pointee(CE->getArg(0)))
          F.FormatDefs[VD] = {CE, I};
        else if (const FieldDecl *FD = fieldPointee(CE->getArg(0)))
          F.FieldFormatDefs[FD] = {CE, I};
        break;
      }
    return;
  }
  // sscanf family: each variable after the format gets one conversion of
  // the text (`swscanf(buf, L"%lu", &build)` of a registry string).
  static const char *Scanf[] = {"sscanf",         "swscanf",   "_stscanf",
                                "sscanf_s",       "swscanf_s", "_stscanf_s",
                                "_snscanf",       "_snwscanf", "__mingw_sscanf",
                                "__mingw_swscanf"};
  if (llvm::is_contained(Scanf, Name) && CE->getNumArgs() >= 3) {
    unsigned Fmt = Name.starts_with("_sn") ? 2 : 1;
    if (!isa<StringLiteral>(CE->getArg(Fmt)->IgnoreParenCasts()))
      return;
    for (unsigned I = Fmt + 1; I < CE->getNumArgs(); ++I)
      if (const VarDecl *VD = pointee(CE->getArg(I)))
        F.ScanDefs[VD] = {CE, I - Fmt - 1};
    return;
  }
  // Copies and conversions of a whole string: the buffer holds the source.
  struct Copy {
    const char *Name;
    unsigned Args, Dst, Src;
  };
  static const Copy Copies[] = {{"strcpy", 2, 0, 1},
                                {"wcscpy", 2, 0, 1},
                                {"_tcscpy", 2, 0, 1},
                                {"lstrcpyA", 2, 0, 1},
                                {"lstrcpyW", 2, 0, 1},
                                {"lstrcpy", 2, 0, 1},
                                {"strcpy_s", 2, 0, 1},
                                {"wcscpy_s", 2, 0, 1},
                                {"_tcscpy_s", 2, 0, 1},
                                {"strcpy_s", 3, 0, 2},
                                {"wcscpy_s", 3, 0, 2},
                                {"_tcscpy_s", 3, 0, 2},
                                {"StringCchCopyA", 3, 0, 2},
                                {"StringCchCopyW", 3, 0, 2},
                                {"StringCchCopy", 3, 0, 2},
                                {"StringCbCopyA", 3, 0, 2},
                                {"StringCbCopyW", 3, 0, 2},
                                {"StringCbCopy", 3, 0, 2},
                                {"mbstowcs", 3, 0, 1},
                                {"wcstombs", 3, 0, 1},
                                {"mbstowcs_s", 5, 1, 3},
                                {"wcstombs_s", 5, 1, 3},
                                {"WideCharToMultiByte", 8, 4, 2},
                                {"MultiByteToWideChar", 6, 4, 2}};
  for (const Copy &C : Copies)
    if (Name == C.Name && CE->getNumArgs() == C.Args) {
      if (const VarDecl *VD = pointee(CE->getArg(C.Dst)))
        F.CopyDefs[VD] = CE->getArg(C.Src);
      else if (const FieldDecl *FD = fieldPointee(CE->getArg(C.Dst)))
        F.FieldCopyDefs[FD] = CE->getArg(C.Src);
      return;
    }
  // IWbemClassObject::Get(L"BuildNumber", 0, &vt, ...) of a
  // Win32_OperatingSystem instance: the VARIANT holds the property. Only
  // names no other common class has, unless the file names the class.
  if (Name == "Get" && CE->getNumArgs() >= 3)
    if (auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
      if (const CXXRecordDecl *RD = MC->getRecordDecl();
          RD && RD->getName() == "IWbemClassObject") {
        if (!F.NamesOsClass) {
          const SourceManager &SM = Ctx.getSourceManager();
          F.NamesOsClass = SM.getBufferData(SM.getMainFileID())
                               .contains_insensitive("Win32_OperatingSystem");
        }
        if (const VarDecl *VD = pointee(CE->getArg(2))) {
          const Expr *Arg = CE->getArg(0)->IgnoreParenImpCasts();
          auto *DR = dyn_cast<DeclRefExpr>(Arg);
          if (DR && isa<ParmVarDecl>(DR->getDecl()))
            F.VariantDefs[VD].push_back({CE->getBeginLoc(), nullptr, Arg});
          else
            F.VariantDefs[VD].push_back(
                {CE->getBeginLoc(),
                 wmiProperty(ValueName(0), *F.NamesOsClass)});
        }
        return;
      }
  // GetModuleFileName(NULL, buf, n): the program's own file;
  // GetModuleFileName(GetModuleHandle(L"kernel32.dll"), ...): that DLL's.
  if (Name.starts_with("GetModuleFileName") && CE->getNumArgs() >= 2) {
    const Expr *Mod = CE->getArg(0)->IgnoreParenCasts();
    std::string File;
    if (Mod->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
      File = "(this program's own file)";
    else if (auto *H = dyn_cast<CallExpr>(Mod);
             H && H->getNumArgs() >= 1 &&
             (calleeName(H).starts_with("GetModuleHandle") ||
              calleeName(H).starts_with("LoadLibrary")))
      if (auto *S = dyn_cast<StringLiteral>(H->getArg(0)->IgnoreParenCasts()))
        File = literalUtf8(S);
    if (!File.empty())
      Define(1, core::strConst(File));
    return;
  }
  // Which file's version resource a VS_FIXEDFILEINFO comes from.
  if (Name.starts_with("GetFileVersionInfo") &&
      !Name.starts_with("GetFileVersionInfoSize")) {
    unsigned Path = Name.starts_with("GetFileVersionInfoEx") ? 1 : 0;
    if (Path + 3 < CE->getNumArgs())
      if (const VarDecl *Buf = pointee(CE->getArg(Path + 3)))
        F.VersionInfoFile[Buf] = CE->getArg(Path);
    return;
  }
  if (Name.starts_with("VerQueryValue") && CE->getNumArgs() >= 3) {
    const VarDecl *Buf = pointee(CE->getArg(0));
    if (const VarDecl *Info = pointee(CE->getArg(2)); Info && Buf)
      F.FixedInfoBuffer[Info] = Buf;
    return;
  }
  // APIs of the source table (PsGetVersion, RtlGetNtVersionNumbers ...).
  for (const core::OutParameterEntry &O : core::builtinSources().OutParameters)
    if (O.Function == Name)
      Define(O.Argument, withHighBits(core::quantity(O.Q, N), O.HighBits));
  // A value name that is the enclosing helper's parameter is read per call.
  auto ReadNamed = [&](unsigned Out, unsigned NameArg) {
    if (NameArg < CE->getNumArgs() && Out < CE->getNumArgs())
      if (auto *DR =
              dyn_cast<DeclRefExpr>(CE->getArg(NameArg)->IgnoreParenImpCasts()))
        if (isa<ParmVarDecl>(DR->getDecl()))
          if (const VarDecl *VD = pointee(CE->getArg(Out))) {
            F.RegistryDefs[VD] = {CE, NameArg};
            return;
          }
    Define(Out, valueNamed(Name, ValueName(NameArg)));
  };
  if (Name == "QueryStringValue" || Name == "QueryDWORDValue") {
    // ATL CRegKey::QueryStringValue(name, buffer, &chars) / QueryDWORDValue.
    ReadNamed(1, 0);
  } else if (Name.starts_with("RegQueryValueEx")) {
    ReadNamed(4, 1);
  } else if (Name.starts_with("RegGetValue")) {
    ReadNamed(5, 2);
  } else if (Name.starts_with("MsiGetProperty") && CE->getNumArgs() >= 3) {
    // A custom action's MsiGetProperty(h, L"WindowsBuild", buf, &n): the
    // installer's OS property, as text.
    ReadNamed(2, 1);
  }
}

class FactCollector : public RecursiveASTVisitor<FactCollector> {
public:
  FactCollector(ASTContext &Ctx, Facts &F) : Ctx(Ctx), F(F) {}

  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) && isSystem(Ctx, D->getLocation()))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  bool TraverseFunctionDecl(FunctionDecl *FD) {
    const FunctionDecl *Saved = Cur;
    Cur = FD;
    bool R = RecursiveASTVisitor::TraverseFunctionDecl(FD);
    Cur = Saved;
    return R;
  }
  bool TraverseCXXMethodDecl(CXXMethodDecl *FD) {
    const FunctionDecl *Saved = Cur;
    Cur = FD;
    bool R = RecursiveASTVisitor::TraverseCXXMethodDecl(FD);
    Cur = Saved;
    return R;
  }
  /// A lambda's body returns from its call operator, not from the function
  /// it is written in.
  bool TraverseLambdaExpr(LambdaExpr *LE) {
    const FunctionDecl *Saved = Cur;
    Cur = LE->getCallOperator();
    bool R = RecursiveASTVisitor::TraverseLambdaExpr(LE);
    Cur = Saved;
    return R;
  }
  bool TraverseCXXConstructorDecl(CXXConstructorDecl *FD) {
    const FunctionDecl *Saved = Cur;
    Cur = FD;
    // Written initializers only: an implicit one default-constructs (a
    // std::wstring member left out of the list), it stores nothing.
    for (const CXXCtorInitializer *I : FD->inits())
      if (I->isMemberInitializer() && I->getInit() && I->isWritten())
        F.FieldDefs[I->getMember()].push_back(I->getInit());
    bool R = RecursiveASTVisitor::TraverseCXXConstructorDecl(FD);
    Cur = Saved;
    return R;
  }
  bool VisitVarDecl(VarDecl *VD) {
    if (const Expr *Init = VD->getInit()) {
      F.VarDefs[VD].push_back(Init);
      // Aggregate init of a version-info struct: { sizeof(o), 6, 0, 6002 }.
      if (auto *IL = dyn_cast<InitListExpr>(Init->IgnoreImplicit()))
        if (const RecordDecl *RD = VD->getType()->getAsRecordDecl()) {
          unsigned I = 0;
          for (const FieldDecl *FD : RD->fields()) {
            if (I >= IL->getNumInits())
              break;
            const Expr *Elt = IL->getInit(I++);
            if (!isa<ImplicitValueInitExpr>(Elt))
              F.StructFieldDefs[{VD, FD}] = Elt;
          }
        }
    }
    return true;
  }
  bool VisitFieldDecl(FieldDecl *FD) {
    if (const Expr *Init = FD->getInClassInitializer())
      F.FieldDefs[FD].push_back(Init);
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *B) {
    if (!B->isAssignmentOp())
      return true;
    const Expr *L = B->getLHS()->IgnoreParenImpCasts();
    bool Plain = B->getOpcode() == BO_Assign;
    if (auto *D = dyn_cast<DeclRefExpr>(L)) {
      if (auto *VD = dyn_cast<VarDecl>(D->getDecl())) {
        // `build = value` for a reference parameter: an out-parameter.
        if (auto *P = dyn_cast<ParmVarDecl>(VD);
            P && Plain && P->getType()->isLValueReferenceType() &&
            !P->getType().getNonReferenceType().isConstQualified())
          F.OutParamDefs[P].push_back(B->getRHS());
        bool Update = !Plain || updatesItself(VD, B->getRHS());
        if (Update && !inLoop(B))
          F.Updates[VD].push_back(B);
        else if (Update)
          F.Clobbered.insert(VD);
        else
          F.VarDefs[VD].push_back(B->getRHS());
      }
    } else if (auto *M = dyn_cast<MemberExpr>(L)) {
      if (auto *FD = dyn_cast<FieldDecl>(M->getMemberDecl())) {
        if (Plain) {
          F.FieldDefs[FD].push_back(B->getRHS());
          const Expr *Base = M->getBase()->IgnoreParenImpCasts();
          if (auto *D = dyn_cast<DeclRefExpr>(Base))
            if (auto *VD = dyn_cast<VarDecl>(D->getDecl()))
              F.StructFieldDefs[{VD, FD}] = B->getRHS();
        }
      }
    } else if (auto *U = dyn_cast<UnaryOperator>(L)) {
      // *out = value, for a pointer parameter.
      if (U->getOpcode() == UO_Deref)
        if (auto *D =
                dyn_cast<DeclRefExpr>(U->getSubExpr()->IgnoreParenImpCasts()))
          if (auto *P = dyn_cast<ParmVarDecl>(D->getDecl())) {
            // `*build &= 0x0FFFFFFF`, `*build = *build & mask`: an update
            // of what was stored there (by an API, say).
            bool Update = !Plain;
            if (auto *R = dyn_cast<BinaryOperator>(
                    B->getRHS()->IgnoreParenImpCasts());
                Plain && R && !R->isComparisonOp() && !R->isLogicalOp() &&
                !R->isAssignmentOp())
              if (auto *RU = dyn_cast<UnaryOperator>(
                      R->getLHS()->IgnoreParenImpCasts());
                  RU && RU->getOpcode() == UO_Deref)
                if (auto *RD = dyn_cast<DeclRefExpr>(
                        RU->getSubExpr()->IgnoreParenImpCasts()))
                  Update = RD->getDecl() == P;
            if (Update && !inLoop(B))
              F.Updates[P].push_back(B);
            else if (Update)
              F.Clobbered.insert(P);
            else
              F.OutParamDefs[P].push_back(B->getRHS());
          }
    }
    return true;
  }
  /// `b = b & mask`: an update of b written as an assignment.
  static bool updatesItself(const VarDecl *VD, const Expr *RHS) {
    auto *R = dyn_cast<BinaryOperator>(RHS->IgnoreParenImpCasts());
    if (!R || R->isComparisonOp() || R->isLogicalOp() || R->isAssignmentOp())
      return false;
    auto *D = dyn_cast<DeclRefExpr>(R->getLHS()->IgnoreParenImpCasts());
    return D && D->getDecl() == VD;
  }
  /// Inside a loop's body or condition (an update there may reach a read
  /// written before it).
  bool inLoop(const Stmt *S) {
    for (int Steps = 0; Steps < 256; ++Steps) {
      auto Parents = Ctx.getParents(*S);
      if (Parents.empty())
        return false;
      if (Parents[0].get<ForStmt>() || Parents[0].get<WhileStmt>() ||
          Parents[0].get<DoStmt>() || Parents[0].get<CXXForRangeStmt>())
        return true;
      if (Parents[0].get<Decl>())
        return false;
      S = Parents[0].get<Stmt>();
      if (!S)
        return false;
    }
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *U) {
    if (U->isIncrementDecrementOp())
      if (auto *D =
              dyn_cast<DeclRefExpr>(U->getSubExpr()->IgnoreParenImpCasts()))
        if (auto *VD = dyn_cast<VarDecl>(D->getDecl()))
          F.Clobbered.insert(VD);
    return true;
  }
  bool VisitReturnStmt(ReturnStmt *R) {
    if (Cur && R->getRetValue())
      F.Returns[Cur].push_back(R->getRetValue());
    return true;
  }
  bool VisitCallExpr(CallExpr *CE) {
    // A member a call writes through (`ReadCvString(L"CurrentVersion",
    // m_version, 16)`, `&m_build`): what it holds is not what its name says.
    for (const Expr *A : CE->arguments()) {
      const Expr *X = A->IgnoreParenImpCasts();
      if (auto *U = dyn_cast<UnaryOperator>(X);
          U && U->getOpcode() == UO_AddrOf)
        X = U->getSubExpr()->IgnoreParenImpCasts();
      else if (!X->getType()->isArrayType() &&
               !A->IgnoreParens()->getType()->isPointerType())
        continue;
      if (auto *ME = dyn_cast<MemberExpr>(X))
        if (auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl()))
          F.FieldsWrittenByCalls.insert(FD);
    }
    // `out = buf;` / `out.assign(buf)` for a `std::wstring &out` parameter:
    // an out-parameter, as `*out = value` is for a pointer.
    const Expr *Target = nullptr, *Stored = nullptr;
    if (auto *OC = dyn_cast<CXXOperatorCallExpr>(CE);
        OC && OC->getOperator() == OO_Equal && OC->getNumArgs() == 2) {
      Target = OC->getArg(0);
      Stored = OC->getArg(1);
    } else if (auto *MC = dyn_cast<CXXMemberCallExpr>(CE);
               MC && MC->getMethodDecl() &&
               MC->getMethodDecl()->getIdentifier() &&
               MC->getMethodDecl()->getName() == "assign" &&
               MC->getNumArgs() == 1) {
      Target = MC->getImplicitObjectArgument();
      Stored = MC->getArg(0);
    }
    if (Target)
      if (auto *D = dyn_cast<DeclRefExpr>(Target->IgnoreParenImpCasts())) {
        if (auto *P = dyn_cast<ParmVarDecl>(D->getDecl());
            P && P->getType()->isLValueReferenceType() &&
            !P->getType().getNonReferenceType().isConstQualified())
          F.OutParamDefs[P].push_back(Stored);
        // `out = buf;` for a local string object: a definition, as `=` is
        // for a scalar.
        else if (auto *VD = dyn_cast<VarDecl>(D->getDecl());
                 VD && !isa<ParmVarDecl>(VD) && VD->hasLocalStorage() &&
                 !VD->getType()->isReferenceType()) {
          if (inLoop(CE))
            F.Clobbered.insert(VD);
          else
            F.VarDefs[VD].push_back(Stored);
        }
      }
    // `m_labEx = buf;` for a string member: a store into the field, as `=`
    // is for a scalar one.
    if (Target)
      if (auto *M = dyn_cast<MemberExpr>(Target->IgnoreParenImpCasts()))
        if (auto *FD = dyn_cast<FieldDecl>(M->getMemberDecl()))
          F.FieldDefs[FD].push_back(Stored);
    changesObject(CE);
    if (const FunctionDecl *FD = CE->getDirectCallee())
      if (FD->isDefined() && !isSystem(Ctx, FD->getLocation()))
        F.Calls[FD->getCanonicalDecl()].push_back(CE);
    outParams(Ctx, CE, F);
    if (auto *Op = dyn_cast<CXXOperatorCallExpr>(CE))
      streamInsertion(Op);
    return true;
  }

private:
  ASTContext &Ctx;
  Facts &F;
  /// `s += x`, `s.append(x)`, `s.insert(...)` ... on a local object: a
  /// change verguard does not follow.
  void changesObject(const CallExpr *CE) {
    const Expr *Object = nullptr;
    if (auto *OC = dyn_cast<CXXOperatorCallExpr>(CE)) {
      if (OC->isAssignmentOp() && OC->getOperator() != OO_Equal &&
          OC->getNumArgs() >= 1)
        Object = OC->getArg(0);
    } else if (auto *MC = dyn_cast<CXXMemberCallExpr>(CE)) {
      const CXXMethodDecl *MD = MC->getMethodDecl();
      static const char *Changes[] = {
          "append",       "insert",    "erase",    "replace", "clear",
          "resize",       "push_back", "pop_back", "swap",    "Append",
          "Insert",       "Delete",    "Replace",  "Empty",   "Format",
          "AppendFormat", "SetString", "Truncate"};
      if (MD && !MD->isConst() && MD->getIdentifier() &&
          (llvm::is_contained(Changes, MD->getName()) ||
           (MD->getName() == "assign" && MC->getNumArgs() != 1)))
        Object = MC->getImplicitObjectArgument();
    }
    if (!Object)
      return;
    if (auto *D = dyn_cast<DeclRefExpr>(Object->IgnoreParenImpCasts()))
      if (auto *VD = dyn_cast<VarDecl>(D->getDecl()))
        F.Clobbered.insert(VD);
  }
  /// The inner calls of a `<<` chain already recorded with the outer one.
  llvm::DenseSet<const Expr *> InChain;

  /// `os << a << b` on a std::[w|o]stringstream variable: a and b, in order.
  void streamInsertion(const CXXOperatorCallExpr *Op) {
    if (Op->getOperator() != OO_LessLess || InChain.count(Op))
      return;
    std::vector<const Expr *> Items;
    const Expr *Base = Op;
    while (auto *C = dyn_cast<CXXOperatorCallExpr>(Base->IgnoreImplicit())) {
      if (C->getOperator() != OO_LessLess || C->getNumArgs() != 2)
        return;
      InChain.insert(C);
      Items.push_back(C->getArg(1));
      Base = C->getArg(0)->IgnoreImplicit();
    }
    auto *DR = dyn_cast<DeclRefExpr>(Base->IgnoreParenImpCasts());
    auto *VD = DR ? dyn_cast<VarDecl>(DR->getDecl()) : nullptr;
    const CXXRecordDecl *RD =
        VD ? VD->getType()->getAsCXXRecordDecl() : nullptr;
    if (!RD || !RD->getName().contains("stringstream"))
      return;
    auto &Into = F.StreamDefs[VD];
    Into.insert(Into.end(), Items.rbegin(), Items.rend());
  }
  const FunctionDecl *Cur = nullptr;
};

/// A value that is the OS build on every known profile.
bool isTheBuild(const core::Expr &V) {
  return core::sameOnEveryProfile(
      V, *core::quantity(Quantity::Build, "the build"));
}

/// A same-TU function that stores a version value through an out-parameter:
/// `void GetBuild(DWORD *out) { ...; *out = osvi.dwBuildNumber; }` defines
/// the variable passed at each call. Resolved after collection.
void userOutParams(ASTContext &Ctx, Facts &F,
                   const core::FrontendOptions &Opts) {
  auto IsParam = [](const auto &D) { return isa<ParmVarDecl>(D.first); };
  if (F.OutParamDefs.empty() && llvm::none_of(F.OutDefs, IsParam) &&
      llvm::none_of(F.RegistryDefs, IsParam) &&
      llvm::none_of(F.FormatDefs, IsParam))
    return;
  struct CallFinder : RecursiveASTVisitor<CallFinder> {
    ASTContext &Ctx;
    Facts &F;
    const core::FrontendOptions &Opts;
    CallFinder(ASTContext &C, Facts &F, const core::FrontendOptions &O)
        : Ctx(C), F(F), Opts(O) {}
    bool TraverseDecl(Decl *D) {
      if (D && !isa<TranslationUnitDecl>(D) && isSystem(Ctx, D->getLocation()))
        return true;
      return RecursiveASTVisitor::TraverseDecl(D);
    }
    bool VisitCallExpr(CallExpr *CE) {
      const FunctionDecl *FD = CE->getDirectCallee();
      if (!FD)
        return true;
      if (const FunctionDecl *Def = FD->getDefinition())
        FD = Def;
      // What the callee stores through each out-parameter of this call.
      std::vector<std::pair<const VarDecl *, ExprPtr>> Outs;
      std::vector<std::pair<const FieldDecl *, ExprPtr>> FieldOuts;
      // Locals the call writes into, known or not.
      std::vector<const VarDecl *> Touched;
      for (unsigned I = 0; I < FD->getNumParams() && I < CE->getNumArgs();
           ++I) {
        const ParmVarDecl *Param = FD->getParamDecl(I);
        bool Pointer = Param->getType()->isPointerType();
        // What the helper stores through the parameter; what an API writes
        // through it (`RegGetValueW(..., L"UBR", ..., ubr, &cb)` in the
        // helper); a registry value the API writes there whose name is
        // another parameter (`QueryCurrentVersion(L"CurrentBuildNumber",
        // buf, sizeof(buf))`: this call's value name).
        auto It = F.OutParamDefs.find(Param);
        auto Api = Pointer ? F.OutDefs.find(Param) : F.OutDefs.end();
        auto Reg = Pointer ? F.RegistryDefs.find(Param) : F.RegistryDefs.end();
        auto Fmt = Pointer ? F.FormatDefs.find(Param) : F.FormatDefs.end();
        if (It == F.OutParamDefs.end() && Api == F.OutDefs.end() &&
            Reg == F.RegistryDefs.end() && Fmt == F.FormatDefs.end())
          continue;
        const VarDecl *Target = pointee(CE->getArg(I));
        Lowerer L(Ctx, F, Opts);
        // The registry value this call names, read into the helper's buffer.
        auto RegistryAtCall = [&]() -> ExprPtr {
          ExprPtr Name = L.valueAtCall(
              Reg->second.first->getArg(Reg->second.second), FD, CE);
          return Name->Kind == Op::StrConst
                     ? valueNamed(calleeName(Reg->second.first), Name->Str)
                     : nullptr;
        };
        // `ReadRegDword(..., L"UBR", &g_host.ubr)`: a struct member, through
        // any object of its type.
        const FieldDecl *Member =
            Target ? nullptr : fieldPointee(CE->getArg(I));
        if (Member && Reg != F.RegistryDefs.end() &&
            !F.FieldOutDefs.count(Member)) {
          if (ExprPtr Q = RegistryAtCall())
            FieldOuts.push_back({Member, Q});
          continue;
        }
        // `ParseLabEx(m_labEx, &m_build, &m_rev)`: a member the helper
        // stores into, through any object of its type, as a variable. A
        // local written by an earlier call too is read where it is used
        // (Facts::OutDefsAt).
        bool Local = Target && Facts::plainLocal(Target);
        if (Target ? F.OutDefs.count(Target) > 0 && !Local
                   : !Member || F.FieldOutDefs.count(Member) > 0)
          continue;
        if (Local)
          Touched.push_back(Target);
        auto Put = [&](ExprPtr X) {
          if (Target)
            Outs.push_back({Target, std::move(X)});
          else
            FieldOuts.push_back({Member, std::move(X)});
        };
        // `swprintf(buf, cch, L"%lu.%lu.%lu", ...)` in the helper: the text
        // this call's buffer receives.
        if (Fmt != F.FormatDefs.end()) {
          ExprPtr X =
              L.formattedAtCall(Fmt->second.first, Fmt->second.second, FD, CE);
          if (core::dependsOnVersion(*X) && !F.Clobbered.count(Param))
            Put(X);
          continue;
        }
        if (Reg != F.RegistryDefs.end()) {
          if (ExprPtr Q = RegistryAtCall())
            Put(Q);
          continue;
        }
        // Every store must give the same version value, but for a default
        // stored first or on failure (`*build = 0; if (GetVersionExW(&vi))
        // *build = vi.dwBuildNumber;`).
        ExprPtr V;
        bool Agree = true;
        if (Api != F.OutDefs.end() && core::dependsOnVersion(*Api->second))
          V = Api->second;
        if (It != F.OutParamDefs.end())
          for (const Expr *D : It->second) {
            // Read at this call: a value name the helper was given
            // (`Rd(L"CurrentBuildNumber", s)`) is this call's.
            ExprPtr X = L.valueAtCall(D, FD, CE);
            if (!core::dependsOnVersion(*X))
              Agree = Agree && core::isErrorDefault(*X);
            else if (!V)
              V = X;
            else
              Agree = Agree && sameValue(V, X);
          }
        if (V && Agree && !F.Clobbered.count(Param))
          Put(L.withUpdatesBefore(Param, V, FD->getEndLoc()));
      }
      // A revision's build spelling was written in the callee's scope
      // (`HIWORD(ffi->dwFileVersionLS)`): here the build is the variable
      // the same call filled with it, if any; else no spelling at all.
      for (const VarDecl *T : Touched)
        if (llvm::none_of(Outs, [&](const auto &O) { return O.first == T; }))
          Outs.push_back({T, nullptr});
      std::optional<std::string> BuildVar;
      for (const auto &[Target, V] : Outs)
        if (V && isTheBuild(*V))
          BuildVar = Target->getName().str();
      for (auto &[Target, V] : Outs) {
        if (V)
          V = core::respellSiblings(V, Quantity::Build, BuildVar);
        F.wroteByCall(Target, CE->getBeginLoc(), V);
        if (V && !F.OutDefs.count(Target))
          F.OutDefs[Target] = V;
      }
      for (auto &[Member, V] : FieldOuts)
        F.FieldOutDefs[Member] = V;
      return true;
    }
  } Finder(Ctx, F, Opts);
  Finder.TraverseAST(Ctx);
}

} // namespace

/// `isBuild(6002)` of a lambda: a call of its closure's operator(), whose
/// first argument is the closure object.
bool isLambdaCall(const CallExpr *CE) {
  auto *OC = dyn_cast<CXXOperatorCallExpr>(CE);
  auto *MD =
      OC ? dyn_cast_or_null<CXXMethodDecl>(OC->getDirectCallee()) : nullptr;
  return MD && OC->getOperator() == OO_Call && MD->getParent()->isLambda();
}

void collectFacts(ASTContext &Ctx, Facts &F,
                  const core::FrontendOptions &Opts) {
  FactCollector C(Ctx, F);
  C.TraverseAST(Ctx);
  userOutParams(Ctx, F, Opts);
}

// --- values ---------------------------------------------------------------

ExprPtr Lowerer::value(const Expr *E) {
  if (!E || Depth >= MaxDepth)
    return core::unknown();
  ++Depth;
  ExprPtr R = valueImpl(E);
  --Depth;
  if (R && R->Kind != core::Op::Unknown)
    return R;
  // A variable whose value is not known keeps its text: the builds it is
  // compared with may tell what it is (core::SiblingBuilds).
  if (auto *D = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
    if (isa<VarDecl>(D->getDecl()) && !(R && R->Written.valid()))
      return core::writtenAt(core::unknown(),
                             spelling(Ctx, D->getSourceRange()));
  return R ? R : core::unknown();
}

ExprPtr Lowerer::cond(const Expr *E) {
  if (!E || Depth >= MaxDepth)
    return core::unknown();
  ++Depth;
  ExprPtr R = condImpl(E);
  --Depth;
  return R ? R : core::unknown();
}

/// `std::optional<T>` (or a reference to one).
static bool isStdOptional(QualType T) {
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD && RD->isInStdNamespace() && RD->getIdentifier() &&
         RD->getName() == "optional";
}

bool Lowerer::isStringType(QualType T) const {
  T = T.getNonReferenceType();
  if (T->isPointerType() || T->isArrayType()) {
    QualType P = T->isPointerType()
                     ? T->getPointeeType()
                     : QualType(T->getArrayElementTypeNoTypeQual(), 0);
    return P->isAnyCharacterType() || P->isWideCharType() ||
           P->isChar16Type() || P->isSpecificBuiltinType(BuiltinType::UShort);
  }
  if (const RecordDecl *RD = T->getAsRecordDecl()) {
    llvm::StringRef N = RD->getName();
    return N == "basic_string" || N == "basic_string_view" ||
           N.contains("CStringT") || N == "CString" || N == "_bstr_t";
  }
  return false;
}

core::Spelling Lowerer::atomSpelling(const Expr *E) const {
  return cpp::atomSpelling(
      Ctx, E, [this](const CallExpr *CE) { return computesOnly(CE); });
}

bool Lowerer::computesOnly(const CallExpr *CE) const {
  if (auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
    return MC->getImplicitObjectArgument() &&
           isStringType(MC->getImplicitObjectArgument()->getType());
  return stringFunction(calleeName(CE)).Kind != StrFn::None;
}

ExprPtr Lowerer::respell(ExprPtr V, const Expr *Use) {
  if (!V || !V->isConst())
    return V;
  return core::respelled(*V, spelling(Ctx, Use->getSourceRange()));
}

ExprPtr Lowerer::valueImpl(const Expr *E) {
  E = E->IgnoreParens();
  if (E->isValueDependent() || E->isTypeDependent() || E->containsErrors())
    return core::unknown();
  // Integer constants, including macros, enums and constexpr.
  if (E->getType()->isIntegralOrEnumerationType() &&
      !E->getType()->isBooleanType() && !isa<CallExpr>(strip(E))) {
    Expr::EvalResult R;
    if (E->EvaluateAsInt(R, Ctx)) {
      llvm::APSInt V = R.Val.getInt();
      // An unsigned value with the top bit set keeps its bits: the 64-bit
      // kernel's 0xFFFFF78000000260 (an address of the source table), and
      // size_t(-1) (std::string::npos) is -1.
      int64_t I = V.getActiveBits() > 64 ? -1
                  : V.isUnsigned() && V.getActiveBits() > 63
                      ? int64_t(V.getZExtValue())
                      : V.getExtValue();
      auto C =
          core::clone(*core::intConst(I, spelling(Ctx, E->getSourceRange())));
      C->DefinedAt = definitionSpan(Ctx, E);
      return C;
    }
  }
  if (auto *S = dyn_cast<StringLiteral>(E))
    return core::strConst(literalUtf8(S), spelling(Ctx, E->getSourceRange()));
  // `return false;` on failure beside `return os.Build() <= limit;`.
  if (auto *B = dyn_cast<CXXBoolLiteralExpr>(E))
    return core::boolConst(B->getValue());
  if (isa<PredefinedExpr>(E))
    return core::unknown();
  if (auto *C = dyn_cast<CastExpr>(E)) {
    const Expr *Sub = C->getSubExpr();
    if (C->getCastKind() == CK_IntegralToBoolean ||
        C->getCastKind() == CK_PointerToBoolean)
      return cond(E);
    ExprPtr V = value(Sub);
    QualType To = C->getType();
    if (To->isIntegerType() && Sub->getType()->isIntegerType()) {
      uint64_t W = Ctx.getTypeSize(To);
      if (W < 32 && W > 0)
        return core::binary(Op::BitAnd, V, core::intConst((1ull << W) - 1));
    }
    return V;
  }
  if (auto *FE = dyn_cast<FullExpr>(E))
    return value(FE->getSubExpr());
  if (auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
    return value(M->getSubExpr());
  if (auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
    return value(B->getSubExpr());
  if (auto *D = dyn_cast<CXXDefaultArgExpr>(E))
    return value(D->getExpr());
  if (auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    const CXXRecordDecl *RD = CE->getConstructor()->getParent();
    llvm::StringRef N = RD->getName();
    // `return std::wstring();`: an empty string.
    if ((CE->getNumArgs() == 0 || isa<CXXDefaultArgExpr>(CE->getArg(0))) &&
        (N == "basic_string" || N.contains("CString")))
      return core::strConst("");
    // `std::optional<DWORD>`: its value; empty (`std::nullopt`, `{}`) is
    // an error return's value.
    if (N == "optional" && RD->isInStdNamespace()) {
      if (CE->getNumArgs() == 0)
        return core::intConst(0);
      const Expr *A = CE->getArg(0)->IgnoreImplicit();
      if (const auto *T = A->getType()->getAsCXXRecordDecl();
          T && T->getIdentifier() && T->getName() == "nullopt_t")
        return core::intConst(0);
      return value(CE->getArg(0));
    }
    if (CE->getNumArgs() >= 1 && !isa<CXXDefaultArgExpr>(CE->getArg(0))) {
      if (CE->getConstructor()->isCopyOrMoveConstructor() ||
          N == "basic_string" || N == "basic_string_view" ||
          N == "basic_regex" || N.contains("CString") || N == "_bstr_t")
        return value(CE->getArg(0));
    }
    return core::unknown();
  }
  if (auto *D = dyn_cast<DeclRefExpr>(E)) {
    if (auto *VD = dyn_cast<VarDecl>(D->getDecl()))
      return varValue(VD, E);
    return core::unknown();
  }
  if (auto *M = dyn_cast<MemberExpr>(E))
    return memberValue(M);
  if (auto *MC = dyn_cast<CXXMemberCallExpr>(E))
    return methodValue(MC);
  if (auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (comparisonOf(OC->getOperator()))
      return cond(E);
    switch (OC->getOperator()) {
    case OO_Exclaim:
    case OO_AmpAmp:
    case OO_PipePipe:
      return cond(E);
    case OO_Plus:
      if (OC->getNumArgs() == 2 && isStringType(OC->getType()))
        return core::nary(Op::Concat,
                          {value(OC->getArg(0)), value(OC->getArg(1))});
      return core::unknown();
    case OO_Equal:
      return OC->getNumArgs() == 2 ? value(OC->getArg(1)) : core::unknown();
    case OO_Star:
      // `*b` of a `std::optional<DWORD>`: its value.
      if (OC->getNumArgs() == 1 && isStdOptional(OC->getArg(0)->getType()))
        return value(OC->getArg(0));
      return core::unknown();
    case OO_Call:
      if (isLambdaCall(OC))
        return callValue(OC); // `isBuild(6002)`: the lambda's body
      return core::unknown();
    default:
      return core::unknown();
    }
  }
  if (auto *CE = dyn_cast<CallExpr>(E))
    return callValue(CE);
  if (auto *CO = dyn_cast<ConditionalOperator>(E))
    return core::nary(Op::Choose,
                      {cond(CO->getCond()), value(CO->getTrueExpr()),
                       value(CO->getFalseExpr())});
  if (auto *B = dyn_cast<BinaryOperator>(E)) {
    if (B->isComparisonOp() || B->isLogicalOp())
      return cond(E);
    if (B->getOpcode() == BO_Comma)
      return value(B->getRHS());
    if (B->getOpcode() == BO_Assign)
      return value(B->getRHS());
    std::optional<Op> K = arithmetic(B->getOpcode());
    if (!K)
      return core::unknown();
    return core::binary(*K, value(B->getLHS()), value(B->getRHS()));
  }
  if (auto *U = dyn_cast<UnaryOperator>(E)) {
    switch (U->getOpcode()) {
    case UO_Deref:
      return dereference(U);
    case UO_AddrOf:
    case UO_Plus:
      return value(U->getSubExpr());
    case UO_Minus:
      return core::unary(Op::Neg, value(U->getSubExpr()));
    case UO_Not:
      return core::unary(Op::BitNot, value(U->getSubExpr()));
    case UO_LNot:
      return cond(E);
    default:
      return core::unknown();
    }
  }
  return core::unknown();
}

ExprPtr Lowerer::dereference(const UnaryOperator *U) {
  const Expr *Ptr = U->getSubExpr();
  ExprPtr V = value(Ptr);
  if (V->Kind != Op::IntConst || !Ptr->getType()->isPointerType())
    return V;
  // A pointer made from a number: a fixed address of the source table
  // (`*(volatile ULONG *)0x7FFE0260`, `*(PULONG)(0x7FFE0000 + 0x260)`).
  const core::AddressEntry *A =
      core::builtinSources().address(uint64_t(V->Int));
  if (!A)
    return V; // `*&k` of a constant k: the pointer's value is k's
  ExprPtr Q = core::quantity(A->Q, A->Name);
  // A narrower read (`*(USHORT *)0x7FFE0260`) holds the low bytes.
  QualType T = U->getType();
  uint64_t W = T->isIntegerType() ? Ctx.getTypeSize(T) : 0;
  if (W > 0 && W < 32)
    return core::binary(Op::BitAnd, Q, core::intConst((1ll << W) - 1));
  return Q;
}

ExprPtr Lowerer::definitions(const std::vector<const Expr *> &Defs,
                             const Expr *Use) {
  // One meaningful definition (ignoring zero/empty initialization before the
  // real assignment), or several that all lower to the same value.
  ExprPtr Found;
  for (const Expr *D : Defs) {
    const Expr *S = D->IgnoreParenImpCasts();
    if (auto *IL = dyn_cast<InitListExpr>(S))
      if (IL->getNumInits() <= 1 && Defs.size() > 1)
        continue;
    ExprPtr V = value(D);
    if (V->Kind == Op::Unknown && Defs.size() > 1)
      return core::unknown();
    if (V->Kind == Op::IntConst && V->Int == 0 && Defs.size() > 1)
      continue; // DWORD build = 0; ... build = osvi.dwBuildNumber;
    if (V->Kind == Op::StrConst && V->Str.empty() && Defs.size() > 1)
      continue; // std::wstring out; ... out = vt.bstrVal;
    if (!Found)
      Found = V;
    else if (!sameValue(Found, V))
      return core::unknown();
  }
  return Found ? respell(Found, Use) : nullptr;
}

ExprPtr Lowerer::writtenByCallBefore(const VarDecl *VD, const Expr *Use) {
  auto It = F.OutDefsAt.find(VD);
  if (!Use || It == F.OutDefsAt.end() || It->second.size() < 2)
    return nullptr;
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation At = SM.getExpansionLoc(Use->getBeginLoc());
  const std::pair<SourceLocation, ExprPtr> *Last = nullptr;
  for (const auto &W : It->second) {
    SourceLocation L = SM.getExpansionLoc(W.first);
    if (SM.isBeforeInTranslationUnit(L, At) &&
        (!Last ||
         SM.isBeforeInTranslationUnit(SM.getExpansionLoc(Last->first), L)))
      Last = &W;
  }
  if (!Last)
    return nullptr;
  return Last->second ? Last->second : core::unknown();
}

ExprPtr Lowerer::varValue(const VarDecl *VD, const Expr *Use) {
  if (!Visiting.insert(VD).second)
    return core::unknown();
  struct Leave {
    llvm::DenseSet<const void *> &S;
    const void *K;
    ~Leave() { S.erase(K); }
  } L{Visiting, VD};
  // A parameter of the callee being read: the argument of its call, read in
  // the caller's own frame. Not when the callee assigns it.
  if (auto *PV = dyn_cast<ParmVarDecl>(VD);
      PV && !Frames.empty() && !F.VarDefs.count(VD) && !F.Clobbered.count(VD) &&
      Frames.back().first == PV->getDeclContext() &&
      PV->getFunctionScopeIndex() + isLambdaCall(Frames.back().second) <
          Frames.back().second->getNumArgs()) {
    auto Frame = Frames.back();
    Frames.pop_back();
    ExprPtr V = value(Frame.second->getArg(PV->getFunctionScopeIndex() +
                                           isLambdaCall(Frame.second)));
    Frames.push_back(Frame);
    ++ArgumentReads;
    return V;
  }
  // A parameter read in its own function: what its callers pass, if they
  // pass a version value (`Pick(vi.dwBuildNumber)` with `if (b == 6002)`
  // inside Pick).
  if (auto *PV = dyn_cast<ParmVarDecl>(VD);
      PV && Frames.empty() && !F.VarDefs.count(VD) && !F.Clobbered.count(VD) &&
      !F.Updates.count(VD))
    if (ExprPtr A = callerArgument(PV))
      return A;
  // What an API wrote, with the updates after it (`build &= 0x0FFFFFFF`
  // after RtlGetNtVersionNumbers).
  if (ExprPtr At = writtenByCallBefore(VD, Use))
    return F.Clobbered.count(VD) ? core::unknown() : withUpdates(VD, At, Use);
  auto Out = F.OutDefs.find(VD);
  if (Out != F.OutDefs.end())
    return F.Clobbered.count(VD) ? core::unknown()
                                 : withUpdates(VD, Out->second, Use);
  auto Fmt = F.FormatDefs.find(VD);
  if (Fmt != F.FormatDefs.end())
    return formatted(Fmt->second.first, Fmt->second.second);
  if (auto Copy = F.CopyDefs.find(VD); Copy != F.CopyDefs.end())
    return F.Clobbered.count(VD) ? core::unknown() : value(Copy->second);
  auto Scan = F.ScanDefs.find(VD);
  if (Scan != F.ScanDefs.end())
    return F.Clobbered.count(VD)
               ? core::unknown()
               : withUpdates(
                     VD, scanned(Scan->second.first, Scan->second.second), Use);
  auto Reg = F.RegistryDefs.find(VD);
  if (Reg != F.RegistryDefs.end()) {
    // `ReadDword(L"UBR", 0)`: the value name is this call's argument.
    ExprPtr Name = value(Reg->second.first->getArg(Reg->second.second));
    if (Name->Kind != Op::StrConst)
      return core::unknown();
    if (ExprPtr Q = valueNamed(calleeName(Reg->second.first), Name->Str))
      return Q;
    return core::unknown();
  }
  if (F.Clobbered.count(VD))
    return core::unknown();
  auto It = F.VarDefs.find(VD);
  if (It != F.VarDefs.end()) {
    if (ExprPtr V = definitions(It->second, Use))
      if (V->Kind != Op::Unknown)
        return withUpdates(VD, V, Use);
  }
  // A kernel variable of the source table (`*NtBuildNumber & 0xFFFF`).
  if (VD->hasGlobalStorage() && It == F.VarDefs.end())
    if (const core::VariableEntry *V =
            core::builtinSources().variable(VD->getName())) {
      ExprPtr Q = core::quantity(V->Q, VD->getName().str());
      return withHighBits(std::move(Q), V->HighBits);
    }
  // Parameters and externs with a telling name: inferred provenance.
  if ((isa<ParmVarDecl>(VD) || It == F.VarDefs.end()) &&
      VD->getType()->isIntegerType())
    if (auto Q = inferredQuantity(VD->getName()))
      return core::quantity(*Q, "variable named " + VD->getName().str(),
                            /*Inferred=*/true);
  return core::unknown();
}

ExprPtr Lowerer::callerArgument(const ParmVarDecl *PV) {
  if (auto Known = CallerArgumentOf.find(PV); Known != CallerArgumentOf.end())
    return Known->second;
  auto Find = [&]() -> ExprPtr {
    const auto *FD = dyn_cast<FunctionDecl>(PV->getDeclContext());
    // A pointer is an out-parameter, but for text the helper only reads
    // (`const char *pszVer`, `LPCWSTR`).
    QualType PT = PV->getType();
    bool ConstText = PT->isPointerType() &&
                     PT->getPointeeType().isConstQualified() &&
                     isStringType(PT);
    if (!FD || (PT->isPointerType() && !ConstText) ||
        (PV->getType()->isReferenceType() &&
         !PV->getType().getNonReferenceType().isConstQualified()))
      return nullptr;
    auto It = F.Calls.find(FD->getCanonicalDecl());
    if (It == F.Calls.end())
      return nullptr;
    unsigned I = PV->getFunctionScopeIndex();
    core::CallerArguments Callers;
    for (const CallExpr *CE : It->second) {
      unsigned A = I + (isa<CXXOperatorCallExpr>(CE) && isLambdaCall(CE));
      if (A < CE->getNumArgs())
        Callers.note("", I, value(CE->getArg(A)));
    }
    ExprPtr Found = Callers.bound("", I);
    // Spelled at the call, not here: a fix edits only what the helper says.
    return Found ? core::keepSpellingsWithin(
                       Found, fileSpan(Ctx, FD->getSourceRange()))
                 : nullptr;
  };
  // Found before it is stored: lowering the arguments may ask for others.
  ExprPtr R = Find();
  CallerArgumentOf[PV] = R;
  return R;
}

/// V with the in-place updates of VD written before Use applied in order
/// (`b &= 0x0FFFFFFF` after `DWORD b = ...`).
ExprPtr Lowerer::withUpdates(const VarDecl *VD, ExprPtr V, const Expr *Use) {
  return Use ? withUpdatesBefore(VD, std::move(V), Use->getBeginLoc()) : V;
}

ExprPtr Lowerer::withUpdatesBefore(const VarDecl *VD, ExprPtr V,
                                   SourceLocation Before) {
  auto It = F.Updates.find(VD);
  if (It == F.Updates.end())
    return V;
  const SourceManager &SM = Ctx.getSourceManager();
  for (const BinaryOperator *U : It->second) {
    if (!SM.isBeforeInTranslationUnit(U->getEndLoc(), Before))
      continue;
    // `b op= e`, or `b = b op e`.
    BinaryOperatorKind K = U->getOpcode();
    const Expr *Operand = U->getRHS();
    if (K == BO_Assign) {
      auto *R = cast<BinaryOperator>(U->getRHS()->IgnoreParenImpCasts());
      K = R->getOpcode();
      Operand = R->getRHS();
    } else {
      K = BinaryOperator::getOpForCompoundAssignment(K);
    }
    std::optional<Op> O = arithmetic(K);
    if (!O)
      return core::unknown();
    V = core::binary(*O, V, value(Operand));
  }
  return V;
}

/// The text a printf-style call produces: literal pieces, and %d/%u/%i/%s
/// conversions of the arguments (anything else makes it unknown).
ExprPtr Lowerer::formatted(const CallExpr *CE, unsigned FmtArg) {
  auto *Lit = dyn_cast<StringLiteral>(CE->getArg(FmtArg)->IgnoreParenCasts());
  if (!Lit)
    return core::unknown();
  std::string Fmt = literalUtf8(Lit);
  std::vector<ExprPtr> Parts;
  std::string Text;
  unsigned Arg = FmtArg + 1;
  for (size_t I = 0; I < Fmt.size(); ++I) {
    if (Fmt[I] != '%') {
      Text += Fmt[I];
      continue;
    }
    if (I + 1 < Fmt.size() && Fmt[I + 1] == '%') {
      Text += '%';
      ++I;
      continue;
    }
    size_t J = I + 1;
    while (J < Fmt.size() &&
           llvm::StringRef("-+ #0123456789.").contains(Fmt[J]))
      ++J;
    while (J < Fmt.size() && llvm::StringRef("hlLzjtIw").contains(Fmt[J]))
      ++J;
    if (J >= Fmt.size() || Arg >= CE->getNumArgs())
      return core::unknown();
    char Conv = Fmt[J];
    if (!Text.empty())
      Parts.push_back(core::strConst(Text));
    Text.clear();
    ExprPtr V = value(CE->getArg(Arg++));
    if (Conv == 'd' || Conv == 'u' || Conv == 'i')
      Parts.push_back(core::unary(Op::ToStr, V));
    else if (Conv == 's' || Conv == 'S')
      Parts.push_back(V);
    else
      return core::unknown();
    I = J;
  }
  if (!Text.empty())
    Parts.push_back(core::strConst(Text));
  return core::nary(Op::Concat, std::move(Parts));
}

/// The number the Conversion-th conversion of an sscanf-like call reads:
/// integer conversions (%d, %u, %i, %lu ...) after optional white space,
/// separated by one literal text (`%d.%d.%d`); anything else is unknown.
ExprPtr Lowerer::scanned(const CallExpr *CE, unsigned Conversion) {
  unsigned FmtArg = calleeName(CE).starts_with("_sn") ? 2 : 1;
  auto *Lit = dyn_cast<StringLiteral>(CE->getArg(FmtArg)->IgnoreParenCasts());
  if (!Lit)
    return core::unknown();
  std::string Format = literalUtf8(Lit);
  llvm::StringRef Fmt = llvm::StringRef(Format).ltrim(" \t");
  std::optional<std::string> Separator;
  unsigned Count = 0;
  while (!Fmt.empty()) {
    if (!Fmt.consume_front("%"))
      return core::unknown();
    Fmt = Fmt.ltrim("0123456789");
    Fmt = Fmt.ltrim("hlLI");
    if (Fmt.empty() || !llvm::StringRef("dui").contains(Fmt.front()))
      return core::unknown();
    Fmt = Fmt.drop_front();
    ++Count;
    if (Fmt.empty())
      break;
    std::string Sep = Fmt.take_until([](char C) { return C == '%'; }).str();
    if (Sep.empty() || (Separator && *Separator != Sep) ||
        Sep.find_first_of(" \t") != std::string::npos)
      return core::unknown();
    Separator = Sep;
    Fmt = Fmt.drop_front(Sep.size());
  }
  if (Conversion >= Count)
    return core::unknown();
  ExprPtr Text = value(CE->getArg(0));
  if (Count == 1)
    return core::unary(Op::ToInt, Text);
  return core::unary(
      Op::ToInt,
      core::binary(Op::Index,
                   core::binary(Op::Split, Text, core::strConst(*Separator)),
                   core::intConst(Conversion)));
}

ExprPtr Lowerer::memberValue(const MemberExpr *ME) {
  auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
  if (!FD)
    return core::unknown();
  // A field of the table entry a loop is judged on (setRow).
  if (RowInit) {
    const Expr *B = ME->getBase()->IgnoreParenImpCasts();
    if (auto *AS = dyn_cast<ArraySubscriptExpr>(B))
      B = AS->getBase()->IgnoreParenImpCasts();
    auto *D = dyn_cast<DeclRefExpr>(B);
    if (D && D->getDecl() == RowVar &&
        FD->getFieldIndex() < RowInit->getNumInits())
      return value(RowInit->getInit(FD->getFieldIndex()));
  }
  llvm::StringRef Field = FD->getName();
  const RecordDecl *RD = FD->getParent();
  std::string Record = RD->getName().str();
  if (Record.empty())
    if (const TypedefNameDecl *T = RD->getTypedefNameForAnonDecl())
      Record = T->getName().str();
  if (auto Q = versionInfoField(Field)) {
    bool Known = isVersionInfoRecord(Record);
    return core::quantity(*Q, Record + "." + Field.str(), !Known);
  }
  // KUSER_SHARED_DATA, the PEB ... (rules/sources.yaml).
  if (const core::StructMemberEntry *S =
          core::builtinSources().structMember(Record, Field))
    return core::quantity(S->Q, Record + "." + Field.str());
  if (ExprPtr V = core::fixedFileInfoField(Field, "VS_FIXEDFILEINFO")) {
    // Another program's version (its own, a product's) is not the OS's: a
    // file named in full that is not a system binary.
    if (std::optional<std::string> File = versionInfoFile(ME->getBase());
        File && !core::builtinSources().isSystemBinary(*File))
      return core::unknown();
    if (Field.ends_with("LS")) {
      // The build is the high word of the same field: VG003's pairing.
      auto Text = spelling(Ctx, ME->getSourceRange()).Text;
      auto Rev = core::clone(*V->Kids[1]);
      if (!Text.empty())
        Rev->Siblings.push_back({Quantity::Build, "HIWORD(" + Text + ")"});
      return core::binary(Op::BitOr, V->Kids[0], Rev);
    }
    return V;
  }
  // A VARIANT an API filled (`vt.bstrVal` after IWbemClassObject::Get):
  // through the anonymous unions to the variable.
  if (Field == "bstrVal" || Field == "lVal" || Field == "intVal" ||
      Field == "uintVal" || Field == "ulVal") {
    const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
    while (auto *M = dyn_cast<MemberExpr>(Base)) {
      auto *AF = dyn_cast<FieldDecl>(M->getMemberDecl());
      if (!AF || !AF->isAnonymousStructOrUnion())
        break;
      Base = M->getBase()->IgnoreParenImpCasts();
    }
    if (auto *U = dyn_cast<UnaryOperator>(Base);
        U && U->getOpcode() == UO_Deref)
      Base = U->getSubExpr()->IgnoreParenImpCasts();
    if (const VarDecl *V = pointee(Base))
      if (auto O = F.VariantDefs.find(V); O != F.VariantDefs.end()) {
        // The last Get before this read (calls are visited in order).
        const SourceManager &SM = Ctx.getSourceManager();
        const Facts::VariantDef *Before = nullptr;
        for (const Facts::VariantDef &D : O->second)
          if (SM.isBeforeInTranslationUnit(D.Loc, ME->getBeginLoc()))
            Before = &D;
        ExprPtr Last = Before ? Before->V : nullptr;
        // A property the helper was given: this call's.
        if (Before && Before->Name) {
          ExprPtr Prop = value(Before->Name);
          if (Prop->Kind == Op::StrConst)
            Last = wmiProperty(Prop->Str, F.NamesOsClass.value_or(false));
        }
        if (!Last)
          return core::unknown();
        bool Text = core::valueType(*Last) == core::ValueType::Str;
        if (Text == (Field == "bstrVal"))
          return Last;
        return core::unknown();
      }
  }
  // A field an API or a sprintf-like call fills, through any object of
  // its type (`FillHost(HOST_OS *host)` writes, `IsSp2(const HOST_OS *)`
  // reads), unless the program stores other values in it than a failed
  // read's default (`if (!ReadRegDword(..., &g_host.ubr)) g_host.ubr = 0;`).
  auto OnlyDefaults = [&] {
    auto D = F.FieldDefs.find(FD);
    if (D == F.FieldDefs.end())
      return true;
    for (const Expr *X : D->second) {
      // `m_labEx()`, `m_labEx(L"")`: an empty string.
      if (auto *C = dyn_cast<CXXConstructExpr>(X->IgnoreParenImpCasts());
          C && C->getNumArgs() == 0)
        continue;
      // `wchar_t baseline[32] = {};`: an empty buffer.
      if (auto *IL = dyn_cast<InitListExpr>(X->IgnoreParenImpCasts());
          IL && (IL->getNumInits() == 0 ||
                 (IL->getNumInits() == 1 &&
                  isa<ImplicitValueInitExpr>(IL->getInit(0)))))
        continue;
      ExprPtr V = value(X);
      if (V->Kind == Op::StrConst && V->Str.empty())
        continue;
      if (!llvm::isa<IntegerLiteral>(X->IgnoreParenImpCasts()) ||
          !core::isErrorDefault(*V))
        return false;
    }
    return true;
  };
  if (OnlyDefaults()) {
    if (auto O = F.FieldOutDefs.find(FD); O != F.FieldOutDefs.end())
      return O->second;
    if (auto C = F.FieldCopyDefs.find(FD); C != F.FieldCopyDefs.end())
      if (Visiting.insert(FD).second) {
        ExprPtr V = value(C->second);
        Visiting.erase(FD);
        return V;
      }
    if (auto Fm = F.FieldFormatDefs.find(FD); Fm != F.FieldFormatDefs.end())
      if (Visiting.insert(FD).second) {
        ExprPtr V = formatted(Fm->second.first, Fm->second.second);
        Visiting.erase(FD);
        return V;
      }
  }
  auto It = F.FieldDefs.find(FD);
  if (It != F.FieldDefs.end())
    if (Visiting.insert(FD).second) {
      ExprPtr V = definitions(It->second, ME);
      Visiting.erase(FD);
      if (V && V->Kind != Op::Unknown)
        return V;
    }
  // A member whose name says it holds a build, unless its structure or
  // object names something else (`app.build` of `struct AppVer`).
  const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
  auto *BaseRef = dyn_cast<DeclRefExpr>(Base);
  const RecordDecl *Owner = FD->getParent();
  bool Other =
      (BaseRef && core::namesOtherThanOs(BaseRef->getDecl()->getName())) ||
      (Owner && Owner->getIdentifier() &&
       core::namesOtherThanOs(Owner->getName()));
  if (Other)
    return core::unknown();
  // `revision` or `m_version` alone could be anything's; of an `OsInfo` or
  // an `OsDetector` (or of a variable `os`), it is the OS's.
  bool Integer = FD->getType()->isIntegerType();
  bool Text = !Integer && isStringType(FD->getType());
  // A text member a call fills (`ReadCvString(L"CurrentVersion", m_version,
  // 16)` gives "6.0"): its name does not say which text.
  if (Text && F.FieldsWrittenByCalls.count(FD))
    return core::unknown();
  llvm::StringRef Contexts[] = {
      "", Owner && Owner->getIdentifier() ? Owner->getName() : "",
      BaseRef ? BaseRef->getDecl()->getName() : ""};
  for (unsigned I = 0; I < std::size(Contexts); ++I) {
    llvm::StringRef Context = Contexts[I];
    if (I == 0 || !Context.empty()) {
      std::string Name =
          Context.empty() ? Field.str() : (Context + "_" + Field).str();
      std::optional<Quantity> Q;
      if (Integer)
        Q = inferredQuantity(Name);
      else if (Text && core::quantityNamed(Name) == Quantity::Version)
        Q = Quantity::Version;
      if (Q)
        return core::quantity(*Q,
                              Context.empty() ? "member named " + Field.str()
                                              : "member " + Field.str() +
                                                    " of " + Context.str(),
                              true);
    }
  }
  return core::unknown();
}

ExprPtr Lowerer::valueAtCall(const Expr *E, const FunctionDecl *Callee,
                             const CallExpr *Call) {
  Frames.push_back({Callee, Call});
  ExprPtr V = value(E);
  Frames.pop_back();
  return V;
}

ExprPtr Lowerer::formattedAtCall(const CallExpr *Fmt, unsigned FmtArg,
                                 const FunctionDecl *Callee,
                                 const CallExpr *Call) {
  Frames.push_back({Callee, Call});
  ExprPtr V = formatted(Fmt, FmtArg);
  Frames.pop_back();
  return V;
}

std::optional<std::string> Lowerer::versionInfoFile(const Expr *Info) {
  const VarDecl *P = pointee(Info);
  auto B = P ? F.FixedInfoBuffer.find(P) : F.FixedInfoBuffer.end();
  if (B == F.FixedInfoBuffer.end())
    return std::nullopt;
  auto Path = F.VersionInfoFile.find(B->second);
  if (Path == F.VersionInfoFile.end())
    return std::nullopt;
  ExprPtr V = value(Path->second);
  if (V->Kind != Op::StrConst)
    return std::nullopt;
  return V->Str;
}

ExprPtr Lowerer::userSource(const FunctionDecl *FD) {
  if (Opts.Sources.empty())
    return nullptr;
  std::string Q = FD->getQualifiedNameAsString();
  for (const core::UserSource &S : Opts.Sources) {
    if (!S.Language.empty() && S.Language != "cpp")
      continue;
    if (S.Name == Q || S.Name == FD->getName()) {
      ExprPtr V = core::quantity(S.Q, "declared source " + S.Name);
      if (core::isStringQuantity(S.Q) || !FD->getReturnType()->isIntegerType())
        return V;
      return V;
    }
  }
  return nullptr;
}

ExprPtr Lowerer::callValue(const CallExpr *CE) {
  const FunctionDecl *FD = CE->getDirectCallee();
  if (!FD)
    return core::unknown();
  if (ExprPtr U = userSource(FD))
    return U;
  std::string N = FD->getIdentifier() ? FD->getName().str() : "";
  unsigned NA = CE->getNumArgs();
  auto Arg = [&](unsigned I) {
    return I < NA ? value(CE->getArg(I)) : core::unknown();
  };
  if (N == "GetVersion" && NA == 0)
    return getVersionDword();
  StrFnInfo SF = stringFunction(N);
  auto Flag = [&](ExprPtr V) {
    if (SF.IgnoreCase) {
      auto C = core::clone(*V);
      C->Flags |= core::FlagCaseInsensitive;
      return ExprPtr(C);
    }
    return V;
  };
  switch (SF.Kind) {
  case StrFn::Compare:
    if (NA >= 2)
      return Flag(core::binary(Op::StrCompare, Arg(0), Arg(1)));
    break;
  case StrFn::CompareN:
    if (NA >= 3) {
      auto C = core::clone(*core::binary(Op::StrCompare, Arg(0), Arg(1)));
      Expr::EvalResult R;
      if (!CE->getArg(2)->isValueDependent() &&
          CE->getArg(2)->EvaluateAsInt(R, Ctx))
        C->Int = R.Val.getInt().getExtValue();
      else
        return core::unknown();
      return Flag(C);
    }
    break;
  case StrFn::CompareString:
    if (NA >= 6) {
      Expr::EvalResult R;
      bool CI = !CE->getArg(1)->isValueDependent() &&
                CE->getArg(1)->EvaluateAsInt(R, Ctx) &&
                (R.Val.getInt().getExtValue() & 1); // NORM_IGNORECASE
      auto C = core::clone(*core::binary(Op::StrCompare, Arg(2), Arg(4)));
      if (CI)
        C->Flags |= core::FlagCaseInsensitive;
      return core::binary(Op::Add, C, core::intConst(2)); // CSTR_EQUAL == 2
    }
    break;
  case StrFn::Find:
    if (NA >= 2)
      return Flag(core::binary(Op::Find, Arg(0), Arg(1)));
    break;
  case StrFn::ToInt:
    if (NA >= 1)
      return core::unary(Op::ToInt, Arg(0));
    break;
  case StrFn::ToStr:
    if (NA >= 1)
      return core::unary(Op::ToStr, Arg(0));
    break;
  case StrFn::None:
    break;
  }
  if (llvm::StringRef(N).starts_with("VerifyVersionInfo"))
    return verifyVersionInfo(CE);
  // The kernel's form (ntddk.h), same arguments: an NTSTATUS,
  // STATUS_SUCCESS when the test holds, else STATUS_REVISION_MISMATCH.
  if (N == "RtlVerifyVersionInfo")
    return core::nary(Op::Choose, {verifyVersionInfo(CE), core::intConst(0),
                                   core::intConst(int32_t(0xC0000059))});
  if (N == "regex_search" || N == "regex_match")
    return cond(CE);
  // A function defined in this translation unit (getters, wrappers).
  const FunctionDecl *Def = FD->getDefinition();
  if (Def && !isSystem(Ctx, Def->getLocation())) {
    auto It = F.Returns.find(Def);
    if (It != F.Returns.end() && Visiting.insert(Def).second) {
      ExprPtr Found;
      bool Same = true;
      // An operator's first argument is its object, not a parameter.
      // (A lambda's call binds its parameters after the closure object.)
      bool Bind = !isa<CXXOperatorCallExpr>(CE) || isLambdaCall(CE);
      unsigned ReadsBefore = ArgumentReads;
      if (Bind)
        Frames.push_back({Def, CE});
      // Several returns: the ones that depend on the version must agree;
      // an early error return (`if (!GetVersionEx(&vi)) return 0;`: 0, -1,
      // false or an empty string) does not count against them, any other
      // value does.
      std::vector<ExprPtr> Others;
      for (const Expr *R : It->second) {
        ExprPtr V = value(R);
        if (!core::dependsOnVersion(*V)) {
          Others.push_back(V);
          continue;
        }
        if (!Found)
          Found = V;
        else if (!sameValue(Found, V))
          Same = false;
      }
      for (const ExprPtr &O : Others)
        if (!core::isErrorDefault(*O))
          Same = false;
      if (Bind)
        Frames.pop_back();
      Visiting.erase(Def);
      // A value that read this call's arguments belongs to this call: what
      // is spelled in the callee is shared with its other calls, and no fix
      // may edit it for this one.
      if (Found && ArgumentReads != ReadsBefore)
        Found = core::keepSpellingsWithin(Found,
                                          fileSpan(Ctx, CE->getSourceRange()));
      if (Found && Same && core::dependsOnVersion(*Found))
        return Found;
    }
    return core::unknown();
  }
  // An external function whose name says it returns the build.
  if (!Def && FD->getReturnType()->isIntegerType() &&
      !isSystem(Ctx, FD->getLocation()))
    if (auto Q = inferredQuantity(llvm::StringRef(N).drop_front(
            llvm::StringRef(N).starts_with("Get") ? 3 : 0)))
      return core::quantity(*Q, "function " + N, true);
  return core::unknown();
}

bool Lowerer::readsArguments(const CallExpr *CE) {
  unsigned Before = ArgumentReads;
  value(CE);
  return ArgumentReads != Before;
}

ExprPtr Lowerer::methodValue(const CXXMemberCallExpr *CE) {
  const CXXMethodDecl *MD = CE->getMethodDecl();
  if (!MD)
    return core::unknown();
  if (ExprPtr U = userSource(MD))
    return U;
  const Expr *Obj = CE->getImplicitObjectArgument();
  if (!Obj || !MD->getIdentifier())
    return MD && !MD->getIdentifier() ? core::unknown() : callValue(CE);
  llvm::StringRef N = MD->getName();
  // `b.value()`, `b.value_or(0)` of a `std::optional<DWORD>`.
  if ((N == "value" || N == "value_or") && isStdOptional(Obj->getType()))
    return value(Obj);
  if (N == "str" && CE->getNumArgs() == 0)
    if (auto *DR = dyn_cast<DeclRefExpr>(Obj->IgnoreParenImpCasts()))
      if (auto *VD = dyn_cast<VarDecl>(DR->getDecl())) {
        // `os.str()` of a string stream: what was written into it.
        auto It = F.StreamDefs.find(VD);
        if (It == F.StreamDefs.end() || F.Clobbered.count(VD))
          return core::unknown();
        std::vector<ExprPtr> Parts;
        for (const Expr *X : It->second) {
          ExprPtr V = value(X);
          if (X->IgnoreParenImpCasts()->getType()->isAnyCharacterType()) {
            // `os << '.'`: a character, not its code.
            if (V->Kind != Op::IntConst)
              return core::unknown();
            Parts.push_back(core::strConst(std::string(1, char(V->Int))));
            continue;
          }
          bool Text = X->getType()->isPointerType() ||
                      X->getType()->isArrayType() || isStringType(X->getType());
          if (!Text && !X->getType()->isIntegerType())
            return core::unknown();
          Parts.push_back(Text ? V : core::unary(Op::ToStr, V));
        }
        return core::nary(Op::Concat, Parts);
      }
  // A character buffer's storage (`std::vector<wchar_t> buf`) that an API
  // filled: its text.
  if (N == "data" && CE->getNumArgs() == 0)
    if (const auto *RD = Obj->getType()->getAsCXXRecordDecl();
        RD && RD->getIdentifier() && RD->getName() == "vector")
      return value(Obj);
  if (isStringType(Obj->getType())) {
    unsigned NA = CE->getNumArgs();
    auto Arg = [&](unsigned I) {
      return I < NA && !isa<CXXDefaultArgExpr>(CE->getArg(I))
                 ? value(CE->getArg(I))
                 : nullptr;
    };
    ExprPtr Self = value(Obj);
    if (N == "c_str" || N == "data" || N == "str" || N == "GetString" ||
        N == "GetBuffer")
      return Self;
    if ((N == "find" || N == "Find" || N == "rfind") && NA >= 1) {
      // `s.find(L'.')`: a character, not its code.
      ExprPtr What = Arg(0);
      if (CE->getArg(0)->IgnoreParenImpCasts()->getType()->isAnyCharacterType())
        What = What->Kind == Op::IntConst
                   ? core::strConst(std::string(1, char(What->Int)))
                   : core::unknown();
      return core::findFrom(Self, What, Arg(1),
                            N == "rfind" ? core::FindFrom::LastBefore
                                         : core::FindFrom::Forward);
    }
    if ((N == "compare" || N == "Compare") && NA == 1)
      return core::binary(Op::StrCompare, Self, Arg(0));
    if (N == "compare" && NA == 3 && Arg(0) && Arg(1) && Arg(2))
      // s.compare(pos, len, t): s.substr(pos, len) against t.
      return core::binary(Op::StrCompare,
                          core::nary(Op::Substr, {Self, Arg(0), Arg(1)}),
                          Arg(2));
    if (N == "CompareNoCase" && NA == 1) {
      auto C = core::clone(*core::binary(Op::StrCompare, Self, Arg(0)));
      C->Flags |= core::FlagCaseInsensitive;
      return C;
    }
    if (N == "substr" || N == "Mid") {
      ExprPtr Start = Arg(0) ? Arg(0) : core::intConst(0);
      ExprPtr Len = Arg(1) ? Arg(1) : core::intConst(-1);
      return core::nary(Op::Substr, {Self, Start, Len});
    }
    if (N == "Left" && NA == 1)
      return core::nary(Op::Substr, {Self, core::intConst(0), Arg(0)});
    if (N == "Right" && NA == 1)
      return core::binary(Op::Right, Self, Arg(0));
    if (N == "size" || N == "length" || N == "GetLength")
      return core::unary(Op::Length, Self);
    if (N == "starts_with" || N == "ends_with" || N == "contains")
      return cond(CE);
    return core::unknown();
  }
  return callValue(CE);
}

// --- conditions -------------------------------------------------------------

std::optional<BinaryOperatorKind> comparisonOf(OverloadedOperatorKind K) {
  switch (K) {
  case OO_EqualEqual:
    return BO_EQ;
  case OO_ExclaimEqual:
    return BO_NE;
  case OO_Less:
    return BO_LT;
  case OO_LessEqual:
    return BO_LE;
  case OO_Greater:
    return BO_GT;
  case OO_GreaterEqual:
    return BO_GE;
  default:
    return std::nullopt;
  }
}

namespace {
std::optional<core::CmpOp> cmpOf(BinaryOperatorKind K) {
  switch (K) {
  case BO_EQ:
    return core::CmpOp::EQ;
  case BO_NE:
    return core::CmpOp::NE;
  case BO_LT:
    return core::CmpOp::LT;
  case BO_LE:
    return core::CmpOp::LE;
  case BO_GT:
    return core::CmpOp::GT;
  case BO_GE:
    return core::CmpOp::GE;
  default:
    return std::nullopt;
  }
}
} // namespace

/// True if E's text already sits in parentheses: `(E)`, `if (E)`,
/// `while (E)`; a rewrite then needs no second pair.
static bool parenthesized(ASTContext &Ctx, const Expr *E) {
  const Expr *Cur = E;
  for (int I = 0; I < 4; ++I) {
    auto P = Ctx.getParents(*Cur);
    if (P.size() != 1)
      return false;
    if (P[0].get<ParenExpr>() || P[0].get<IfStmt>() || P[0].get<WhileStmt>() ||
        P[0].get<DoStmt>() || P[0].get<SwitchStmt>())
      return true;
    const Expr *Up = P[0].get<Expr>();
    if (!Up || !(isa<ImplicitCastExpr>(Up) || isa<FullExpr>(Up)))
      return false;
    Cur = Up;
  }
  return false;
}

ExprPtr Lowerer::comparison(const Expr *E, BinaryOperatorKind K, const Expr *L,
                            const Expr *R, SourceLocation OpLoc) {
  auto O = cmpOf(K);
  if (!O)
    return core::unknown();
  core::Spelling W = atomSpelling(E);
  W.OpSpan = fileSpan(Ctx, SourceRange(OpLoc, OpLoc));
  bool LNull = L->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull);
  bool RNull = R->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull);
  bool Str = isStringType(L->getType()) || isStringType(R->getType());
  ExprPtr A = value(L), B = value(R);
  // strstr(...) == NULL / != NULL: found or not. Not `s.find(x) == 0`,
  // an index compared with 0 (which is a null pointer constant too).
  bool LPtr = L->IgnoreParenImpCasts()->getType()->isPointerType();
  bool RPtr = R->IgnoreParenImpCasts()->getType()->isPointerType();
  if ((A->Kind == Op::Find && LPtr && RNull) ||
      (B->Kind == Op::Find && RPtr && LNull)) {
    ExprPtr Fd = A->Kind == Op::Find ? A : B;
    core::CmpOp C = *O == core::CmpOp::EQ ? core::CmpOp::LT : core::CmpOp::GE;
    return core::cmp(C, Fd, core::intConst(0), core::CmpMode::Int,
                     core::Dialect::C, W);
  }
  // wcsstr(s, L"6002.") == s: found at the start, a prefix test.
  if ((*O == core::CmpOp::EQ || *O == core::CmpOp::NE) &&
      ((A->Kind == Op::Find && !A->Kids.empty() && sameTree(A->Kids[0], B) &&
        !A->has(core::FlagReverse)) ||
       (B->Kind == Op::Find && !B->Kids.empty() && sameTree(B->Kids[0], A) &&
        !B->has(core::FlagReverse)))) {
    ExprPtr Fd = A->Kind == Op::Find ? A : B;
    return core::cmp(*O, Fd, core::intConst(0), core::CmpMode::Int,
                     core::Dialect::C, W);
  }
  if (Str && (LNull || RNull))
    return core::unknown(); // pointer null check, not a string comparison
  // BOOL-valued conditions compared with FALSE/TRUE: the condition itself.
  auto IsZeroOne = [](const ExprPtr &X) {
    return X->Kind == Op::IntConst && (X->Int == 0 || X->Int == 1);
  };
  if ((*O == core::CmpOp::EQ || *O == core::CmpOp::NE) &&
      ((core::isBoolean(*A) && IsZeroOne(B)) ||
       (core::isBoolean(*B) && IsZeroOne(A)))) {
    ExprPtr Cond = core::isBoolean(*A) ? A : B;
    int64_t K = core::isBoolean(*A) ? B->Int : A->Int;
    bool Positive = (*O == core::CmpOp::EQ) == (K == 1);
    return Positive ? Cond : core::logicNot(Cond);
  }
  core::CmpMode M = Str ? core::CmpMode::Str : core::CmpMode::Int;
  auto C = core::clone(*core::cmp(*O, A, B, M, core::Dialect::C, W));
  if (parenthesized(Ctx, E))
    C->Flags |= core::FlagParenthesized;
  return C;
}

ExprPtr Lowerer::condImpl(const Expr *E) {
  E = E->IgnoreParens();
  if (E->isValueDependent() || E->isTypeDependent() || E->containsErrors())
    return core::unknown();
  // Constant conditions (`false && ...`, `#define CHECK_SP2 0`).
  bool Constant;
  if (!E->HasSideEffects(Ctx) && E->EvaluateAsBooleanCondition(Constant, Ctx))
    return core::boolConst(Constant);
  if (auto *FE = dyn_cast<FullExpr>(E))
    return cond(FE->getSubExpr());
  if (auto *B = dyn_cast<BinaryOperator>(E)) {
    if (B->getOpcode() == BO_LAnd)
      return core::logicAnd(cond(B->getLHS()), cond(B->getRHS()));
    if (B->getOpcode() == BO_LOr)
      return core::logicOr(cond(B->getLHS()), cond(B->getRHS()));
    if (B->isComparisonOp()) {
      // RtlVerifyVersionInfo(...) == STATUS_SUCCESS, or NT_SUCCESS(...)
      // (>= 0): the test itself, as VerifyVersionInfo's.
      auto *Call = dyn_cast<CallExpr>(B->getLHS()->IgnoreParenCasts());
      std::optional<int64_t> Zero = constant(B->getRHS());
      if (Call && calleeName(Call) == "RtlVerifyVersionInfo" && Zero &&
          *Zero == 0) {
        BinaryOperatorKind K = B->getOpcode();
        if (K == BO_EQ || K == BO_GE)
          return verifyVersionInfo(Call);
        if (K == BO_NE || K == BO_LT)
          return core::logicNot(verifyVersionInfo(Call));
      }
      return comparison(E, B->getOpcode(), B->getLHS(), B->getRHS(),
                        B->getOperatorLoc());
    }
    if (B->getOpcode() == BO_Comma)
      return cond(B->getRHS());
  }
  if (auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (OC->getNumArgs() == 2 && OC->getOperator() != OO_Call) {
      if (OC->getOperator() == OO_AmpAmp)
        return core::logicAnd(cond(OC->getArg(0)), cond(OC->getArg(1)));
      if (OC->getOperator() == OO_PipePipe)
        return core::logicOr(cond(OC->getArg(0)), cond(OC->getArg(1)));
      auto K = comparisonOf(OC->getOperator());
      if (!K)
        return core::unknown();
      return comparison(E, *K, OC->getArg(0), OC->getArg(1),
                        OC->getOperatorLoc());
    }
  }
  if (auto *U = dyn_cast<UnaryOperator>(E))
    if (U->getOpcode() == UO_LNot) {
      const Expr *Sub = U->getSubExpr()->IgnoreParenImpCasts();
      if (Sub->getType()->isBooleanType() || isa<BinaryOperator>(Sub))
        return core::logicNot(cond(U->getSubExpr()));
      // !strcmp(a, b), !strstr(a, b), !x
      ExprPtr V = value(Sub);
      if (core::isBoolean(*V))
        return core::logicNot(V);
      core::Spelling W = atomSpelling(E);
      if (V->Kind == Op::Find)
        return core::cmp(core::CmpOp::LT, V, core::intConst(0),
                         core::CmpMode::Int, core::Dialect::C, W);
      return core::cmp(core::CmpOp::EQ, V, core::intConst(0),
                       core::CmpMode::Int, core::Dialect::C, W);
    }
  if (auto *C = dyn_cast<ImplicitCastExpr>(E))
    if (C->getCastKind() != CK_IntegralToBoolean &&
        C->getCastKind() != CK_PointerToBoolean &&
        C->getCastKind() != CK_MemberPointerToBoolean)
      return cond(C->getSubExpr());
  // Predicates.
  if (auto *MC = dyn_cast<CXXMemberCallExpr>(strip(E))) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    const Expr *Obj = MC->getImplicitObjectArgument();
    // `v.empty() ? fallback : std::stoi(v)`: whether the text is empty (a
    // read that failed), known where the text is.
    if (MD && MD->getIdentifier() && Obj && isStringType(Obj->getType()) &&
        MC->getNumArgs() == 0 &&
        (MD->getName() == "empty" || MD->getName() == "IsEmpty"))
      return core::cmp(core::CmpOp::EQ, core::unary(Op::Length, value(Obj)),
                       core::intConst(0), core::CmpMode::Int, core::Dialect::C,
                       atomSpelling(E));
    if (MD && MD->getIdentifier() && Obj && isStringType(Obj->getType()) &&
        MC->getNumArgs() == 1) {
      llvm::StringRef N = MD->getName();
      Op K = N == "starts_with" ? Op::StartsWith
             : N == "ends_with" ? Op::EndsWith
             : N == "contains"  ? Op::Contains
                                : Op::Unknown;
      if (K != Op::Unknown) {
        auto P =
            core::clone(*core::binary(K, value(Obj), value(MC->getArg(0))));
        P->Syntax = core::Dialect::C;
        P->Written = atomSpelling(E);
        return P;
      }
    }
  }
  if (auto *CE = dyn_cast<CallExpr>(strip(E))) {
    std::string N = calleeName(CE);
    if ((N == "regex_search" || N == "regex_match") && CE->getNumArgs() >= 2) {
      unsigned ReArg = 1;
      for (unsigned I = 1; I < CE->getNumArgs(); ++I)
        if (const RecordDecl *RD = CE->getArg(I)
                                       ->getType()
                                       .getNonReferenceType()
                                       ->getAsRecordDecl())
          if (RD->getName() == "basic_regex") {
            ReArg = I;
            break;
          }
      auto P = core::clone(*core::binary(Op::Regex, value(CE->getArg(0)),
                                         value(CE->getArg(ReArg))));
      if (N == "regex_match")
        P->Flags |= core::FlagWholeMatch;
      P->Syntax = core::Dialect::C;
      P->Written = atomSpelling(E);
      return P;
    }
    if (llvm::StringRef(N).starts_with("VerifyVersionInfo"))
      return verifyVersionInfo(CE);
  }
  // Any other value used as a condition: non-zero / non-null.
  const Expr *Inner = E;
  if (auto *C = dyn_cast<ImplicitCastExpr>(E))
    Inner = C->getSubExpr();
  ExprPtr V = value(Inner);
  if (core::isBoolean(*V) || V->Kind == Op::Unknown)
    return V;
  core::Spelling W = atomSpelling(E);
  if (V->Kind == Op::Find)
    return core::cmp(core::CmpOp::GE, V, core::intConst(0), core::CmpMode::Int,
                     core::Dialect::C, W);
  return core::cmp(core::CmpOp::NE, V, core::intConst(0), core::CmpMode::Int,
                   core::Dialect::C, W);
}

// --- VerifyVersionInfo ------------------------------------------------------

std::optional<int64_t> Lowerer::constant(const Expr *E) {
  Expr::EvalResult R;
  if (!E->isValueDependent() && E->EvaluateAsInt(R, Ctx))
    return R.Val.getInt().getExtValue();
  ExprPtr V = value(E);
  if (V->Kind == Op::IntConst)
    return V->Int;
  // A constant reached through a parameter and a conversion (`(5 & 255)`
  // of a BYTE argument): the same on every profile.
  if (!core::dependsOnVersion(*V)) {
    core::Value R = core::evaluate(*V, core::Profile{});
    if (R.K == core::Value::Int)
      return R.I;
  }
  return std::nullopt;
}

std::vector<Lowerer::VerCondition> Lowerer::verConditions(const Expr *Mask) {
  std::vector<VerCondition> Conds;
  llvm::DenseSet<const void *> Seen;
  std::vector<const Expr *> Work{Mask};
  while (!Work.empty() && Conds.size() < 16) {
    const Expr *E = strip(Work.back())->IgnoreParenCasts();
    Work.pop_back();
    if (!Seen.insert(E).second)
      continue;
    if (auto *B = dyn_cast<BinaryOperator>(E);
        B && B->getOpcode() == BO_Assign) {
      Work.push_back(B->getRHS());
      continue;
    }
    if (auto *C = dyn_cast<CallExpr>(E)) {
      if (calleeName(C) == "VerSetConditionMask" && C->getNumArgs() == 3) {
        auto T = constant(C->getArg(1)), K = constant(C->getArg(2));
        if (T && K)
          Conds.push_back({*T, *K, C});
        Work.push_back(C->getArg(0));
      }
      continue;
    }
    if (auto *D = dyn_cast<DeclRefExpr>(E))
      if (auto *VD = dyn_cast<VarDecl>(D->getDecl())) {
        if (!Seen.insert(VD).second)
          continue;
        auto It = F.VarDefs.find(VD);
        if (It != F.VarDefs.end())
          for (const Expr *Def : It->second)
            Work.push_back(Def);
      }
  }
  return Conds;
}

const Expr *Lowerer::verFieldDef(const CallExpr *CE, llvm::StringRef Name,
                                 bool &Zero) {
  Zero = false;
  const VarDecl *Info = pointee(CE->getArg(0));
  const RecordDecl *RD = Info ? Info->getType()->getAsRecordDecl() : nullptr;
  if (!RD)
    return nullptr;
  for (const FieldDecl *FD : RD->fields())
    if (FD->getName() == Name) {
      auto It = F.StructFieldDefs.find({Info, FD});
      if (It != F.StructFieldDefs.end())
        return It->second;
    }
  Zero = true; // ZeroMemory'd / {sizeof(o)} initialized
  return nullptr;
}

const VarDecl *Lowerer::buildArray(const CallExpr *CE) {
  if (CE->getNumArgs() < 3)
    return nullptr;
  auto TypeMask = constant(CE->getArg(1));
  if (!TypeMask || !(*TypeMask & core::VerBuild))
    return nullptr;
  bool Zero;
  const Expr *Def = verFieldDef(CE, "dwBuildNumber", Zero);
  auto *AS = dyn_cast_or_null<ArraySubscriptExpr>(
      Def ? Def->IgnoreParenImpCasts() : nullptr);
  auto *D = AS ? dyn_cast<DeclRefExpr>(AS->getBase()->IgnoreParenImpCasts())
               : nullptr;
  auto *VD = D ? dyn_cast<VarDecl>(D->getDecl()) : nullptr;
  if (!VD || !VD->getInit() ||
      !isa<InitListExpr>(VD->getInit()->IgnoreImplicit()) ||
      F.VarDefs.lookup(VD).size() != 1)
    return nullptr;
  // The build's condition is VER_EQUAL: the loop looks the OS's build up.
  for (const VerCondition &C : verConditions(CE->getArg(2)))
    if (C.Type == core::VerBuild)
      return C.Condition == 1 ? VD : nullptr;
  return nullptr;
}

ExprPtr Lowerer::verifyVersionInfo(const CallExpr *CE) {
  if (CE->getNumArgs() < 3)
    return core::unknown();
  auto TypeMask = constant(CE->getArg(1));
  if (!TypeMask)
    return core::unknown();
  // Conditions per type bit, from VerSetConditionMask chains.
  using Cond = VerCondition;
  std::vector<Cond> Conds = verConditions(CE->getArg(2));
  // The version-info struct's fields the code set.
  auto FieldValue = [&](llvm::StringRef Name) -> ExprPtr {
    bool Zero;
    if (const Expr *Def = verFieldDef(CE, Name, Zero))
      return value(Def);
    return Zero ? core::intConst(0) : core::unknown();
  };
  auto CondFor = [&](int64_t Type) -> const Cond * {
    for (const Cond &C : Conds)
      if (C.Type == Type)
        return &C;
    return nullptr;
  };
  std::vector<ExprPtr> Parts;
  auto Levels = core::verifyVersionLevels(
      *TypeMask,
      [&](int64_t Bit) -> std::optional<int64_t> {
        const Cond *C = CondFor(Bit);
        return C ? std::optional<int64_t>(C->Condition) : std::nullopt;
      },
      FieldValue);
  if (!Levels)
    return core::unknown();
  if (*Levels)
    Parts.push_back(*Levels);
  if (*TypeMask & core::VerBuild) {
    const Cond *C = CondFor(core::VerBuild);
    if (!C)
      return core::unknown();
    auto O = core::verCondition(C->Condition);
    if (!O)
      return core::unknown();
    core::Spelling W = spelling(Ctx, C->Call->getSourceRange());
    // The edit goes on the condition argument (VER_EQUAL).
    W.OpSpan = fileSpan(
        Ctx, C->Call->getArg(2)->IgnoreParenImpCasts()->getSourceRange());
    auto Node = core::clone(
        *core::cmp(*O, core::quantity(Quantity::Build, "VerifyVersionInfo"),
                   FieldValue("dwBuildNumber"), core::CmpMode::Int,
                   core::Dialect::VerMask, W));
    Node->Flags |= core::FlagConditionMask;
    Parts.push_back(Node);
  }
  if (*TypeMask & core::VerProductType) {
    const Cond *C = CondFor(core::VerProductType);
    auto O = C ? core::verCondition(C->Condition) : std::nullopt;
    if (!O)
      return core::unknown();
    Parts.push_back(core::cmp(
        *O, core::quantity(Quantity::ProductType, "VerifyVersionInfo"),
        FieldValue("wProductType")));
  }
  if (Parts.empty())
    return core::unknown();
  ExprPtr All = Parts[0];
  for (size_t I = 1; I < Parts.size(); ++I)
    All = core::logicAnd(All, Parts[I]);
  return All;
}

} // namespace verguard::cpp
