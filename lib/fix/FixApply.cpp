//===- FixApply.cpp -------------------------------------------------------===//
#include "fix/FixApply.h"

#include "script/Text.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

namespace verguard::fix {

std::string applyEdits(llvm::StringRef Original,
                       llvm::ArrayRef<core::Edit> Edits,
                       std::vector<core::Edit> *Deferred,
                       std::vector<AppliedEdit> *Applied) {
  auto Decoded = script::decodeText(Original, "");
  std::vector<core::Edit> Sorted(Edits.begin(), Edits.end());
  std::sort(Sorted.begin(), Sorted.end());
  Sorted.erase(std::unique(Sorted.begin(), Sorted.end()), Sorted.end());
  std::vector<core::Edit> Taken;
  uint32_t End = 0;
  bool Any = false;
  for (const core::Edit &E : Sorted) {
    if (!E.Span.valid() || E.Span.End > Original.size() ||
        (Any && E.Span.Begin < End) ||
        (Any && E.Span.Begin == End && E.Span.Begin == E.Span.End &&
         !Taken.empty() && Taken.back().Span.Begin == E.Span.Begin)) {
      if (Deferred)
        Deferred->push_back(E);
      continue;
    }
    Taken.push_back(E);
    End = E.Span.End;
    Any = true;
  }
  std::string Out;
  uint32_t Pos = 0;
  for (const core::Edit &E : Taken) {
    Out.append(Original.data() + Pos, E.Span.Begin - Pos);
    std::string R = E.Replacement;
    if (Decoded && Decoded->CRLF) {
      std::string C;
      for (size_t I = 0; I < R.size(); ++I) {
        if (R[I] == '\n' && (I == 0 || R[I - 1] != '\r'))
          C += '\r';
        C += R[I];
      }
      R = C;
    }
    size_t Before = Out.size();
    Out += Decoded ? Decoded->encode(R) : R;
    if (Applied)
      Applied->push_back({E.Span.Begin, E.Span.End,
                          static_cast<uint32_t>(Out.size() - Before)});
    Pos = E.Span.End;
  }
  Out.append(Original.data() + Pos, Original.size() - Pos);
  return Out;
}

std::pair<uint32_t, uint32_t> mapRange(llvm::ArrayRef<AppliedEdit> Applied,
                                       uint32_t Begin, uint32_t End) {
  auto Map = [&](uint32_t Off, bool IsEnd) {
    int64_t Shift = 0;
    for (const AppliedEdit &A : Applied) {
      if (A.Begin == A.End) { // an insertion at or before Off moves it
        if (Off < A.Begin)
          break;
        Shift += A.NewLength;
        continue;
      }
      if (Off <= A.Begin)
        break;
      if (Off < A.End) // inside the replaced bytes
        return static_cast<uint32_t>(A.Begin + Shift +
                                     (IsEnd ? A.NewLength : 0));
      Shift += int64_t(A.NewLength) - (A.End - A.Begin);
    }
    return static_cast<uint32_t>(Off + Shift);
  };
  uint32_t B = Map(Begin, false), E = Map(End, true);
  return {B, std::max(B, E)};
}

namespace {
/// Writes Bytes at FD's position and closes FD; the first error, if any.
std::error_code writeAndClose(int FD, llvm::StringRef Bytes,
                              bool TruncateAfter) {
  std::error_code EC;
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/false);
    OS << Bytes;
    OS.flush();
    if (OS.has_error()) {
      EC = OS.error();
      OS.clear_error();
    }
  }
  if (!EC && TruncateAfter)
    EC = llvm::sys::fs::resize_file(FD, Bytes.size());
  if (std::error_code Closed =
          llvm::sys::Process::SafelyCloseFileDescriptor(FD);
      !EC)
    EC = Closed;
  return EC;
}

/// Writes Bytes to a new file next to Model (same directory), with Perms.
llvm::Expected<std::string> writeBeside(llvm::StringRef Model,
                                        llvm::StringRef Bytes,
                                        llvm::sys::fs::perms Perms) {
  llvm::SmallString<256> Pattern(Model);
  Pattern += ".verguard-%%%%%%.tmp";
  int FD;
  llvm::SmallString<256> Tmp;
  if (auto EC = llvm::sys::fs::createUniqueFile(Pattern, FD, Tmp))
    return llvm::createStringError(
        EC, "cannot create a temporary file next to it: " + EC.message());
  if (auto EC = writeAndClose(FD, Bytes, /*TruncateAfter=*/false)) {
    llvm::sys::fs::remove(Tmp);
    return llvm::createStringError(EC, "cannot write the fixed file: " +
                                           EC.message());
  }
  if (auto EC = llvm::sys::fs::setPermissions(Tmp, Perms)) {
    llvm::sys::fs::remove(Tmp);
    return llvm::createStringError(EC, "cannot keep its permissions: " +
                                           EC.message());
  }
  return Tmp.str().str();
}

/// Overwrites the file's own bytes (same inode, so every hard link sees
/// them) and truncates it to their size.
std::error_code overwrite(llvm::StringRef Path, llvm::StringRef Bytes) {
  int FD;
  if (auto EC = llvm::sys::fs::openFileForWrite(
          Path, FD, llvm::sys::fs::CD_OpenExisting, llvm::sys::fs::OF_None))
    return EC;
  return writeAndClose(FD, Bytes, /*TruncateAfter=*/true);
}
} // namespace

llvm::Error writeFixedFile(llvm::StringRef Path, llvm::StringRef Expected,
                           llvm::StringRef NewBytes) {
  auto Fail = [&](const std::string &Why) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s",
                                   Why.c_str());
  };
  // A symlink is followed: the file it points to is fixed, the link stays.
  llvm::SmallString<256> Real;
  if (auto EC = llvm::sys::fs::real_path(Path, Real))
    return Fail("cannot resolve: " + EC.message());
  auto Now = llvm::MemoryBuffer::getFile(Real, false, false);
  if (!Now)
    return Fail("cannot read: " + Now.getError().message());
  if ((*Now)->getBuffer() != Expected)
    return Fail("changed on disk since it was analyzed; not fixed");
  llvm::sys::fs::file_status St;
  if (auto EC = llvm::sys::fs::status(Real, St))
    return Fail("cannot stat: " + EC.message());
  // Version control (Perforce, TFVC, ClearCase) keeps files that are not
  // checked out read-only: writing them would lose the edit at the next
  // sync, or bypass a lock.
  if ((St.permissions() & llvm::sys::fs::all_write) == 0)
    return llvm::createStringError(
        std::make_error_code(std::errc::permission_denied),
        "read-only (no write permission bits; check it out or chmod u+w "
        "first); not fixed");
  auto Tmp = writeBeside(Real, NewBytes, St.permissions());
  if (!Tmp)
    return Fail(llvm::toString(Tmp.takeError()));
  if (St.getLinkCount() > 1) {
    // A rename would split the hard links: the other names would keep the
    // unfixed text. Rewrite the file in place instead; the fixed content
    // is already next to it, in case the rewrite fails half way.
    if (auto EC = overwrite(Real, NewBytes))
      return Fail("has " + std::to_string(St.getLinkCount()) +
                  " hard links, and rewriting it in place failed (" +
                  EC.message() + "); its fixed content is in " + *Tmp);
    llvm::sys::fs::remove(*Tmp);
    return llvm::Error::success();
  }
  if (auto EC = llvm::sys::fs::rename(*Tmp, Real)) {
    llvm::sys::fs::remove(*Tmp);
    return Fail("cannot replace it: " + EC.message());
  }
  return llvm::Error::success();
}

namespace {
std::vector<llvm::StringRef> splitLines(llvm::StringRef T) {
  std::vector<llvm::StringRef> L;
  while (!T.empty()) {
    size_t N = T.find('\n');
    if (N == llvm::StringRef::npos) {
      L.push_back(T);
      break;
    }
    L.push_back(T.take_front(N + 1));
    T = T.drop_front(N + 1);
  }
  return L;
}
} // namespace

std::string unifiedDiff(llvm::StringRef DisplayPath, llvm::StringRef Original,
                        llvm::StringRef New) {
  if (Original == New)
    return "";
  auto A = splitLines(Original), B = splitLines(New);
  // Common prefix and suffix; the edits of one pass are few and local, so
  // hunks are built per run of changed lines between them.
  size_t N = A.size(), M = B.size();
  // LCS table on the changed window (bounded).
  size_t Pre = 0;
  while (Pre < N && Pre < M && A[Pre] == B[Pre])
    ++Pre;
  size_t Suf = 0;
  while (Suf < N - Pre && Suf < M - Pre && A[N - 1 - Suf] == B[M - 1 - Suf])
    ++Suf;
  std::vector<llvm::StringRef> AW(A.begin() + Pre, A.end() - Suf),
      BW(B.begin() + Pre, B.end() - Suf);
  // Edit script: Myers-free simple LCS (windows are small).
  size_t X = AW.size(), Y = BW.size();
  std::vector<std::vector<uint32_t>> L(X + 1, std::vector<uint32_t>(Y + 1));
  for (size_t I = X; I-- > 0;)
    for (size_t J = Y; J-- > 0;)
      L[I][J] = AW[I] == BW[J] ? L[I + 1][J + 1] + 1
                               : std::max(L[I + 1][J], L[I][J + 1]);
  struct Line {
    char Tag;
    llvm::StringRef Text;
  };
  std::vector<Line> Script;
  for (size_t K = 0; K < Pre; ++K)
    Script.push_back({' ', A[K]});
  size_t I = 0, J = 0;
  while (I < X || J < Y) {
    if (I < X && J < Y && AW[I] == BW[J]) {
      Script.push_back({' ', AW[I++]});
      ++J;
    } else if (I < X && (J == Y || L[I + 1][J] >= L[I][J + 1])) {
      Script.push_back({'-', AW[I++]});
    } else {
      Script.push_back({'+', BW[J++]});
    }
  }
  for (size_t K = N - Suf; K < N; ++K)
    Script.push_back({' ', A[K]});
  // Hunks with 3 lines of context.
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << "--- a/" << DisplayPath << "\n+++ b/" << DisplayPath << "\n";
  const size_t Ctx = 3;
  size_t K = 0;
  size_t ALine = 1, BLine = 1;
  while (K < Script.size()) {
    if (Script[K].Tag == ' ') {
      ++K;
      ++ALine;
      ++BLine;
      continue;
    }
    size_t Start = K >= Ctx ? K - Ctx : 0;
    size_t AStart = ALine - (K - Start), BStart = BLine - (K - Start);
    size_t End = K;
    size_t Quiet = 0;
    while (End < Script.size() && Quiet <= 2 * Ctx) {
      Quiet = Script[End].Tag == ' ' ? Quiet + 1 : 0;
      ++End;
    }
    if (Quiet > Ctx)
      End -= Quiet - Ctx;
    size_t ACount = 0, BCount = 0;
    for (size_t H = Start; H < End; ++H) {
      if (Script[H].Tag != '+')
        ++ACount;
      if (Script[H].Tag != '-')
        ++BCount;
    }
    OS << "@@ -" << AStart << "," << ACount << " +" << BStart << "," << BCount
       << " @@\n";
    for (size_t H = Start; H < End; ++H) {
      OS << Script[H].Tag << Script[H].Text;
      if (!Script[H].Text.ends_with("\n"))
        OS << "\n\\ No newline at end of file\n";
    }
    for (size_t H = K; H < End; ++H) {
      if (Script[H].Tag != '+')
        ++ALine;
      if (Script[H].Tag != '-')
        ++BLine;
    }
    K = End;
  }
  return Out;
}

} // namespace verguard::fix
