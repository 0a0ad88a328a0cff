//===- Lowering.h - Clang expressions to guard expressions ------*- C++ -*-===//
//
// Lowers C/C++ expressions to core::Expr: follows values from their Windows
// source (GetVersionEx, RtlGetVersion, GetVersion, the registry, file versions,
// VerifyVersionInfo) through macros, constants, variables, struct copies,
// members and same-TU functions to the comparison.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_CPP_LOWERING_H
#define VERGUARD_CPP_LOWERING_H

#include "core/Expr.h"
#include "core/FrontendOptions.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

#include <optional>
#include <vector>

namespace verguard::cpp {

/// A call of a lambda (its closure's operator()).
bool isLambdaCall(const clang::CallExpr *CE);

/// A string literal's text as UTF-8 (wide literals too).
std::string literalUtf8(const clang::StringLiteral *S);

/// What the whole translation unit says about where values come from,
/// gathered once before any guard is lowered.
struct Facts {
  /// Every value stored into a variable (initializer and assignments).
  llvm::DenseMap<const clang::VarDecl *, std::vector<const clang::Expr *>>
      VarDefs;
  /// Variables written through an out-parameter of a known API.
  llvm::DenseMap<const clang::VarDecl *, core::ExprPtr> OutDefs;
  /// Every write by a call (an API's or a helper's out-parameter) into a
  /// local variable, where the call is; null for a value not known. A read
  /// sees the last one before it (`Rd(L"CurrentVersion", buf);
  /// Rd(L"CurrentBuildNumber", buf); wcstoul(buf, ...)`).
  llvm::DenseMap<const clang::VarDecl *,
                 std::vector<std::pair<clang::SourceLocation, core::ExprPtr>>>
      OutDefsAt;
  /// A local that is not a parameter: its writes are in one body.
  static bool plainLocal(const clang::VarDecl *VD) {
    return VD->hasLocalStorage() && !llvm::isa<clang::ParmVarDecl>(VD);
  }
  /// Records a call's write into VD (OutDefsAt), if VD is a plain local.
  void wroteByCall(const clang::VarDecl *VD, clang::SourceLocation At,
                   core::ExprPtr V) {
    if (plainLocal(VD))
      OutDefsAt[VD].push_back({At, std::move(V)});
  }
  /// Variables changed in ways verguard does not follow (++, an update in
  /// a loop, ...).
  llvm::DenseSet<const clang::VarDecl *> Clobbered;
  /// In-place updates outside loops (`b &= 0xFFFF`, `b = b & mask` counts
  /// as a definition), in source order: a read sees those before it.
  llvm::DenseMap<const clang::VarDecl *,
                 std::vector<const clang::BinaryOperator *>>
      Updates;
  /// Every value stored into a field (any object), and constructor inits.
  llvm::DenseMap<const clang::FieldDecl *, std::vector<const clang::Expr *>>
      FieldDefs;
  /// Fields an API writes through an out-parameter (`RegQueryValueExA(...,
  /// (LPBYTE)&host->ubr, ...)`), and fields a sprintf-like call fills (the
  /// call and its format's index), through any object of their type.
  llvm::DenseMap<const clang::FieldDecl *, core::ExprPtr> FieldOutDefs;
  llvm::DenseMap<const clang::FieldDecl *,
                 std::pair<const clang::CallExpr *, unsigned>>
      FieldFormatDefs;
  /// Fields passed to a call by address or as an array (written through,
  /// as far as verguard can tell): their names say nothing of their value.
  llvm::DenseSet<const clang::FieldDecl *> FieldsWrittenByCalls;
  /// `var.field = value` for a struct variable (VerifyVersionInfo inputs).
  llvm::DenseMap<std::pair<const clang::VarDecl *, const clang::FieldDecl *>,
                 const clang::Expr *>
      StructFieldDefs;
  /// The file whose version resource a buffer holds
  /// (`GetFileVersionInfoW(path, 0, size, buf)`: buf -> path), and the
  /// buffer a VS_FIXEDFILEINFO pointer points into
  /// (`VerQueryValueW(buf, L"\\", (void **)&ffi, &len)`: ffi -> buf).
  llvm::DenseMap<const clang::VarDecl *, const clang::Expr *> VersionInfoFile;
  llvm::DenseMap<const clang::VarDecl *, const clang::VarDecl *>
      FixedInfoBuffer;
  /// VARIANTs filled by IWbemClassObject::Get, each call in order: a
  /// variable reused for several properties holds the one of the last Get
  /// before a read.
  /// A property named by the enclosing helper's parameter
  /// (`obj->Get(prop, 0, &vt, ...)`) is read per call: Name is then the
  /// argument, and V null.
  struct VariantDef {
    clang::SourceLocation Loc;
    core::ExprPtr V;
    const clang::Expr *Name = nullptr;
  };
  llvm::DenseMap<const clang::VarDecl *, std::vector<VariantDef>> VariantDefs;
  /// Whether the main file names Win32_OperatingSystem (read once, at the
  /// first IWbemClassObject::Get of a property other classes have too).
  std::optional<bool> NamesOsClass;
  /// Return values of functions defined in the translation unit.
  llvm::DenseMap<const clang::FunctionDecl *, std::vector<const clang::Expr *>>
      Returns;
  /// Buffers written by sprintf-like calls: the call and its format index.
  llvm::DenseMap<const clang::VarDecl *,
                 std::pair<const clang::CallExpr *, unsigned>>
      FormatDefs;
  /// Buffers a copy or conversion call filled with another string
  /// (`WideCharToMultiByte(..., src, -1, buf, ...)`, `wcscpy_s(buf, n,
  /// src)`): the source, read where the buffer is.
  llvm::DenseMap<const clang::VarDecl *, const clang::Expr *> CopyDefs;
  /// The same, for a field (`WideCharToMultiByte(..., m_os.labExA, ...)`).
  llvm::DenseMap<const clang::FieldDecl *, const clang::Expr *> FieldCopyDefs;
  /// Variables read by an sscanf-like call: the call, and which of its
  /// conversions (from 0) writes the variable.
  llvm::DenseMap<const clang::VarDecl *,
                 std::pair<const clang::CallExpr *, unsigned>>
      ScanDefs;
  /// Buffers filled from the registry by a helper whose value name is its
  /// parameter (`RegGetValueW(..., name, ..., &v, ...)`): the call and the
  /// index of the value-name argument, read at each call of the helper.
  llvm::DenseMap<const clang::VarDecl *,
                 std::pair<const clang::CallExpr *, unsigned>>
      RegistryDefs;
  /// What was written into a string stream variable with `<<`, in order
  /// (`os << major << "." << build`), read by `os.str()`.
  llvm::DenseMap<const clang::VarDecl *, std::vector<const clang::Expr *>>
      StreamDefs;
  /// `*param = value` / `param = value` for reference/pointer parameters.
  llvm::DenseMap<const clang::ParmVarDecl *, std::vector<const clang::Expr *>>
      OutParamDefs;
  /// The calls of each function defined in the translation unit (by its
  /// canonical declaration): what its parameters receive.
  llvm::DenseMap<const clang::FunctionDecl *,
                 std::vector<const clang::CallExpr *>>
      Calls;
};

/// Collects Facts over the non-system parts of the translation unit.
void collectFacts(clang::ASTContext &Ctx, Facts &F,
                  const core::FrontendOptions &Opts);

/// The comparison an overloaded operator performs (`==` ... `>=`), if any.
std::optional<clang::BinaryOperatorKind>
comparisonOf(clang::OverloadedOperatorKind K);

class Lowerer {
public:
  Lowerer(clang::ASTContext &Ctx, const Facts &F,
          const core::FrontendOptions &Opts)
      : Ctx(Ctx), F(F), Opts(Opts) {}

  /// The value of E (an integer, a string, a version quantity, ...).
  core::ExprPtr value(const clang::Expr *E);
  /// The value of E, an expression of Callee's body, at Call: Callee's
  /// parameters read as Call's arguments.
  core::ExprPtr valueAtCall(const clang::Expr *E,
                            const clang::FunctionDecl *Callee,
                            const clang::CallExpr *Call);
  /// The text a sprintf-like call in Callee formats (its format at FmtArg),
  /// read at Call.
  core::ExprPtr formattedAtCall(const clang::CallExpr *Fmt, unsigned FmtArg,
                                const clang::FunctionDecl *Callee,
                                const clang::CallExpr *Call);
  /// E as a condition (boolean).
  core::ExprPtr cond(const clang::Expr *E);

  clang::ASTContext &context() { return Ctx; }

  /// The constant array whose element a VerifyVersionInfo call CE compares
  /// the build with under VER_EQUAL (`osvi.dwBuildNumber = builds[i]` in a
  /// loop over `static const DWORD builds[] = {6001, 6002}`), if any.
  const clang::VarDecl *buildArray(const clang::CallExpr *CE);

  /// True if the value of the call CE (a function of this translation unit)
  /// depends on its arguments: a guard at the call, judged per call site.
  bool readsArguments(const clang::CallExpr *CE);

  /// Reads a member of Row (an entry of a constant table, an initializer
  /// list) where the code reads it through Var, the loop's element (`for
  /// (const Rule &r : kRules)`) or the table itself (`kRules[i].minBuild`);
  /// null Row: no such reading.
  void setRow(const clang::VarDecl *Var, const clang::InitListExpr *Row) {
    RowVar = Var;
    RowInit = Row;
  }

  /// V with the in-place updates of VD written before Before applied in
  /// order (`*build &= 0x0FFFFFFF` in a helper, after the API filled it).
  core::ExprPtr withUpdatesBefore(const clang::VarDecl *VD, core::ExprPtr V,
                                  clang::SourceLocation Before);

private:
  const clang::VarDecl *RowVar = nullptr;
  const clang::InitListExpr *RowInit = nullptr;
  /// What every call of PV's function that passes a version value passes
  /// for PV, when they agree (`Pick(vi.dwBuildNumber)` for `DWORD b` of
  /// `Pick`); null if none does.
  core::ExprPtr callerArgument(const clang::ParmVarDecl *PV);
  /// callerArgument's answers: every read of a parameter asks it, and it
  /// lowers the argument of each call.
  llvm::DenseMap<const clang::ParmVarDecl *, core::ExprPtr> CallerArgumentOf;
  core::ExprPtr valueImpl(const clang::Expr *E);
  core::ExprPtr condImpl(const clang::Expr *E);
  core::ExprPtr varValue(const clang::VarDecl *VD, const clang::Expr *Use);
  /// The last write by a call into VD before Use, when calls write it more
  /// than once (Facts::OutDefsAt); unknown for a write whose value is not
  /// known; null when that does not decide.
  core::ExprPtr writtenByCallBefore(const clang::VarDecl *VD,
                                    const clang::Expr *Use);
  core::ExprPtr withUpdates(const clang::VarDecl *VD, core::ExprPtr V,
                            const clang::Expr *Use);
  core::ExprPtr memberValue(const clang::MemberExpr *ME);
  /// `*p`: what a fixed address of the source table holds, else p's value.
  core::ExprPtr dereference(const clang::UnaryOperator *U);
  core::ExprPtr callValue(const clang::CallExpr *CE);
  core::ExprPtr methodValue(const clang::CXXMemberCallExpr *CE);
  core::ExprPtr definitions(const std::vector<const clang::Expr *> &Defs,
                            const clang::Expr *Use);
  core::ExprPtr verifyVersionInfo(const clang::CallExpr *CE);
  /// A VerSetConditionMask condition: type bit, VER_EQUAL ..., the call.
  struct VerCondition {
    int64_t Type;
    int64_t Condition;
    const clang::CallExpr *Call;
  };
  std::vector<VerCondition> verConditions(const clang::Expr *Mask);
  /// What the code stored in field Name of VerifyVersionInfo's structure
  /// (Zero: nothing, so it holds 0).
  const clang::Expr *verFieldDef(const clang::CallExpr *CE,
                                 llvm::StringRef Name, bool &Zero);
  std::optional<int64_t> constant(const clang::Expr *E);
  core::ExprPtr comparison(const clang::Expr *E, clang::BinaryOperatorKind Op,
                           const clang::Expr *L, const clang::Expr *R,
                           clang::SourceLocation OpLoc);
  core::ExprPtr respell(core::ExprPtr V, const clang::Expr *Use);
  /// The spelling of an atom with the calls a fix must not repeat.
  core::Spelling atomSpelling(const clang::Expr *E) const;
  /// A call that only computes from its arguments (the C string and
  /// conversion functions, std::string's members).
  bool computesOnly(const clang::CallExpr *CE) const;
  core::ExprPtr formatted(const clang::CallExpr *CE, unsigned FmtArg);
  core::ExprPtr scanned(const clang::CallExpr *CE, unsigned Conversion);
  core::ExprPtr userSource(const clang::FunctionDecl *FD);
  /// The file named in full whose version resource the VS_FIXEDFILEINFO
  /// pointer Info points into, if known.
  std::optional<std::string> versionInfoFile(const clang::Expr *Info);
  bool isStringType(clang::QualType T) const;

  clang::ASTContext &Ctx;
  const Facts &F;
  const core::FrontendOptions &Opts;
  unsigned Depth = 0;
  llvm::DenseSet<const void *> Visiting;
  /// The calls whose callee's return value is being read (innermost last):
  /// there a parameter is the argument of that call, so a helper called
  /// with 6002 in one place and 7601 in another is judged per call.
  std::vector<std::pair<const clang::FunctionDecl *, const clang::CallExpr *>>
      Frames;
  unsigned ArgumentReads = 0; // parameters resolved through Frames
};

} // namespace verguard::cpp

#endif
