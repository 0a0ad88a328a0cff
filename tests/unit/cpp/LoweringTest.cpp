// Lowering C/C++ guards: sources, flow and guard shapes, checked through the
// rules (which findings, where, with which fix).
#include "cpp/CppFrontend.h"
#include "cpp/GuardFinder.h"
#include "rules/Checker.h"

#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"

#include <gtest/gtest.h>

using namespace verguard;

namespace {
struct Result {
  std::vector<core::Guard> Guards;
  std::vector<core::Finding> Findings;
  std::string Code;
  std::string fixed() const {
    std::vector<core::Edit> E;
    for (const auto &F : Findings)
      if (F.TheFix)
        for (const auto &X : F.TheFix->Edits)
          if (std::find(E.begin(), E.end(), X) == E.end())
            E.push_back(X);
    std::sort(E.begin(), E.end());
    std::string Out = Code;
    for (auto It = E.rbegin(); It != E.rend(); ++It)
      Out.replace(It->Span.Begin, It->Span.End - It->Span.Begin,
                  It->Replacement);
    return Out;
  }
};

Result analyze(const std::string &Body, const std::string &Name = "t.cpp") {
  Result R;
  R.Code = "#include <windows.h>\n#include <string>\n" + Body;
  std::vector<std::string> Args = {"--target=x86_64-w64-mingw32",
                                   "-std=gnu++20", "-fms-extensions",
                                   "-resource-dir=" + cpp::clangResourceDir()};
  auto AST = clang::tooling::buildASTFromCodeWithArgs(R.Code, Args, Name);
  EXPECT_TRUE(AST);
  if (!AST)
    return R;
  core::FrontendOptions Opts;
  R.Guards = cpp::findGuards(AST->getASTContext(), Opts);
  auto Cfg = rules::defaultCheckConfig();
  for (const auto &G : R.Guards)
    for (auto &F : rules::checkGuard(G, Cfg))
      R.Findings.push_back(F);
  return R;
}

std::string rulesOf(const Result &R) {
  std::string S;
  for (const auto &F : R.Findings)
    S += (S.empty() ? "" : " ") + F.RuleId;
  return S;
}
} // namespace

TEST(CppLowering, VersionInfoFieldsAndPinnedFix) {
  auto R = analyze(R"(bool f() { OSVERSIONINFOEXW o = {sizeof(o)};
GetVersionExW((OSVERSIONINFOW*)&o);
return o.dwMajorVersion == 6 && o.dwMinorVersion == 0 && o.dwBuildNumber == 6002; })");
  ASSERT_EQ(rulesOf(R), "VG001");
  EXPECT_EQ(R.Findings[0].Level, core::Severity::Error);
  EXPECT_EQ(R.Findings[0].Where.Line, 5u);
  EXPECT_NE(R.fixed().find("o.dwBuildNumber >= 6002"), std::string::npos);
}

TEST(CppLowering, UnpinnedEqualityGainsAlternative) {
  auto R = analyze(
      R"(bool f(OSVERSIONINFOW &o) { return o.dwBuildNumber == 6002; })");
  ASSERT_EQ(rulesOf(R), "VG001");
  EXPECT_NE(
      R.fixed().find("(o.dwBuildNumber == 6002 || o.dwBuildNumber == 6003)"),
      std::string::npos);
}

TEST(CppLowering, GetVersionDwordIsDecoded) {
  auto R = analyze(R"(bool f() { DWORD v = GetVersion();
return HIWORD(v) == 6002 || LOBYTE(LOWORD(v)) == 7; })");
  ASSERT_EQ(rulesOf(R), "VG001");
}

TEST(CppLowering, ConstantsAndMacrosFlowAndStayAtTheUse) {
  auto R = analyze(R"(#define SP2 6002
enum { kSp2 = 6002 };
static const DWORD kLast = 6002;
bool f(OSVERSIONINFOW &o) { return o.dwBuildNumber <= SP2; }
bool g(OSVERSIONINFOW &o) { return o.dwBuildNumber < kSp2 + 1; }
bool h(OSVERSIONINFOW &o) { return o.dwBuildNumber > kLast; })");
  ASSERT_EQ(rulesOf(R), "VG001 VG001 VG001");
  std::string F = R.fixed();
  EXPECT_NE(F.find("o.dwBuildNumber <= 6003"), std::string::npos) << F;
  EXPECT_NE(F.find("#define SP2 6002"), std::string::npos) << "macro kept";
  EXPECT_NE(F.find("o.dwBuildNumber < 6004"), std::string::npos) << F;
  EXPECT_NE(F.find("o.dwBuildNumber > 6003"), std::string::npos) << F;
}

TEST(CppLowering, SilentChecks) {
  auto R = analyze(R"(bool f(OSVERSIONINFOW &o, int port) {
  if (port == 6002) return true;
  if (o.dwBuildNumber >= 6002) return true;
  if (o.dwBuildNumber == 6002 || o.dwBuildNumber == 6003) return true;
  return o.dwBuildNumber >= 19041; })");
  EXPECT_EQ(rulesOf(R), "");
}

TEST(CppLowering, OpaqueConditionsAreFree) {
  // IsServer() is unknown: the guard flips when it is true.
  auto R = analyze(R"(bool IsServer();
bool f(OSVERSIONINFOW &o) { return IsServer() && o.dwBuildNumber == 6002; }
bool g(OSVERSIONINFOW &o) { return false && o.dwBuildNumber == 6002; })");
  EXPECT_EQ(rulesOf(R), "VG001");
}

TEST(CppLowering, RegistryStringsAndConversions) {
  auto R = analyze(R"(bool f(HKEY k) { wchar_t b[16]; DWORD n = sizeof(b);
RegQueryValueExW(k, L"CurrentBuildNumber", 0, 0, (LPBYTE)b, &n);
bool sp2 = wcscmp(b, L"6002") == 0;
return sp2 && _wtoi(b) <= 6002; })");
  // The assigned boolean is a guard of its own, and flows into the return:
  // the same wcscmp atom comes out of both guards (the driver reports it
  // once per location); both atoms of the return are fixed together.
  EXPECT_EQ(rulesOf(R), "VG002 VG001 VG002");
  EXPECT_EQ(R.Findings[0].Where, R.Findings[2].Where);
  EXPECT_NE(R.fixed().find("_wtoi(b) <= 6003"), std::string::npos) << R.fixed();
}

TEST(CppLowering, SwitchArmGainsLabel) {
  auto R = analyze(R"(int f(OSVERSIONINFOW &o) {
  switch (o.dwBuildNumber) {
  case 6001: return 1;
  case 6002: return 2;
  default: return 0;
  }
})");
  ASSERT_EQ(rulesOf(R), "VG001");
  EXPECT_NE(R.fixed().find("case 6002:\n  case 6003: return 2;"),
            std::string::npos)
      << R.fixed();
}

TEST(CppLowering, VerifyVersionInfoMask) {
  auto R = analyze(R"(bool f() {
  OSVERSIONINFOEXW o = {sizeof(o), 6, 0, 6002};
  DWORDLONG m = 0;
  m = VerSetConditionMask(m, VER_MAJORVERSION, VER_EQUAL);
  m = VerSetConditionMask(m, VER_MINORVERSION, VER_EQUAL);
  m = VerSetConditionMask(m, VER_BUILDNUMBER, VER_EQUAL);
  return VerifyVersionInfoW(&o, VER_MAJORVERSION | VER_MINORVERSION | VER_BUILDNUMBER, m) != FALSE;
})");
  ASSERT_EQ(rulesOf(R), "VG004");
  EXPECT_EQ(R.Findings[0].Where.Line, 8u);
  EXPECT_NE(R.fixed().find("VER_BUILDNUMBER, VER_GREATER_EQUAL"),
            std::string::npos);
}

TEST(CppLowering, FileVersionRevisionPairsWithBuild) {
  auto R = analyze(R"(bool f(VS_FIXEDFILEINFO *p) {
  return HIWORD(p->dwFileVersionMS) == 6 && LOWORD(p->dwFileVersionLS) >= 24000; })");
  ASSERT_EQ(rulesOf(R), "VG003");
  EXPECT_NE(R.fixed().find("HIWORD(p->dwFileVersionLS) "), std::string::npos)
      << R.fixed();
}

TEST(CppLowering, InferredNameIsAWarning) {
  auto R = analyze(
      R"(bool f(unsigned long dwBuildNumber) { return dwBuildNumber == 6002; })");
  ASSERT_EQ(rulesOf(R), "VG001");
  EXPECT_EQ(R.Findings[0].Level, core::Severity::Warning);
}

TEST(CppLowering, StandaloneArgsUseMingwAndDdk) {
  auto A = cpp::standaloneArgs("/x/drv/a.c", "#include <ntddk.h>", {"-DFOO"});
  auto Has = [&](const std::string &S) {
    return std::find(A.begin(), A.end(), S) != A.end();
  };
  EXPECT_TRUE(Has("--target=x86_64-w64-mingw32"));
  EXPECT_TRUE(Has("-I/usr/x86_64-w64-mingw32/include/ddk"));
  EXPECT_TRUE(Has("-I/x/drv"));
  EXPECT_TRUE(Has("-DFOO"));
  EXPECT_EQ(A.front(), "clang");
  auto H = cpp::standaloneArgs("/x/a.h", "", {});
  EXPECT_NE(std::find(H.begin(), H.end(), "c++-header"), H.end());
}

TEST(CppLowering, SprintfBuffersHoldTheFormattedVersion) {
  auto R = analyze(R"(#include <cstdio>
bool f() { OSVERSIONINFOW vi = {sizeof(vi)}; GetVersionExW(&vi);
  wchar_t buf[64];
  swprintf(buf, 64, L"%lu.%lu.%lu", vi.dwMajorVersion, vi.dwMinorVersion, vi.dwBuildNumber);
  return wcscmp(buf, L"6.0.6002") == 0; }
bool g() { OSVERSIONINFOW vi = {sizeof(vi)}; GetVersionExW(&vi);
  char s[16]; sprintf(s, "%x", vi.dwBuildNumber);
  return strcmp(s, "1772") == 0; })");
  // %x is not modelled: the second guard stays unknown, not wrong.
  ASSERT_EQ(rulesOf(R), "VG002");
  EXPECT_NE(R.fixed().find(R"(wcscmp(buf, L"6.0.6003") == 0)"),
            std::string::npos);
}

TEST(CppLowering, SharedUserDataByItsAddress) {
  auto R = analyze(R"(#define BUILD_AT 0x7FFE0260
bool f() { return *(ULONG *)0x7FFE0260 == 6002; }
bool g() { volatile ULONG *p = (volatile ULONG *)BUILD_AT; return *p < 6003; }
bool h() { return (*(PULONG)(0x7FFE0000 + 0x260) & 0xFFFF) <= 6002; }
bool i() { return *(USHORT *)0x7FFE0260 == 6002; }
bool j() { return *(ULONG *)0x7FFE026C == 6 && *(ULONG *)0x7FFE0270 == 0; }
bool k() { return *(ULONG *)0x7FFE0260 >= 7600; }
bool l() { return *(ULONG *)0x7FFE0264 == 6002; })");
  // The source is known (an error); the major/minor, a threshold past both
  // builds and an address that is not in the table stay silent.
  ASSERT_EQ(rulesOf(R), "VG001 VG001 VG001 VG001");
  for (const auto &F : R.Findings)
    EXPECT_EQ(F.Level, core::Severity::Error);
  EXPECT_NE(R.fixed().find("(*(ULONG *)0x7FFE0260 == 6002 || "
                           "*(ULONG *)0x7FFE0260 == 6003)"),
            std::string::npos)
      << R.fixed();
}

TEST(CppLowering, ScannedRegistryText) {
  auto R = analyze(R"(#include <cstdio>
bool f(HKEY k) { wchar_t b[16]; DWORD n = sizeof(b), build = 0;
RegQueryValueExW(k, L"CurrentBuildNumber", 0, 0, (LPBYTE)b, &n);
swscanf(b, L"%lu", &build);
return build == 6002; }
bool g(HKEY k) { char b[16]; DWORD n = sizeof(b); unsigned ma, mi, bu;
RegQueryValueExA(k, "CurrentBuild", 0, 0, (LPBYTE)b, &n);
sscanf(b, "%u", &bu);
return bu < 6003; }
bool h(const char *arg) { unsigned port; sscanf(arg, "%u", &port); return port == 6002; }
bool i(HKEY k) { char b[16]; DWORD n = sizeof(b); unsigned v;
RegQueryValueExA(k, "CurrentBuild", 0, 0, (LPBYTE)b, &n);
sscanf(b, "%x", &v);
return v == 6002; })");
  // %x is not read as the decimal text: unknown, silent.
  ASSERT_EQ(rulesOf(R), "VG001 VG001");
  EXPECT_NE(R.fixed().find("(build == 6002 || build == 6003)"),
            std::string::npos)
      << R.fixed();
}

TEST(CppLowering, RtlGetNtVersionNumbersMaskedAfterTheCall) {
  auto R = analyze(R"(typedef void(WINAPI *Fn)(DWORD *, DWORD *, DWORD *);
static Fn g_fn;
bool f() { DWORD a, b, c;
Fn fn = (Fn)GetProcAddress(GetModuleHandleW(L"ntdll.dll"), "RtlGetNtVersionNumbers");
fn(&a, &b, &c); c &= 0x0FFFFFFF; return c == 6002; }
bool g() { DWORD a, b, c;
g_fn = (Fn)GetProcAddress(GetModuleHandleW(L"ntdll.dll"), "RtlGetNtVersionNumbers");
g_fn(&a, &b, &c); c = c & 0x0FFFFFFF; return c <= 6002; }
bool h() { DWORD a, b, c;
Fn fn = (Fn)GetProcAddress(GetModuleHandleW(L"ntdll.dll"), "RtlGetNtVersionNumbers");
fn(&a, &b, &c); return c == 6002; })");
  // Unmasked, the flag bits keep `c == 6002` false on every build.
  ASSERT_EQ(rulesOf(R), "VG001 VG001");
  EXPECT_EQ(R.Findings[0].Level, core::Severity::Error);
}

TEST(CppLowering, VerifyVersionInfoLoopOverAnArrayOfBuilds) {
  auto R = analyze(R"(bool f() {
  static const DWORD builds[] = {6001, 6002};
  OSVERSIONINFOEXW o = {sizeof(o)};
  DWORDLONG m = VerSetConditionMask(0, VER_BUILDNUMBER, VER_EQUAL);
  for (int i = 0; i < 2; ++i) {
    o.dwBuildNumber = builds[i];
    if (VerifyVersionInfoW(&o, VER_BUILDNUMBER, m)) return true;
  }
  return false;
}
bool g() {
  static const DWORD floors[] = {6001, 6002};
  OSVERSIONINFOEXW o = {sizeof(o)};
  DWORDLONG m = VerSetConditionMask(0, VER_BUILDNUMBER, VER_GREATER_EQUAL);
  for (int i = 0; i < 2; ++i) {
    o.dwBuildNumber = floors[i];
    if (VerifyVersionInfoW(&o, VER_BUILDNUMBER, m)) return true;
  }
  return false;
})");
  // At the element that flips; VER_GREATER_EQUAL is no lookup.
  ASSERT_EQ(rulesOf(R), "VG005");
  EXPECT_EQ(R.Findings[0].Where.Line, 4u);
  EXPECT_NE(R.fixed().find("{6001, 6002, 6003}"), std::string::npos)
      << R.fixed();
}

TEST(CppLowering, IndexSearchesComparedWithZero) {
  // `s.find(x) == 0` is a prefix test: 0 is an index here, not a null
  // pointer (strstr(...) == NULL). A search from a position finds the
  // second dot of BuildLabEx, so the revision between them is read.
  auto R = analyze(R"(static std::wstring Lab() {
  wchar_t b[256] = {}; DWORD cb = sizeof(b);
  RegGetValueW(HKEY_LOCAL_MACHINE,
      L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", L"BuildLabEx",
      RRF_RT_REG_SZ, nullptr, b, &cb);
  return std::wstring(b); }
bool f() { std::wstring s = Lab(); return s.find(L"6002.") == 0; }
bool g() { std::wstring s = Lab(); return s.rfind(L"6002.", 0) == 0; }
bool h() { std::wstring s = Lab(); size_t a = s.find(L'.');
  size_t z = s.find(L'.', a + 1);
  return std::stoi(s.substr(a + 1, z - a - 1)) >= 24000; })");
  ASSERT_EQ(R.Findings.size(), 3u);
  for (const auto &F : R.Findings) {
    ASSERT_TRUE(F.Evaluated);
    EXPECT_TRUE(F.Evaluated->TestBefore) << F.Message;
    EXPECT_EQ(F.Evaluated->OutcomeBefore, "true") << F.Message;
  }
}
