//===- CorpusRunner.cpp - checks the annotated corpus through the binary --===//
//
// usage: vg_corpus_runner <verguard> <corpus-dir> [--crashers]
//
// For every source file in the directory (not *.fixed.*):
//  - runs `verguard --format=json` on it; every finding must sit on the line
//    after an `expect:` comment naming its rule, and every expected rule must
//    be found (as a multiset per line);
//  - if it has fixes, NAME.fixed.EXT must exist; `verguard --fix` on a copy
//    must produce exactly that file, a second --fix must change nothing, and
//    the fixed file must analyze with no fixable finding left, no more
//    findings of a rule than that rule had without a fix, and no new parse
//    trouble.
// With --crashers, only checks that verguard exits normally (0, 1 or 2, no
// signal) on every file: these are inputs that once crashed it.
//
//===----------------------------------------------------------------------===//
#include "script/Text.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <set>

namespace fs = llvm::sys::fs;
using llvm::StringRef;

namespace {

std::string Verguard;

struct RunOut {
  int Rc = -1;
  std::string Out, Err;
};

RunOut runVerguard(std::vector<std::string> Args) {
  // Paths in reports are relative to the analyzed file's directory.
  Args.insert(Args.begin(),
              "--srcroot=" + llvm::sys::path::parent_path(Args.back()).str());
  llvm::SmallString<128> OutF, ErrF;
  fs::createTemporaryFile("corpus-out", "txt", OutF);
  fs::createTemporaryFile("corpus-err", "txt", ErrF);
  std::vector<StringRef> Argv{Verguard};
  for (const std::string &A : Args)
    Argv.push_back(A);
  std::optional<StringRef> Redir[] = {std::nullopt, OutF.str(), ErrF.str()};
  std::string Msg;
  RunOut R;
  R.Rc = llvm::sys::ExecuteAndWait(Verguard, Argv, std::nullopt, Redir,
                                   /*SecondsToWait=*/300, 0, &Msg);
  if (auto B = llvm::MemoryBuffer::getFile(OutF))
    R.Out = (*B)->getBuffer().str();
  if (auto B = llvm::MemoryBuffer::getFile(ErrF))
    R.Err = (*B)->getBuffer().str();
  fs::remove(OutF);
  fs::remove(ErrF);
  return R;
}

std::string readFile(StringRef P) {
  auto B = llvm::MemoryBuffer::getFile(P, false, false);
  return B ? (*B)->getBuffer().str() : std::string();
}

bool isSource(StringRef Name) {
  std::string Ext = llvm::sys::path::extension(Name).lower();
  static const std::set<std::string> Exts = {
      ".c",    ".cc",  ".cpp", ".cxx", ".h",   ".hpp", ".ps1", ".psm1",
      ".psd1", ".vbs", ".wsf", ".hta", ".htm", ".asp", ".bas", ".cls",
      ".frm",  ".ctl", ".vbe", ".bat", ".cmd", ".py",  ".nsi", ".nsh",
      ".iss",  ".wxs", ".wxi", ".js",  ".cs"};
  return Exts.count(Ext) && !Name.contains(".fixed.");
}

/// line -> expected rule ids (the line after each `expect:` comment).
std::map<unsigned, std::multiset<std::string>> expectations(StringRef Path) {
  std::map<unsigned, std::multiset<std::string>> E;
  std::string Bytes = readFile(Path);
  auto T = verguard::script::decodeText(Bytes, Path);
  if (!T) {
    llvm::consumeError(T.takeError());
    return E;
  }
  llvm::Regex Re(
      "(//|/\\*|#|;|<!--|'|[Rr][Ee][Mm] |::)[ \t]*expect:[ \t]*(.*)$");
  llvm::SmallVector<StringRef, 8> Lines;
  StringRef(T->Utf8).split(Lines, '\n');
  for (unsigned I = 0; I < Lines.size(); ++I) {
    llvm::SmallVector<StringRef, 3> M;
    if (!Re.match(Lines[I].rtrim("\r"), &M))
      continue;
    llvm::SmallVector<StringRef, 4> Ids;
    M[2].split(Ids, llvm::Regex("[ ,]+").isValid() ? ' ' : ' ', -1, false);
    for (StringRef Id : Ids) {
      Id = Id.trim(" ,\t\r");
      if (Id.starts_with("VG"))
        E[I + 2].insert(Id.str());
    }
  }
  return E;
}

struct Finding {
  std::string File;
  std::string Rule;
  unsigned Line;
  bool HasFix;
};

bool parseReport(StringRef Json, std::vector<Finding> &Out,
                 unsigned &Diagnostics, std::string &Err) {
  auto V = llvm::json::parse(Json);
  if (!V) {
    Err = "verguard printed invalid JSON: " + llvm::toString(V.takeError());
    return false;
  }
  const llvm::json::Object *Root = V->getAsObject();
  const llvm::json::Array *F = Root ? Root->getArray("findings") : nullptr;
  const llvm::json::Array *D = Root ? Root->getArray("diagnostics") : nullptr;
  if (!F || !D) {
    Err = "verguard's JSON lacks findings/diagnostics";
    return false;
  }
  Diagnostics = D->size();
  for (const llvm::json::Value &X : *F) {
    const llvm::json::Object *O = X.getAsObject();
    Finding Fi;
    Fi.Rule = O->getString("ruleId").value_or("").str();
    Fi.File = O->getObject("location")->getString("file").value_or("").str();
    Fi.Line = O->getObject("location")->getInteger("line").value_or(0);
    const llvm::json::Value *Fix = O->get("fix");
    Fi.HasFix = Fix && Fix->getAsObject();
    Out.push_back(Fi);
  }
  return true;
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 3) {
    llvm::errs() << "usage: vg_corpus_runner <verguard> <corpus-dir> "
                    "[--crashers]\n";
    return 2;
  }
  Verguard = argv[1];
  std::string Dir = argv[2];
  bool Crashers = argc > 3 && StringRef(argv[3]) == "--crashers";
  std::vector<std::string> Files;
  std::error_code EC;
  for (fs::recursive_directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC))
    if (It->type() == fs::file_type::regular_file &&
        (Crashers || isSource(It->path())))
      Files.push_back(It->path());
  std::sort(Files.begin(), Files.end());
  if (Files.empty()) {
    llvm::errs() << "no corpus files in " << Dir << "\n";
    return 1;
  }
  unsigned Failures = 0, Expected = 0, Found = 0, Fixed = 0;
  auto Fail = [&](StringRef File, const llvm::Twine &Why) {
    ++Failures;
    llvm::errs() << "FAIL " << File << ": " << Why << "\n";
  };
  for (const std::string &File : Files) {
    if (Crashers) {
      RunOut R =
          runVerguard({"--format=json", "--quiet", "--no-prefilter", File});
      if (R.Rc < 0 || R.Rc > 2)
        Fail(File, "verguard exited with " + llvm::Twine(R.Rc) + ": " + R.Err);
      continue;
    }
    RunOut R = runVerguard({"--format=json", "--quiet", File});
    if (R.Rc != 0 && R.Rc != 1) {
      Fail(File, "verguard exited with " + llvm::Twine(R.Rc) + ": " + R.Err);
      continue;
    }
    std::vector<Finding> Got;
    unsigned Diags = 0;
    std::string Err;
    if (!parseReport(R.Out, Got, Diags, Err)) {
      Fail(File, Err);
      continue;
    }
    auto Want = expectations(File);
    std::map<unsigned, std::multiset<std::string>> Have;
    bool AnyFix = false;
    std::string Base = llvm::sys::path::filename(File).str();
    // Findings in other files (a header) are checked with those files.
    llvm::erase_if(Got, [&](const Finding &F) { return F.File != Base; });
    for (const Finding &F : Got) {
      Have[F.Line].insert(F.Rule);
      AnyFix |= F.HasFix;
    }
    for (auto &[Line, Ids] : Want)
      Expected += Ids.size();
    Found += Got.size();
    std::set<unsigned> Lines;
    for (auto &[L, _] : Want)
      Lines.insert(L);
    for (auto &[L, _] : Have)
      Lines.insert(L);
    for (unsigned L : Lines) {
      if (Want[L] == Have[L])
        continue;
      std::string W, H;
      for (const std::string &S : Want[L])
        W += S + " ";
      for (const std::string &S : Have[L])
        H += S + " ";
      Fail(File, "line " + llvm::Twine(L) + ": expected [" + W + "] found [" +
                     H + "]");
    }
    // Fixes.
    StringRef Ext = llvm::sys::path::extension(File);
    std::string FixedPath = (llvm::sys::path::parent_path(File) + "/" +
                             llvm::sys::path::stem(File) + ".fixed" + Ext)
                                .str();
    bool HasFixed = fs::exists(FixedPath);
    if (AnyFix && !HasFixed) {
      Fail(File,
           "has proven fixes but no " + llvm::sys::path::filename(FixedPath));
      continue;
    }
    if (!HasFixed)
      continue;
    if (!AnyFix) {
      Fail(File, "has a .fixed sibling but no finding with a fix");
      continue;
    }
    // Fix a copy, in a copy of the whole directory (includes resolve).
    llvm::SmallString<128> Tmp;
    fs::createUniqueDirectory("verguard-corpus", Tmp);
    std::string Copy;
    for (fs::directory_iterator It(llvm::sys::path::parent_path(File), EC), End;
         It != End && !EC; It.increment(EC)) {
      if (It->type() != fs::file_type::regular_file)
        continue;
      std::string To =
          (Tmp + "/" + llvm::sys::path::filename(It->path())).str();
      fs::copy_file(It->path(), To);
      if (It->path() == File)
        Copy = To;
    }
    RunOut F1 = runVerguard({"--fix", "--quiet", Copy});
    std::string After1 = readFile(Copy);
    std::string Want1 = readFile(FixedPath);
    if (After1 != Want1)
      Fail(File, "--fix result differs from " +
                     llvm::sys::path::filename(FixedPath) + ":\n" + After1);
    else
      ++Fixed;
    runVerguard({"--fix", "--quiet", Copy});
    if (readFile(Copy) != After1)
      Fail(File, "a second --fix changed the file again");
    RunOut Re = runVerguard({"--format=json", "--quiet", Copy});
    std::vector<Finding> Left;
    unsigned DiagsAfter = 0;
    if (!parseReport(Re.Out, Left, DiagsAfter, Err))
      Fail(File, "after --fix: " + Err);
    // Every fix removed its finding: per rule, what is left is at most what
    // had no proven fix (a fix that only rewrote its guard's text, and so
    // its fingerprint, must not count as fixed), and nothing left is fixable.
    std::map<std::string, int> Unfixable, LeftByRule;
    for (const Finding &F : Got)
      if (!F.HasFix)
        ++Unfixable[F.Rule];
    for (const Finding &F : Left) {
      if (F.File != Base)
        continue;
      if (F.HasFix)
        Fail(File, "after --fix a fixable " + F.Rule + " is left on line " +
                       llvm::Twine(F.Line));
      if (++LeftByRule[F.Rule] > Unfixable[F.Rule])
        Fail(File, "after --fix a " + F.Rule + " finding is left on line " +
                       llvm::Twine(F.Line) + " where its fix was applied");
    }
    if (DiagsAfter > Diags)
      Fail(File, "the fixed file has new parse trouble: " + Re.Err);
    fs::remove_directories(Tmp);
  }
  llvm::outs() << Files.size() << " files, " << Expected
               << " expected findings, " << Found << " found, " << Fixed
               << " fixed files verified, " << Failures << " failures\n";
  return Failures ? 1 : 0;
}
