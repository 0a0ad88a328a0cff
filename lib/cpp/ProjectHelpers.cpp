//===- ProjectHelpers.cpp -------------------------------------------------===//
#include "cpp/ProjectHelpers.h"

#include "core/Profile.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"

#include <algorithm>

namespace verguard::cpp {

using namespace clang;

namespace {

/// Every build a bump of the built-in profiles spans (6002, 6003; 19041 ..
/// 19045 ...), enabled or not: the call is worth following whatever the run
/// compares.
const llvm::DenseSet<int64_t> &bumpBuilds() {
  static const llvm::DenseSet<int64_t> Builds = [] {
    llvm::DenseSet<int64_t> S;
    const core::ProfileSet &P = core::builtinProfiles();
    for (const core::Bump &B : P.Bumps) {
      int64_t X = P.Profiles[B.Before].build();
      int64_t Y = P.Profiles[B.After].build();
      for (int64_t Build = std::min(X, Y); Build <= std::max(X, Y); ++Build)
        S.insert(Build);
    }
    return S;
  }();
  return Builds;
}

class CallFinder : public RecursiveASTVisitor<CallFinder> {
public:
  explicit CallFinder(ASTContext &Ctx) : Ctx(Ctx) {}
  std::vector<ProjectHelper> Found;

  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) &&
        Ctx.getSourceManager().isInSystemHeader(D->getLocation()))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  bool VisitCallExpr(CallExpr *CE) {
    const FunctionDecl *FD = CE->getDirectCallee();
    const SourceManager &SM = Ctx.getSourceManager();
    if (!FD || !FD->getIdentifier() || FD->isDefined() ||
        CE->getNumArgs() == 0 || CE->isInstantiationDependent() ||
        !SM.isWrittenInMainFile(SM.getExpansionLoc(CE->getBeginLoc())))
      return true;
    const FunctionDecl *First = FD->getFirstDecl();
    SourceLocation At = SM.getExpansionLoc(First->getLocation());
    if (At.isInvalid() || SM.isInSystemHeader(At))
      return true;
    bool Build = llvm::any_of(CE->arguments(), [&](const Expr *A) {
      Expr::EvalResult R;
      return !A->isValueDependent() && A->EvaluateAsInt(R, Ctx) &&
             bumpBuilds().contains(R.Val.getInt().getExtValue());
    });
    if (!Build || !Names.insert(FD->getName()).second)
      return true;
    OptionalFileEntryRef File = SM.getFileEntryRefForID(SM.getFileID(At));
    Found.push_back(
        {FD->getName().str(), File ? File->getName().str() : std::string()});
    return true;
  }

private:
  ASTContext &Ctx;
  llvm::StringSet<> Names;
};

/// The extensions of the source files of a C or a C++ project.
llvm::ArrayRef<const char *> sourceExtensions(bool IsC) {
  static const char *C[] = {".c"};
  static const char *Cxx[] = {".cpp", ".cc", ".cxx"};
  if (IsC)
    return C;
  return Cxx;
}

bool sourceOf(llvm::StringRef Path, bool IsC) {
  llvm::StringRef Ext = llvm::sys::path::extension(Path);
  return llvm::any_of(sourceExtensions(IsC),
                      [&](const char *E) { return Ext.equals_insensitive(E); });
}

std::string realPath(llvm::StringRef P) {
  llvm::SmallString<256> R;
  if (llvm::sys::fs::real_path(P, R))
    return P.str();
  return R.str().str();
}

} // namespace

std::vector<ProjectHelper> undefinedProjectHelpers(ASTContext &Ctx) {
  CallFinder F(Ctx);
  F.TraverseAST(Ctx);
  return std::move(F.Found);
}

std::vector<std::string> definingFiles(llvm::ArrayRef<ProjectHelper> Helpers,
                                       llvm::StringRef MainFile, bool IsC) {
  constexpr size_t MaxFiles = 4, MaxListed = 256, MaxBytes = 1u << 20;
  std::string Main = realPath(MainFile);
  // The directories to look in, and each one's preferred stems.
  std::vector<std::pair<std::string, std::vector<std::string>>> Dirs;
  auto AddDir = [&](llvm::StringRef File) {
    std::string Dir = realPath(llvm::sys::path::parent_path(File).empty()
                                   ? "."
                                   : llvm::sys::path::parent_path(File));
    std::string Stem = llvm::sys::path::stem(File).str();
    for (auto &[D, Stems] : Dirs)
      if (D == Dir) {
        Stems.push_back(Stem);
        return;
      }
    Dirs.push_back({Dir, {Stem}});
  };
  for (const ProjectHelper &H : Helpers)
    if (!H.DeclaredIn.empty())
      AddDir(H.DeclaredIn);
  AddDir(MainFile);
  std::vector<std::string> Out;
  std::vector<bool> Defined(Helpers.size(), false);
  for (auto &[Dir, Stems] : Dirs) {
    std::vector<std::string> Files;
    std::error_code EC;
    for (llvm::sys::fs::directory_iterator It(Dir, EC), End;
         It != End && !EC && Files.size() < MaxListed; It.increment(EC))
      if (sourceOf(It->path(), IsC) &&
          It->type() != llvm::sys::fs::file_type::directory_file)
        Files.push_back(It->path());
    // The declaring header's namesake first, then by name.
    auto Rank = [&](const std::string &F) {
      return llvm::is_contained(Stems, llvm::sys::path::stem(F).str()) ? 0 : 1;
    };
    std::sort(Files.begin(), Files.end(),
              [&](const std::string &A, const std::string &B) {
                return std::make_pair(Rank(A), A) < std::make_pair(Rank(B), B);
              });
    for (const std::string &F : Files) {
      if (Out.size() >= MaxFiles)
        return Out;
      std::string Real = realPath(F);
      if (Real == Main || llvm::is_contained(Out, Real))
        continue;
      auto Buf = llvm::MemoryBuffer::getFile(F, /*IsText=*/false,
                                             /*RequiresNullTerminator=*/false);
      if (!Buf || (*Buf)->getBufferSize() > MaxBytes)
        continue;
      llvm::StringRef Text = (*Buf)->getBuffer();
      bool Any = false;
      for (size_t I = 0; I < Helpers.size(); ++I) {
        if (Defined[I] || !Text.contains(Helpers[I].Name))
          continue;
        // `Name(params) {`, not a declaration or a call ending in `;`.
        llvm::Regex Def("(^|[^A-Za-z0-9_:.>])" + Helpers[I].Name +
                        "[ \t\r\n]*\\([^;{}]*\\)[^;{}()]*\\{");
        if (Def.match(Text))
          Defined[I] = Any = true;
      }
      if (Any)
        Out.push_back(Real);
    }
  }
  return Out;
}

std::vector<std::string> namesakes(llvm::ArrayRef<ProjectHelper> Helpers,
                                   bool IsC) {
  std::vector<std::string> Out;
  for (const ProjectHelper &H : Helpers) {
    if (H.DeclaredIn.empty())
      continue;
    for (const char *Ext : sourceExtensions(IsC)) {
      llvm::SmallString<256> P(H.DeclaredIn);
      llvm::sys::path::replace_extension(P, Ext);
      llvm::sys::fs::make_absolute(P);
      llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
      if (!llvm::is_contained(Out, P.str()))
        Out.push_back(P.str().str());
    }
  }
  return Out;
}

} // namespace verguard::cpp
