//===- VerifyVersionInfo.cpp - VerifyVersionInfo through P/Invoke ---------===//
//
// C# code declares kernel32's VerifyVersionInfo and VerSetConditionMask (or
// ntdll's RtlVerifyVersionInfo) with [DllImport], fills an OSVERSIONINFOEX
// itself (an object initializer or member assignments) and builds the
// condition mask by chaining VerSetConditionMask calls, with the VER_*
// constants declared in the class or written as numbers. The test is the
// C++ frontend's (lib/cpp/Lowering.cpp): major, minor and service pack as
// one hierarchical version under the condition of the highest component
// set; the build on its own, a Cmp flagged FlagConditionMask (VG004) whose
// operator is the condition argument, so that a fix rewrites VER_EQUAL as
// VER_GREATER_EQUAL (or 1 as 3) where that name can be written.
//
//===----------------------------------------------------------------------===//
#include "core/Flow.h"
#include "core/VerifyVersion.h"
#include "csharp/Lowerer.h"

#include "llvm/ADT/StringSwitch.h"

using namespace verguard::core;

namespace verguard::csharp {

namespace {

/// The value of an integer expression of constants (`VER_MAJORVERSION |
/// VER_BUILDNUMBER`), if it has one.
std::optional<int64_t> constInt(const ExprPtr &E) {
  if (!E)
    return std::nullopt;
  if (E->Kind == Op::IntConst)
    return E->Int;
  if (E->Kids.size() != 2)
    return std::nullopt;
  auto A = constInt(E->Kids[0]), B = constInt(E->Kids[1]);
  if (!A || !B)
    return std::nullopt;
  switch (E->Kind) {
  case Op::BitOr:
    return *A | *B;
  case Op::BitAnd:
    return *A & *B;
  case Op::Add:
    return *A + *B;
  case Op::Shl:
    return *B >= 0 && *B < 63 ? std::optional<int64_t>(*A << *B) : std::nullopt;
  default:
    return std::nullopt;
  }
}

/// A cast or parentheses around N taken off: `(byte)VER_EQUAL`.
script::Node bare(script::Node N) {
  for (;;) {
    N = Lowerer::unwrap(N);
    if (typeOf(N) != "cast_expression")
      return N;
    N = script::field(N, "value");
  }
}
} // namespace

std::optional<int64_t> Lowerer::verConstant(llvm::StringRef Name) {
  return llvm::StringSwitch<std::optional<int64_t>>(Name)
      .Case("VER_EQUAL", 1)
      .Case("VER_GREATER", 2)
      .Case("VER_GREATER_EQUAL", 3)
      .Case("VER_LESS", 4)
      .Case("VER_LESS_EQUAL", 5)
      .Case("VER_AND", 6)
      .Case("VER_OR", 7)
      .Case("VER_MINORVERSION", VerMinor)
      .Case("VER_MAJORVERSION", VerMajor)
      .Case("VER_BUILDNUMBER", VerBuild)
      .Case("VER_PLATFORMID", 0x8)
      .Case("VER_SERVICEPACKMINOR", VerSPMinor)
      .Case("VER_SERVICEPACKMAJOR", VerSPMajor)
      .Case("VER_SUITENAME", 0x40)
      .Case("VER_PRODUCT_TYPE", VerProductType)
      .Default(std::nullopt);
}

void Lowerer::structFields(script::Node Init, Val &Info) {
  if (script::isNull(Init))
    return;
  for (script::Node A : namedKids(Init)) {
    if (typeOf(A) != "assignment_expression")
      continue;
    script::Node L = script::field(A, "left");
    if (typeOf(L) != "identifier")
      continue;
    Info.Fields[text(L).str()] = lower(script::field(A, "right"), 1).expr();
  }
}

Val Lowerer::conditionMask(script::Node Call, const std::vector<Val> &Args,
                           const std::vector<script::Node> &Nodes) {
  if (Args.size() != 3)
    return Val::of(unknown());
  Val R = Val::obj(ObjKind::CondMask);
  if (Args[0].Obj == ObjKind::CondMask)
    R.Conds = Args[0].Conds;
  auto T = constInt(Args[1].E), C = constInt(Args[2].E);
  if (!T || !C)
    return R; // a condition out of reach: VerifyVersionInfo says unknown
  MaskCond M;
  M.Type = *T;
  M.Condition = *C;
  M.Call = Call;
  M.CondArg = bare(Nodes[2]);
  // A fix writes another condition where this one is: a number, or a VER_*
  // name that the code declares in the same place as this one.
  llvm::StringRef CT = typeOf(M.CondArg);
  if (CT == "integer_literal") {
    M.Rewritable = true;
  } else if (CT == "identifier" || CT == "member_access_expression") {
    llvm::StringRef Name = CT == "identifier"
                               ? text(M.CondArg)
                               : text(script::field(M.CondArg, "name"));
    std::string Qual = CT == "identifier"
                           ? ""
                           : dottedName(script::field(M.CondArg, "expression"));
    std::string Cls = Frames.empty() ? "" : Frames.back().Class;
    auto Declared = [&](llvm::StringRef N) {
      if (!Qual.empty())
        return Members.count(Qual + "." + N.str()) > 0;
      return Members.count(Cls + "." + N.str()) > 0 ||
             Members.count(N.str()) > 0;
    };
    M.Rewritable = Name.starts_with("VER_") && Declared(Name) &&
                   Declared("VER_GREATER_EQUAL");
  }
  R.Conds.push_back(M);
  return R;
}

ExprPtr Lowerer::verifyVersionInfo(const std::vector<Val> &Args) {
  if (Args.size() < 3 || Args[0].Obj != ObjKind::VerInfo ||
      Args[2].Obj != ObjKind::CondMask)
    return unknown();
  auto TypeMask = constInt(Args[1].E);
  if (!TypeMask)
    return unknown();
  const Val &Info = Args[0];
  const std::vector<MaskCond> &Conds = Args[2].Conds;
  // A member the code did not set is 0 (`new OSVERSIONINFOEX()`).
  auto FieldValue = [&](llvm::StringRef Name) -> ExprPtr {
    auto It = Info.Fields.find(Name.str());
    return It != Info.Fields.end() ? It->second : intConst(0);
  };
  // The last call for a type bit wins, as VerSetConditionMask overwrites.
  auto CondFor = [&](int64_t Type) -> const MaskCond * {
    for (auto I = Conds.rbegin(); I != Conds.rend(); ++I)
      if (I->Type == Type)
        return &*I;
    return nullptr;
  };
  std::vector<ExprPtr> Parts;
  auto Levels = verifyVersionLevels(
      *TypeMask,
      [&](int64_t Bit) -> std::optional<int64_t> {
        const MaskCond *C = CondFor(Bit);
        return C ? std::optional<int64_t>(C->Condition) : std::nullopt;
      },
      FieldValue);
  if (!Levels)
    return unknown();
  if (*Levels)
    Parts.push_back(*Levels);
  if (*TypeMask & VerBuild) {
    const MaskCond *C = CondFor(VerBuild);
    auto O = C ? verCondition(C->Condition) : std::nullopt;
    if (!O)
      return unknown();
    Spelling W = script::isNull(C->Call) ? Spelling() : spell(C->Call);
    if (C->Rewritable)
      W.OpSpan = span(C->CondArg);
    auto Node = clone(*cmp(*O, quantity(Quantity::Build, "VerifyVersionInfo"),
                           FieldValue("dwBuildNumber"), CmpMode::Int,
                           Dialect::CSharp, W));
    Node->Flags |= FlagConditionMask;
    Parts.push_back(Node);
  }
  if (*TypeMask & VerProductType) {
    const MaskCond *C = CondFor(VerProductType);
    auto O = C ? verCondition(C->Condition) : std::nullopt;
    if (!O)
      return unknown();
    Parts.push_back(cmp(*O,
                        quantity(Quantity::ProductType, "VerifyVersionInfo"),
                        FieldValue("wProductType")));
  }
  if (Parts.empty())
    return unknown();
  ExprPtr All = Parts[0];
  for (size_t I = 1; I < Parts.size(); ++I)
    All = logicAnd(All, Parts[I]);
  return All;
}

} // namespace verguard::csharp
