//===- Sources.cpp - which PowerShell values are OS version quantities ---===//
//
// [Environment]::OSVersion, WMI/CIM Win32_OperatingSystem, Get-ComputerInfo,
// the CurrentVersion registry key, file versions of system binaries, `cmd /c
// ver` and systeminfo; user-declared sources; names that suggest a version.
// $PSVersionTable and $Host are PowerShell's own version, never a source.
//
//===----------------------------------------------------------------------===//
#include "powershell/Lowerer.h"

#include "core/SourceTable.h"

#include "core/Flow.h"
#include "script/Wql.h"

#include "llvm/ADT/StringExtras.h"

using namespace verguard::core;

namespace verguard::powershell {

namespace {

/// The text of a literal argument (a path, a bareword or a string constant).
std::string literalText(const Val &V) {
  if (!V.PathText.empty())
    return V.PathText;
  if (V.E && V.E->Kind == Op::StrConst)
    return V.E->Str;
  return {};
}

ExprPtr q(Quantity Q, std::string Prov) { return quantity(Q, std::move(Prov)); }

ExprPtr withSiblings(ExprPtr E, std::string BuildText) {
  auto C = clone(*E);
  C->Siblings.push_back({Quantity::Build, std::move(BuildText)});
  return C;
}

std::string normalizeType(llvm::StringRef T) {
  std::string S = T.trim().lower();
  llvm::StringRef R = S;
  R.consume_front("system.");
  return R.str();
}

const char *CanonicalBuildFromRegistry =
    "[int](Get-ItemProperty 'HKLM:\\SOFTWARE\\Microsoft\\Windows "
    "NT\\CurrentVersion').CurrentBuildNumber";

} // namespace

std::vector<script::Node> Lowerer::argNodes(script::Node Args) {
  std::vector<script::Node> R;
  if (script::isNull(Args))
    return R;
  script::Node List = script::field(Args, "argument_expression_list");
  if (script::isNull(List))
    return R;
  uint32_t C = script::namedChildCount(List);
  for (uint32_t I = 0; I < C; ++I) {
    script::Node K = script::namedChild(List, I);
    if (typeOf(K) != "comment")
      R.push_back(K);
  }
  return R;
}

bool Lowerer::isCurrentVersionKey(llvm::StringRef Path) {
  std::string P = Path.trim().lower();
  for (char &C : P)
    if (C == '/')
      C = '\\';
  llvm::StringRef R = P;
  R.consume_front("microsoft.powershell.core\\");
  R.consume_front("registry::");
  std::string S = R.str();
  auto Replace = [&](llvm::StringRef From, llvm::StringRef To) {
    if (llvm::StringRef(S).starts_with(From))
      S = To.str() + S.substr(From.size());
  };
  Replace("hkey_local_machine", "hklm");
  Replace("hklm:", "hklm");
  std::string C;
  for (char Ch : S)
    if (!(Ch == '\\' && !C.empty() && C.back() == '\\'))
      C += Ch;
  while (!C.empty() && C.back() == '\\')
    C.pop_back();
  return C == "hklm\\software\\microsoft\\windows nt\\currentversion" ||
         C == "hklm\\software\\wow6432node\\microsoft\\windows "
              "nt\\currentversion" ||
         C == "software\\microsoft\\windows nt\\currentversion";
}

bool Lowerer::isSystemBinary(llvm::StringRef Path) {
  // One of the source table's OS binaries, in any folder: a third-party
  // driver or DLL under System32 (`drivers\ctxflt.sys`, `msvcr100.dll`)
  // carries its own product's version.
  return core::builtinSources().isSystemBinary(Path.trim().trim("'\" "));
}

ExprPtr Lowerer::registryValue(llvm::StringRef N) const {
  ExprPtr V = core::sourceValue(core::builtinSources().registryValue(N),
                                "registry CurrentVersion\\" + N.str());
  if (V && V->Kind == Op::Quantity && V->Q == Quantity::Revision)
    return withSiblings(V, CanonicalBuildFromRegistry);
  return V;
}

ExprPtr Lowerer::versionPart(const ExprPtr &V, llvm::StringRef Part,
                             llvm::StringRef ObjText) const {
  static const char *Parts[] = {"major", "minor", "build", "revision"};
  int Idx = -1;
  for (int I = 0; I < 4; ++I)
    if (Part.equals_insensitive(Parts[I]))
      Idx = I;
  const Expr *K = V->Kids.empty() ? nullptr : V->Kids[0].get();
  if (K && K->Kind == Op::Quantity) {
    std::string P = K->Provenance + "." + Part.str();
    if (K->Q == Quantity::DotNetVersion) {
      if (Part.equals_insensitive("MajorRevision"))
        return q(Quantity::SPMajor, P);
      if (Part.equals_insensitive("MinorRevision"))
        return q(Quantity::SPMinor, P);
      switch (Idx) {
      case 0:
        return q(Quantity::Major, P);
      case 1:
        return q(Quantity::Minor, P);
      case 2:
        return q(Quantity::Build, P);
      case 3:
        return binary(Op::BitOr,
                      binary(Op::Shl, q(Quantity::SPMajor, P), intConst(16)),
                      q(Quantity::SPMinor, P));
      }
      return nullptr;
    }
    if (K->Q == Quantity::Version || K->Q == Quantity::FileVersion) {
      switch (Idx) {
      case 0:
        return q(Quantity::Major, P);
      case 1:
        return q(Quantity::Minor, P);
      case 2:
        return q(Quantity::Build, P);
      case 3:
        if (K->Q == Quantity::Version)
          return intConst(-1);
        return withSiblings(q(Quantity::Revision, P),
                            ObjText.empty() ? "" : ObjText.str() + ".Build");
      }
      return nullptr;
    }
  }
  // A version put together from its parts: the part itself.
  if (K && K->Kind == Op::Concat)
    if (ExprPtr P = core::versionMember(*V, Part))
      return P;
  if (Idx < 0)
    return nullptr;
  return binary(Op::Index, V, intConst(Idx));
}

std::optional<ExprPtr> Lowerer::inferFromName(llvm::StringRef Name) const {
  auto Q = quantityNamed(Name);
  if (!Q)
    return std::nullopt;
  return quantity(*Q, "inferred from the name `" + Name.str() + "`",
                  /*Inferred=*/true);
}

std::optional<Val> Lowerer::sourceCommand(const CmdArgs &A, int Depth) {
  const std::string &N = A.Name;
  for (const UserSource &U : Opts.Sources)
    if ((U.Language.empty() || U.Language == "powershell") &&
        llvm::StringRef(U.Name).equals_insensitive(N))
      return Val::of(quantity(U.Q, "user source " + U.Name));
  auto PathOf = [&](std::initializer_list<llvm::StringRef> Params,
                    size_t Pos) -> Val {
    for (llvm::StringRef P : Params)
      if (const script::Node *X = A.named(P))
        return argValue(*X, Depth + 1);
    if (Pos < A.Positional.size())
      return argValue(A.Positional[Pos], Depth + 1);
    return {};
  };
  auto StrOf = [](const Val &V) -> std::string {
    if (!V.PathText.empty())
      return V.PathText;
    if (V.E && V.E->Kind == Op::StrConst)
      return V.E->Str;
    return {};
  };
  if (N == "get-wmiobject" || N == "gwmi" || N == "get-ciminstance" ||
      N == "gcim") {
    bool IsOS = false, IsDataFile = false;
    std::string Other; // another class named (Win32_BIOS): not the OS
    // CIM_DataFile of a system binary: its Version is that binary's file
    // version.
    auto NamesSystemBinary = [&](llvm::StringRef Text) {
      return builtinSources().quotesSystemBinary(Text);
    };
    const script::Node *Query = A.named("query");
    if (Query) {
      Val QV = argValue(*Query, Depth + 1);
      if (QV.E && QV.E->Kind == Op::StrConst) {
        auto Class = script::wqlQueryClass(QV.E->Str);
        if (Class &&
            llvm::StringRef(*Class).equals_insensitive("Win32_OperatingSystem"))
          IsOS = true;
        else if (Class)
          Other = *Class;
        IsDataFile =
            Class &&
            llvm::StringRef(*Class).equals_insensitive("CIM_DataFile") &&
            NamesSystemBinary(QV.E->Str);
        wqlGuard(*Query, QV, /*IsQuery=*/true, IsOS);
      } else if (!Emit) {
        // `-Query $Query` of a helper's parameter: at each call.
        noteWqlParam(*Query, /*IsQuery=*/true);
      }
    } else {
      Val Class = PathOf({"classname", "class"}, 0);
      std::string ClassText = StrOf(Class);
      llvm::StringRef ClassName = llvm::StringRef(ClassText).trim("'\" ");
      IsOS = ClassName.equals_insensitive("Win32_OperatingSystem");
      if (!IsOS && !ClassName.empty() && !ClassName.contains('$'))
        Other = ClassName.str();
      if (const script::Node *F = A.named("filter")) {
        Val FV = argValue(*F, Depth + 1);
        IsDataFile = ClassName.equals_insensitive("CIM_DataFile") && FV.E &&
                     FV.E->Kind == Op::StrConst && NamesSystemBinary(FV.E->Str);
        wqlGuard(*F, FV, /*IsQuery=*/false, IsOS);
        if (IsOS && !Emit)
          noteWqlParam(*F, /*IsQuery=*/false);
      }
    }
    if (IsDataFile) {
      Val V;
      V.Obj = ObjKind::DataFile;
      return V;
    }
    if (!IsOS) {
      Val V;
      V.NotOs = !Other.empty();
      return V;
    }
    Val V;
    V.Obj = ObjKind::WmiOS;
    return V;
  }
  if (N == "get-computerinfo" || N == "gin") {
    Val V;
    V.Obj = ObjKind::ComputerInfo;
    return V;
  }
  if (N == "get-itemproperty" || N == "gp") {
    Val P = PathOf({"path", "literalpath", "pspath"}, 0);
    if (!isCurrentVersionKey(StrOf(P)))
      return std::nullopt;
    Val V;
    V.Obj = ObjKind::RegCurrentVersion;
    return V;
  }
  if (N == "get-itempropertyvalue" || N == "gpv") {
    Val P = PathOf({"path", "literalpath", "pspath"}, 0);
    if (!isCurrentVersionKey(StrOf(P)))
      return std::nullopt;
    Val Name = PathOf({"name"}, 1);
    std::string S = StrOf(Name);
    ExprPtr E = S.empty() ? nullptr : registryValue(S);
    return E ? Val::of(E) : Val();
  }
  if (N == "get-item" || N == "gi" || N == "get-childitem" || N == "gci" ||
      N == "dir" || N == "ls") {
    Val P = PathOf({"path", "literalpath"}, 0);
    std::string S = StrOf(P);
    Val V;
    if (isCurrentVersionKey(S))
      V.Obj = ObjKind::RegKey;
    else if (isSystemBinary(S))
      V.Obj = ObjKind::FileItem;
    else
      return std::nullopt;
    return V;
  }
  if (N == "cmd" || N == "cmd.exe") {
    bool SawC = false;
    for (script::Node P : A.Positional) {
      std::string S = StrOf(argValue(P, Depth + 1));
      llvm::StringRef T = llvm::StringRef(S).trim("'\" ");
      if (T.equals_insensitive("/c") || T.equals_insensitive("/k")) {
        SawC = true;
        continue;
      }
      if (SawC &&
          (T.equals_insensitive("ver") || T.equals_insensitive("/c ver")))
        return Val::of(core::commandOutput("cmd /c ver"));
      if (T.equals_insensitive("/c ver") || T.equals_insensitive("/c \"ver\""))
        return Val::of(core::commandOutput("cmd /c ver"));
      break;
    }
    return std::nullopt;
  }
  if (N == "systeminfo" || N == "systeminfo.exe")
    return Val::of(core::commandOutput("systeminfo"));
  if (N == "join-path") {
    Val P = PathOf({"path"}, 0), C = PathOf({"childpath"}, 1);
    Val V;
    V.PathText = StrOf(P) + "\\" + StrOf(C);
    return V;
  }
  if (N == "new-object") {
    // `New-Object -ComObject Microsoft.SMS.TSEnvironment`: MDT's and
    // ConfigMgr's task sequence variables (`$tsenv.Value("OSCurrentBuild")`).
    if (A.named("comobject")) {
      Val C = PathOf({"comobject"}, 0);
      Val V;
      if (llvm::StringRef(StrOf(C)).equals_insensitive(
              "Microsoft.SMS.TSEnvironment"))
        V.Obj = ObjKind::TsEnvironment;
      return V;
    }
    Val T = PathOf({"typename"}, 0);
    std::string Ty = normalizeType(StrOf(T));
    if (Ty == "version") {
      Val Arg = PathOf({"argumentlist"}, 1);
      if (Arg.IsList)
        return versionOfParts(Arg.Items);
      if (!Arg.E)
        return Val();
      return castTo("version", Arg);
    }
    // `New-Object HostBuild -ArgumentList $v` of a class of this script.
    if (auto R = classRecord(Ty)) {
      Val Arg = PathOf({"argumentlist"}, 1);
      noteConstruction(Ty,
                       Arg.IsList ? Arg.Items : std::vector<ExprPtr>{Arg.E});
      return *R;
    }
    // `New-Object PSObject -Property @{ Build = ... }`: a record.
    if (Ty == "psobject" || Ty == "pscustomobject" ||
        Ty == "system.management.automation.psobject") {
      Val P = PathOf({"property"}, 1);
      if (P.Obj == ObjKind::Hashtable)
        return P;
    }
    return Val();
  }
  return std::nullopt;
}

std::optional<Val> Lowerer::staticMember(llvm::StringRef TypeText,
                                         llvm::StringRef Member,
                                         script::Node Args, bool IsCall,
                                         int Depth) {
  std::string Ty = normalizeType(TypeText);
  std::string M = Member.lower();
  for (const UserSource &U : Opts.Sources)
    if ((U.Language.empty() || U.Language == "powershell") &&
        (llvm::StringRef(U.Name).equals_insensitive(TypeText.str() +
                                                    "::" + Member.str()) ||
         llvm::StringRef(U.Name).equals_insensitive(Ty + "::" + M)))
      return Val::of(quantity(U.Q, "user source " + U.Name));
  std::vector<script::Node> ArgN = argNodes(Args);
  // `[OsInfo]::new()` of a class of this script: its fields, as its
  // constructor sets them from what the calls pass.
  if (M == "new" && IsCall)
    if (auto R = classRecord(TypeText)) {
      std::vector<ExprPtr> Passed;
      for (script::Node A : ArgN)
        Passed.push_back(lower(A, Depth + 1).E);
      noteConstruction(TypeText, Passed);
      return *R;
    }
  auto ArgVal = [&](size_t I) -> Val {
    return I < ArgN.size() ? lower(ArgN[I], Depth + 1) : Val();
  };
  auto Str = literalText;
  if (Ty == "environment") {
    if (M == "osversion" && !IsCall) {
      Val V;
      V.Obj = ObjKind::OSVersion;
      V.E = q(Quantity::VersionString, "[Environment]::OSVersion");
      return V;
    }
    if (M == "systemdirectory") {
      Val V;
      V.PathText = "$env:windir\\system32";
      return V;
    }
    if (M == "expandenvironmentvariables" && IsCall)
      return ArgVal(0);
    if (M == "getfolderpath" && IsCall) {
      std::string A = llvm::StringRef(Str(ArgVal(0))).lower();
      if (A.find("system") != std::string::npos ||
          A.find("windows") != std::string::npos) {
        Val V;
        V.PathText = "$env:windir\\system32";
        return V;
      }
      if (!ArgN.empty() &&
          llvm::StringRef(text(ArgN[0])).contains_insensitive("system")) {
        Val V;
        V.PathText = "$env:windir\\system32";
        return V;
      }
      return Val();
    }
    return Val();
  }
  if (Ty == "diagnostics.fileversioninfo" && M == "getversioninfo") {
    if (!isSystemBinary(Str(ArgVal(0))))
      return Val();
    Val V;
    V.Obj = ObjKind::FileVersionInfo;
    return V;
  }
  if (Ty == "microsoft.win32.registry" || Ty == "microsoft.win32.registrykey" ||
      Ty == "win32.registry") {
    if (M == "getvalue" && IsCall) {
      if (!isCurrentVersionKey(Str(ArgVal(0))))
        return Val();
      ExprPtr E = registryValue(Str(ArgVal(1)));
      return E ? Val::of(E) : Val();
    }
    if (M == "localmachine" ||
        (M == "openremotebasekey" &&
         llvm::StringRef(Str(ArgVal(0)))
             .contains_insensitive("localmachine")) ||
        (M == "openbasekey" && llvm::StringRef(Str(ArgVal(0)))
                                   .contains_insensitive("localmachine"))) {
      Val V;
      V.PathText = "hklm:";
      return V;
    }
    return Val();
  }
  if (Ty == "version" && IsCall && (M == "parse" || M == "new")) {
    if (M == "new" && ArgN.size() >= 2 && ArgN.size() <= 4) {
      std::vector<ExprPtr> Parts; // [version]::new(6, 0, 6003)
      for (size_t I = 0; I < ArgN.size(); ++I)
        Parts.push_back(ArgVal(I).expr());
      return versionOfParts(Parts);
    }
    if (ArgN.size() != 1)
      return Val();
    return castTo("version", ArgVal(0));
  }
  // [regex]::IsMatch($v, '^6\.0\.6002') is $v -match '^6\.0\.6002'.
  if (Ty == "regex" && IsCall && M == "ismatch" && ArgN.size() == 2) {
    ExprPtr S = ArgVal(0).expr(), P = ArgVal(1).expr();
    if (P->Kind != Op::StrConst || !dependsOnVersion(*S))
      return Val();
    if (!isStringExpr(S))
      S = unary(Op::ToStr, S);
    auto E = clone(*binary(Op::Regex, S, P));
    E->Syntax = Dialect::PowerShell;
    return Val::of(E);
  }
  // [int]::TryParse($raw, [ref]$b): $b is the parsed value afterwards (the
  // call's own result, whether it parsed, is not known).
  if ((Ty == "int" || Ty == "int32" || Ty == "int64") && IsCall &&
      M == "tryparse" && ArgN.size() == 2) {
    script::Node Ref = unwrap(ArgN[1]);
    if (typeOf(Ref) == "cast_expression" &&
        text(script::child(Ref, 0)).trim("[] ").equals_insensitive("ref")) {
      script::Node Var =
          unwrap(script::child(Ref, script::childCount(Ref) - 1));
      if (typeOf(Var) == "variable")
        bind(varName(text(Var)), varScope(text(Var)), castTo("int", ArgVal(0)),
             BranchDepth > 0);
    }
    return Val();
  }
  if ((Ty == "int" || Ty == "int32" || Ty == "int64") && IsCall && M == "parse")
    return castTo("int", ArgVal(0));
  return Val();
}

Val Lowerer::versionOfParts(const std::vector<ExprPtr> &Parts) {
  // System.Version(major, minor[, build[, revision]]) of constants.
  if (Parts.size() < 2 || Parts.size() > 4)
    return Val();
  std::string Text;
  bool Const = true;
  for (const ExprPtr &P : Parts) {
    if (!P || P->Kind != Op::IntConst || P->Int < 0)
      Const = false;
    else
      Text += (Text.empty() ? "" : ".") + std::to_string(P->Int);
  }
  if (Const)
    return castTo("version", Val::of(strConst(Text)));
  // `New-Object System.Version -ArgumentList $vi.FileMajorPart, ...`.
  ExprPtr V = core::versionOfParts(Parts);
  return V ? Val::of(V) : Val();
}

Val Lowerer::member(const Val &O, llvm::StringRef Name, llvm::StringRef ObjText,
                    int Depth) {
  if (O.NotOs) {
    Val V;
    V.NotOs = true;
    return V;
  }
  auto Inferred = [&](ExprPtr E) {
    Val V = Val::of(std::move(E));
    V.Inferred = O.Inferred;
    return V;
  };
  switch (O.Obj) {
  case ObjKind::Hashtable:
    // `$facts.Build` of `$facts = @{ Build = ... }`: a record's field.
    if (auto F = O.Fields.find(Name.lower()); F != O.Fields.end())
      return Val::of(F->second);
    if (!script::isNull(O.Hash))
      if (auto V = hashEntry(O.Hash, Name, Depth))
        return *V;
    return {};
  case ObjKind::Matches: // `$Matches.build` of `(?<build>\d+)`
    if (O.CmpA)
      if (ExprPtr G = core::regexGroup(*O.CmpA, *strConst(Name.str())))
        return Val::of(G);
    return {};
  case ObjKind::OSVersion:
    if (Name.equals_insensitive("Version"))
      return Val::of(
          unary(Op::VersionOf, q(Quantity::DotNetVersion,
                                 "[Environment]::OSVersion.Version")));
    if (Name.equals_insensitive("VersionString"))
      return Val::of(
          q(Quantity::VersionString, "[Environment]::OSVersion.VersionString"));
    if (Name.equals_insensitive("ServicePack"))
      return Val::of(
          q(Quantity::CSDVersion, "[Environment]::OSVersion.ServicePack"));
    return {};
  case ObjKind::WmiOS:
    if (ExprPtr E = script::osProperty(Name))
      return Inferred(E);
    return {};
  case ObjKind::ComputerInfo: {
    std::string P = "Get-ComputerInfo." + Name.str();
    if (Name.equals_insensitive("OsBuildNumber"))
      return Val::of(unary(Op::ToStr, q(Quantity::Build, P)));
    if (Name.equals_insensitive("OsVersion"))
      return Val::of(q(Quantity::Version, P));
    if (Name.equals_insensitive("WindowsBuildLabEx"))
      return Val::of(q(Quantity::BuildLabEx, P));
    if (Name.equals_insensitive("WindowsCurrentVersion"))
      return Val::of(q(Quantity::CurrentVersion, P));
    if (Name.equals_insensitive("OsServicePackMajorVersion"))
      return Val::of(q(Quantity::SPMajor, P));
    if (Name.equals_insensitive("WindowsProductName") ||
        Name.equals_insensitive("OsName"))
      return Val::of(q(Quantity::ProductName, P));
    if (Name.equals_insensitive("WindowsUBR"))
      return Val::of(
          withSiblings(q(Quantity::Revision, P), CanonicalBuildFromRegistry));
    return {};
  }
  case ObjKind::RegCurrentVersion:
    if (ExprPtr E = registryValue(Name))
      return Val::of(E);
    return {};
  case ObjKind::DataFile:
    if (Name.equals_insensitive("Version"))
      return Val::of(
          q(Quantity::FileVersion, "CIM_DataFile.Version of a system binary"));
    return {};
  case ObjKind::FileItem:
    if (Name.equals_insensitive("VersionInfo")) {
      Val V;
      V.Obj = ObjKind::FileVersionInfo;
      return V;
    }
    return {};
  case ObjKind::FileVersionInfo: {
    std::string P = "file version " + Name.str();
    if (Name.equals_insensitive("FileVersion") ||
        Name.equals_insensitive("ProductVersion"))
      return Val::of(q(Quantity::FileVersion, P));
    if (Name.equals_insensitive("FileVersionRaw") ||
        Name.equals_insensitive("ProductVersionRaw"))
      return Val::of(unary(Op::VersionOf, q(Quantity::FileVersion, P)));
    if (Name.equals_insensitive("FileMajorPart") ||
        Name.equals_insensitive("ProductMajorPart"))
      return Val::of(q(Quantity::Major, P));
    if (Name.equals_insensitive("FileMinorPart") ||
        Name.equals_insensitive("ProductMinorPart"))
      return Val::of(q(Quantity::Minor, P));
    if (Name.equals_insensitive("FileBuildPart") ||
        Name.equals_insensitive("ProductBuildPart"))
      return Val::of(q(Quantity::Build, P));
    if (Name.equals_insensitive("FilePrivatePart") ||
        Name.equals_insensitive("ProductPrivatePart"))
      return Val::of(withSiblings(q(Quantity::Revision, P),
                                  ObjText.str() + ".FileBuildPart"));
    return {};
  }
  default:
    break;
  }
  ExprPtr E = O.expr();
  if (E->Kind == Op::VersionOf) {
    if (ExprPtr P = versionPart(E, Name, ObjText))
      return Val::of(P);
    return {};
  }
  if (Name.equals_insensitive("Length") && (O.E && isStringExpr(O.E)))
    return Val::of(unary(Op::Length, E));
  // `$OSVersion.Build` of a `$OSVersion` whose source is out of sight: what
  // its name says, a version, has these parts (evidence: a warning).
  if (O.Inferred && E->Kind == Op::Quantity && E->Q == Quantity::Version)
    if (ExprPtr P = versionPart(unary(Op::VersionOf, E), Name, ObjText)) {
      auto Marked = clone(*P);
      Marked->Flags |= FlagInferred;
      Val V = Val::of(std::move(Marked));
      V.Inferred = true;
      return V;
    }
  if (E->Kind != Op::Unknown || O.isObject() || O.IsList)
    return {};
  // An object of unknown origin: names that only an OS object has.
  std::string Prov = "inferred from `." + Name.str() + "`";
  if (Name.equals_insensitive("BuildNumber") ||
      Name.equals_insensitive("CurrentBuildNumber") ||
      Name.equals_insensitive("CurrentBuild") ||
      Name.equals_insensitive("OsBuildNumber")) {
    Val V = Val::of(
        unary(Op::ToStr, quantity(Quantity::Build, Prov, /*Inferred=*/true)));
    V.Inferred = true;
    return V;
  }
  if (Name.equals_insensitive("UBR")) {
    Val V = Val::of(quantity(Quantity::Revision, Prov, /*Inferred=*/true));
    V.Inferred = true;
    return V;
  }
  if (Name.equals_insensitive("Build") || Name.equals_insensitive("Version")) {
    // Only on an object whose own name says it is about the OS version
    // (`$os`, `$winInfo`; not `$toolVersion`, `$buildEnv`).
    auto Q = quantityNamed((ObjText + "Version").str());
    if (Q == Quantity::Version) {
      Val V =
          Val::of(quantity(Name.equals_insensitive("Build") ? Quantity::Build
                                                            : Quantity::Version,
                           Prov, /*Inferred=*/true));
      V.Inferred = true;
      return V;
    }
  }
  return {};
}

Val Lowerer::method(const Val &O, llvm::StringRef Name, script::Node ObjNode,
                    script::Node Call, script::Node Args, int Depth) {
  if (O.NotOs)
    return {};
  std::vector<script::Node> ArgN = argNodes(Args);
  auto ArgVal = [&](size_t I) -> Val {
    return I < ArgN.size() ? lower(ArgN[I], Depth + 1) : Val();
  };
  auto Str = literalText;
  std::string M = Name.lower();
  if (O.Obj == ObjKind::TsEnvironment && M == "value" && ArgN.size() == 1) {
    if (const core::SourceEntry *E =
            core::builtinSources().taskSequenceVariable(Str(ArgVal(0))))
      return Val::of(core::sourceValue(E, "task sequence variable " + E->Name));
    return {};
  }
  if (O.Obj == ObjKind::RegKey && M == "getvalue") {
    ExprPtr E = registryValue(Str(ArgVal(0)));
    return E ? Val::of(E) : Val();
  }
  if (M == "opensubkey" && O.PathText == "hklm:") {
    if (isCurrentVersionKey("hklm\\" + Str(ArgVal(0)))) {
      Val V;
      V.Obj = ObjKind::RegKey;
      return V;
    }
    return {};
  }
  // A method of this script's class on an instance with version fields (a
  // call on `$this` is on whichever instance that is).
  if (O.Obj == ObjKind::Hashtable && !O.Class.empty() && Inlining.empty() &&
      !text(ObjNode).trim().equals_insensitive("$this")) {
    Val This = Val::spelledWithin(O, core::SourceSpan{});
    This.Class = O.Class;
    auto [It, New] = CallerThis.try_emplace(O.Class, This);
    if (!New && It->second &&
        (O.Fields.empty() || !core::sameFields(It->second->Fields, O.Fields)))
      It->second.reset();
  }
  if (O.Obj == ObjKind::Hashtable) {
    if (M == "containskey" || M == "contains" || M == "item" ||
        M == "get_item") {
      if (!ArgN.empty())
        tableGuard(O, operand(ArgVal(0), ArgN[0]), Call);
    }
    return {};
  }
  ExprPtr Self = O.expr();
  if (O.Obj == ObjKind::OSVersion && M == "tostring")
    return Val::of(Self);
  if (O.isObject())
    return {};
  if (M == "tostring") {
    if (Self->Kind == Op::VersionOf && !Self->Kids.empty() &&
        Self->Kids[0]->Kind == Op::Quantity && ArgN.empty())
      return Val::of(Self->Kids[0]);
    // `[Environment]::OSVersion.Version.ToString(3)`: "6.0.6002".
    if (Self->Kind == Op::VersionOf && !Self->Kids.empty() &&
        Self->Kids[0]->Kind == Op::Quantity &&
        Self->Kids[0]->Q == Quantity::DotNetVersion && ArgN.size() == 1) {
      Val N = ArgVal(0);
      if (N.E && N.E->Kind == Op::IntConst && N.E->Int == 3)
        return Val::of(q(Quantity::Version,
                         "[Environment]::OSVersion.Version.ToString(3)"));
    }
    if (isStringExpr(Self))
      return O;
    if (dependsOnVersion(*Self))
      return Val::of(unary(Op::ToStr, Self));
    return {};
  }
  if (!dependsOnVersion(*Self) && !O.IsList)
    return {};
  ExprPtr SelfOp = script::isNull(ObjNode) ? Self : operand(O, ObjNode);
  if (O.IsList) {
    if (M == "contains" && ArgN.size() == 1) {
      std::vector<ExprPtr> Kids{operand(ArgVal(0), ArgN[0])};
      for (const ExprPtr &X : O.Items)
        Kids.push_back(X);
      auto E = clone(*nary(Op::Element, Kids));
      E->Mode = CmpMode::Str;
      E->Syntax = Dialect::PowerShell;
      E->Written = spell(Call);
      return Val::of(E);
    }
    return {};
  }
  bool IsStr = isStringExpr(Self);
  if ((M == "split") && !ArgN.empty()) {
    if (ArgN.size() != 1)
      return {};
    Val Sep = ArgVal(0);
    if (!Sep.E || Sep.E->Kind != Op::StrConst || Sep.E->Str.empty())
      return {};
    if (!IsStr)
      Self = unary(Op::ToStr, Self);
    if (Sep.E->Str.size() > 1) // a char[]-converted string: any of them
      return {};
    return Val::of(binary(Op::Split, Self, strConst(Sep.E->Str)));
  }
  if (!IsStr && M != "equals" && M != "compareto")
    return {};
  if (M == "substring") {
    Val A = ArgVal(0), B = ArgVal(1);
    ExprPtr L = ArgN.size() > 1 ? B.expr() : intConst(-1);
    return Val::of(nary(Op::Substr, {Self, A.expr(), L}));
  }
  // String.Replace(old, new): ordinal, case-sensitive, every occurrence.
  if (M == "replace" && ArgN.size() == 2) {
    ExprPtr From = ArgVal(0).expr(), To = ArgVal(1).expr();
    if (From->Kind != Op::StrConst || To->Kind != Op::StrConst ||
        From->Str.empty())
      return {};
    return Val::of(nary(Op::Replace, {Self, From, To}));
  }
  if (M == "trim" || M == "trimend" || M == "trimstart")
    return ArgN.empty() ? Val::of(unary(Op::Trim, Self)) : Val();
  if (M == "tolower" || M == "tolowerinvariant")
    return Val::of(unary(Op::Lower, Self));
  if (M == "toupper" || M == "toupperinvariant")
    return Val::of(unary(Op::Upper, Self));
  bool CI = ArgN.size() > 1 &&
            llvm::StringRef(text(ArgN[1])).contains_insensitive("ignorecase");
  if ((M == "startswith" || M == "endswith" || M == "contains") &&
      !ArgN.empty()) {
    Op K = M == "startswith" ? Op::StartsWith
           : M == "endswith" ? Op::EndsWith
                             : Op::Contains;
    auto E = clone(*binary(K, SelfOp, operand(ArgVal(0), ArgN[0])));
    E->Syntax = Dialect::PowerShell;
    E->Written = spell(Call);
    if (inParens(script::startByte(Call), script::endByte(Call)))
      E->Flags |= FlagParenthesized;
    if (CI)
      E->Flags |= FlagCaseInsensitive;
    return Val::of(E);
  }
  if (M == "indexof" && !ArgN.empty())
    return Val::of(binary(Op::Find, Self, ArgVal(0).expr()));
  CmpMode Mode = Self->Kind == Op::VersionOf ? CmpMode::Version
                 : IsStr ? (CI ? CmpMode::StrCI : CmpMode::Str)
                         : CmpMode::Int;
  if (M == "equals" && ArgN.size() >= 1) {
    Val A = ArgVal(0);
    ExprPtr AE = operand(A, ArgN[0]);
    if (Mode == CmpMode::Int && isStringExpr(AE))
      return {}; // int.Equals(string) is false whatever the value
    return Val::of(
        cmp(CmpOp::EQ, SelfOp, AE, Mode, Dialect::PowerShell, spell(Call)));
  }
  if (M == "compareto" && ArgN.size() == 1) {
    Val V;
    V.Obj = ObjKind::CompareTo;
    V.CmpA = SelfOp;
    Val A = ArgVal(0);
    V.CmpB = operand(A, ArgN[0]);
    if (Mode == CmpMode::Version && V.CmpB->Kind == Op::VersionOf &&
        !V.CmpB->Kids.empty() && V.CmpB->Kids[0]->isConst())
      V.CmpB = V.CmpB->Kids[0];
    V.CmpM = Mode;
    return V;
  }
  return {};
}

} // namespace verguard::powershell
