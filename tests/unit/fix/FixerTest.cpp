//===- FixerTest.cpp ------------------------------------------------------===//
// The --fix engine on real files, analyzed by the real driver: passes until
// nothing changes, the verification that refuses a fix that leaves its
// finding, writes that keep the file's encoding, refusals of read-only files.
#include "fix/Fixer.h"

#include "../TestSupport.h"

#include "llvm/Support/MemoryBuffer.h"

using namespace verguard;

namespace {

class FixerTest : public test::TempDirTest {
protected:
  driver::RunOptions options(const std::string &Path) {
    driver::RunOptions O;
    O.Paths = {Path};
    O.Jobs = 1;
    return O;
  }
  /// A file written with Text and the driver's run over it.
  struct Analyzed {
    std::string Path;
    driver::RunOptions Opts;
    driver::RunResult R;
  };
  Analyzed analyze(llvm::StringRef Name, llvm::StringRef Text) {
    Analyzed A;
    A.Path = write(Name, Text);
    A.Opts = options(A.Path);
    A.R = driver::run(A.Opts);
    return A;
  }
  std::string read(const std::string &Path) {
    auto B = llvm::MemoryBuffer::getFile(Path, false, false);
    EXPECT_TRUE(bool(B));
    return B ? (*B)->getBuffer().str() : "";
  }
};

// Two fragile checks with a proven fix each.
const char *TwoChecks = "$b = [Environment]::OSVersion.Version.Build\n"
                        "if ($b -eq 6002) { 'sp2' }\n"
                        "if ($b -le 6002) { 'up to sp2' }\n";
const char *TwoChecksFixed = "$b = [Environment]::OSVersion.Version.Build\n"
                             "if (6002, 6003 -contains $b) { 'sp2' }\n"
                             "if ($b -le 6003) { 'up to sp2' }\n";

TEST_F(FixerTest, WritesTheProvenFixesAndCountsThem) {
  auto [P, O, R] = analyze("os.ps1", TwoChecks);
  ASSERT_EQ(R.Findings.size(), 2u);
  fix::FixResult F = fix::applyFixes(O, R, fix::Mode::Write, Dir);
  EXPECT_EQ(read(P), TwoChecksFixed);
  EXPECT_EQ(F.Fixed, 2u);
  EXPECT_EQ(F.Passes, 1u);
  EXPECT_EQ(F.Written, std::vector<std::string>{P});
  EXPECT_TRUE(F.Diags.empty());
  EXPECT_NE(F.Diff.find("+if ($b -le 6003)"), std::string::npos);
  EXPECT_EQ(fix::summary(F, R.Findings.size(), fix::Mode::Write, false),
            "fixed 2 findings in 1 file");
  // What remains, as a run over the fixed file sees it: nothing.
  fix::reanalyzeWritten(O, F.Written, R);
  EXPECT_TRUE(R.Findings.empty());
  EXPECT_TRUE(R.Files.empty()); // a file is kept for its findings
}

TEST_F(FixerTest, PreviewWritesNothing) {
  auto [P, O, R] = analyze("os.ps1", TwoChecks);
  fix::FixResult F = fix::applyFixes(O, R, fix::Mode::Preview, Dir);
  EXPECT_EQ(read(P), TwoChecks);
  EXPECT_EQ(F.Texts[P], TwoChecksFixed);
  EXPECT_EQ(F.Written, std::vector<std::string>{P});
  EXPECT_NE(F.Diff.find("-if ($b -eq 6002)"), std::string::npos);
  EXPECT_EQ(fix::summary(F, 3, fix::Mode::Preview, false),
            "would fix 2 findings in 1 file; 1 left as they are");
}

TEST_F(FixerTest, RepeatsPassesUntilNothingChanges) {
  // Two edits that overlap cannot be taken in one pass: the second waits,
  // and the next pass takes the fix that re-analysis then finds. Real fixes
  // of two guards rarely overlap, so the second guard's real fix is widened
  // to start one byte inside the first one's edit (the text it writes there
  // is the text that was there): the result is the same, the ranges
  // overlap.
  auto [P, O, R] = analyze("os.ps1", TwoChecks);
  ASSERT_EQ(R.Findings.size(), 2u);
  core::Finding &First = R.Findings[0], &Second = R.Findings[1];
  ASSERT_TRUE(First.TheFix && Second.TheFix);
  ASSERT_EQ(Second.TheFix->Edits.size(), 1u);
  core::Edit &E = Second.TheFix->Edits[0];
  uint32_t From = First.TheFix->Edits.back().Span.End - 1;
  E.Replacement = llvm::StringRef(TwoChecks).slice(From, E.Span.Begin).str() +
                  E.Replacement;
  E.Span.Begin = From;
  fix::FixResult F = fix::applyFixes(O, R, fix::Mode::Write, Dir);
  EXPECT_EQ(F.Passes, 2u);
  EXPECT_EQ(F.Fixed, 2u);
  EXPECT_EQ(read(P), TwoChecksFixed);
  EXPECT_TRUE(F.Diags.empty());
  // A fixed point: fixing the result again changes nothing.
  driver::RunResult Again = driver::run(O);
  EXPECT_TRUE(Again.Findings.empty());
  fix::FixResult None = fix::applyFixes(O, Again, fix::Mode::Write, Dir);
  EXPECT_EQ(None.Passes, 0u);
  EXPECT_TRUE(None.Written.empty());
}

TEST_F(FixerTest, RefusesAFixThatLeavesItsFinding) {
  // The finding's own guard, rewritten to a text that is still fragile
  // (a second test joined to it): re-analysis finds the finding where the
  // guard now is, whatever its new text.
  auto [P, O, R] = analyze("os.ps1", TwoChecks);
  ASSERT_EQ(R.Findings.size(), 2u);
  R.Findings.resize(1);
  core::Finding &First = R.Findings[0];
  ASSERT_TRUE(First.TheFix);
  core::Edit &E = First.TheFix->Edits[0];
  E.Span.Begin = First.Where.Begin;
  E.Span.End = First.Where.End;
  E.Replacement = "$b -eq 6002 -and $b -gt 0";
  fix::FixResult F = fix::applyFixes(O, R, fix::Mode::Write, Dir);
  EXPECT_EQ(read(P), TwoChecks);
  EXPECT_TRUE(F.Written.empty());
  EXPECT_EQ(F.Fixed, 0u);
  ASSERT_EQ(F.Diags.size(), 1u);
  EXPECT_EQ(F.Diags[0].Where.File, P);
  EXPECT_EQ(F.Diags[0].Where.Line, 2u);
  EXPECT_NE(F.Diags[0].Message.find("did not remove it"), std::string::npos);
  EXPECT_EQ(fix::summary(F, 1, fix::Mode::Write, false),
            "fixed 0 findings in 0 files");
}

TEST_F(FixerTest, RefusesAFixThatBreaksTheParse) {
  auto [P, O, R] = analyze("os.ps1", TwoChecks);
  ASSERT_FALSE(R.Findings.empty());
  R.Findings[0].TheFix->Edits[0].Replacement = "$b -in (6002, 6003";
  fix::FixResult F = fix::applyFixes(O, R, fix::Mode::Write, Dir);
  EXPECT_EQ(read(P), TwoChecks);
  ASSERT_FALSE(F.Diags.empty());
  EXPECT_NE(F.Diags[0].Message.find("parse problem"), std::string::npos);
}

TEST_F(FixerTest, KeepsBomUtf16AndLineEndings) {
  // UTF-16LE with a BOM and CRLF line endings; and UTF-8 with a BOM and CR
  // LF: both come back in their own encoding, byte for byte but the fix.
  auto Utf16 = [](llvm::StringRef S) {
    std::string Out("\xFF\xFE", 2);
    for (char C : S) {
      Out += C;
      Out += '\0';
    }
    return Out;
  };
  auto Crlf = [](std::string S) {
    std::string Out;
    for (char C : S) {
      if (C == '\n')
        Out += '\r';
      Out += C;
    }
    return Out;
  };
  std::string U16 = write("u16.ps1", Utf16(Crlf(TwoChecks)));
  std::string U8 =
      write("u8.ps1", "\xEF\xBB\xBF" + Crlf(TwoChecks) + "# caf\xC3\xA9\r\n");
  for (const std::string &P : {U16, U8}) {
    driver::RunOptions O = options(P);
    driver::RunResult R = driver::run(O);
    ASSERT_EQ(R.Findings.size(), 2u) << P;
    fix::FixResult F = fix::applyFixes(O, R, fix::Mode::Write, Dir);
    EXPECT_EQ(F.Fixed, 2u) << P;
  }
  EXPECT_EQ(read(U16), Utf16(Crlf(TwoChecksFixed)));
  EXPECT_EQ(read(U8),
            "\xEF\xBB\xBF" + Crlf(TwoChecksFixed) + "# caf\xC3\xA9\r\n");
}

TEST_F(FixerTest, RefusesReadOnlyFiles) {
  std::string P = write("os.ps1", TwoChecks);
  ASSERT_FALSE(llvm::sys::fs::setPermissions(P, llvm::sys::fs::perms(0444)));
  driver::RunOptions O = options(P);
  driver::RunResult R = driver::run(O);
  fix::FixResult F = fix::applyFixes(O, R, fix::Mode::Write, Dir);
  EXPECT_EQ(read(P), TwoChecks);
  EXPECT_TRUE(F.Written.empty());
  EXPECT_EQ(F.Fixed, 0u);
  ASSERT_EQ(F.Diags.size(), 1u);
  EXPECT_EQ(F.Diags[0].Level, core::Severity::Warning);
  EXPECT_NE(F.Diags[0].Message.find("read-only"), std::string::npos);
  // Nothing was written: what remains is what the run found.
  fix::reanalyzeWritten(O, F.Written, R);
  EXPECT_EQ(R.Findings.size(), 2u);
  llvm::sys::fs::setPermissions(P, llvm::sys::fs::perms(0644));
}

TEST_F(FixerTest, StdinFixesEditOnlyTheirOwnText) {
  auto [P, O, R] = analyze("os.ps1", TwoChecks);
  ASSERT_EQ(R.Findings.size(), 2u);
  R.Findings[1].TheFix->Edits[0].Span.File = Dir.str().str() + "/other.ps1";
  fix::keepFixesWithin(R.Findings, P);
  EXPECT_TRUE(R.Findings[0].TheFix.has_value());
  EXPECT_FALSE(R.Findings[1].TheFix.has_value());
  EXPECT_NE(R.Findings[1].NoFixReason.find("another file"), std::string::npos);
  fix::FixResult F = fix::applyFixes(O, R, fix::Mode::Preview, Dir);
  EXPECT_EQ(fix::summary(F, 2, fix::Mode::Preview, /*FromStdin=*/true),
            "fixed 1 finding in the text from stdin; 1 left as they are");
}

} // namespace
