//===- Discovery.cpp ------------------------------------------------------===//
#include "driver/Discovery.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>

namespace verguard::driver {

const char *languageName(Language L) {
  switch (L) {
  case Language::Cpp:
    return "C/C++";
  case Language::PowerShell:
    return "PowerShell";
  case Language::VBScript:
    return "VBScript";
  case Language::VBA:
    return "VBA/VB6";
  case Language::None:
    return "none";
  }
  return "none";
}

Language languageOf(llvm::StringRef Path) {
  std::string Ext = llvm::sys::path::extension(Path).lower();
  return llvm::StringSwitch<Language>(Ext)
      .Cases(".c", ".cc", ".cpp", ".cxx", ".c++", Language::Cpp)
      .Cases(".h", ".hh", ".hpp", ".hxx", ".inl", Language::Cpp)
      .Cases(".ps1", ".psm1", ".psd1", Language::PowerShell)
      .Cases(".vbs", ".vbe", ".wsf", ".hta", ".asp", Language::VBScript)
      .Cases(".htm", ".html", Language::VBScript)
      .Cases(".bas", ".cls", ".frm", ".ctl", Language::VBA)
      .Default(Language::None);
}

bool isSkippedDirectory(llvm::StringRef Name) {
  return Name == ".git" || Name == ".svn" || Name == ".hg" ||
         Name == "node_modules" || Name == "build" ||
         Name.starts_with("build-") || Name.starts_with("cmake-build-") ||
         Name == ".vs" || Name == "obj" || Name == "out" ||
         Name == "CMakeFiles";
}

namespace {
void note(std::vector<core::Diagnostic> &Diags, llvm::StringRef Path,
          std::string Msg, core::Severity S = core::Severity::Warning) {
  core::Diagnostic D;
  D.Level = S;
  D.Where.File = Path.str();
  D.Message = std::move(Msg);
  Diags.push_back(std::move(D));
}

std::string absolute(llvm::StringRef P) {
  llvm::SmallString<256> A(P);
  llvm::sys::fs::make_absolute(A);
  llvm::sys::path::remove_dots(A, /*remove_dot_dot=*/true);
  return A.str().str();
}
} // namespace

std::vector<DiscoveredFile> discover(const std::vector<std::string> &Paths,
                                     std::vector<core::Diagnostic> &Diags) {
  std::vector<DiscoveredFile> Out;
  discover(Paths, Diags,
           [&](DiscoveredFile F) { Out.push_back(std::move(F)); });
  std::sort(Out.begin(), Out.end(),
            [](const DiscoveredFile &A, const DiscoveredFile &B) {
              return A.Path < B.Path;
            });
  return Out;
}

void discover(const std::vector<std::string> &Paths,
              std::vector<core::Diagnostic> &Diags,
              llvm::function_ref<void(DiscoveredFile)> OnFile) {
  // Paths named twice, or a file and its directory, are read once. One
  // directory cannot name a file twice (directory symlinks are not
  // followed), so a single path needs no set of every file in the tree.
  llvm::StringSet<> Seen;
  bool Dedup = Paths.size() > 1;
  auto Add = [&](const std::string &P, bool Named) {
    Language L = languageOf(P);
    if (L == Language::None) {
      if (Named)
        note(Diags, P,
             "not a C/C++, PowerShell, VBScript or VBA file "
             "(by its extension); skipped");
      return;
    }
    if (!Dedup || Seen.insert(P).second)
      OnFile({P, L});
  };
  for (const std::string &Given : Paths) {
    std::string P = absolute(Given);
    llvm::sys::fs::file_status St;
    if (std::error_code EC = llvm::sys::fs::status(P, St)) {
      note(Diags, Given, "cannot read: " + EC.message(), core::Severity::Error);
      continue;
    }
    if (llvm::sys::fs::is_regular_file(St)) {
      Add(P, true);
      continue;
    }
    if (!llvm::sys::fs::is_directory(St)) {
      note(Diags, Given, "not a regular file or directory; skipped");
      continue;
    }
    std::error_code EC;
    // Directory symlinks are not followed: no loops, no escaping the tree.
    for (llvm::sys::fs::recursive_directory_iterator
             It(P, EC, /*follow_symlinks=*/false),
         End;
         It != End; It.increment(EC)) {
      if (EC) {
        note(Diags, It->path(), "cannot read: " + EC.message());
        EC.clear();
        continue;
      }
      llvm::StringRef Name = llvm::sys::path::filename(It->path());
      llvm::sys::fs::file_type T = It->type();
      if (T == llvm::sys::fs::file_type::type_unknown) // no d_type: ask
        if (llvm::ErrorOr<llvm::sys::fs::basic_file_status> St = It->status())
          T = St->type();
      if (T == llvm::sys::fs::file_type::directory_file) {
        if (isSkippedDirectory(Name))
          It.no_push();
        continue;
      }
      // A file verguard would read that is not readable (a dangling symlink,
      // a symlink loop) or not a regular file (a FIFO, a device) is reported.
      bool Wanted = languageOf(It->path()) != Language::None;
      if (T == llvm::sys::fs::file_type::symlink_file) {
        // A symlink to a regular file is read; to a directory, skipped.
        llvm::sys::fs::file_status Target;
        if (std::error_code SE = llvm::sys::fs::status(It->path(), Target)) {
          if (Wanted)
            note(Diags, It->path(), "cannot read: " + SE.message());
          continue;
        }
        if (llvm::sys::fs::is_directory(Target))
          continue;
        if (!llvm::sys::fs::is_regular_file(Target)) {
          if (Wanted)
            note(Diags, It->path(), "not a regular file; skipped");
          continue;
        }
      } else if (T != llvm::sys::fs::file_type::regular_file) {
        if (Wanted)
          note(Diags, It->path(), "not a regular file; skipped");
        continue;
      }
      Add(It->path(), false);
    }
  }
}

} // namespace verguard::driver
