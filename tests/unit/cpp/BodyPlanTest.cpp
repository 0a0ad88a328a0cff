// The body plan: which function bodies a C/C++ parse may skip, and that a
// parse which skips them finds exactly what a full parse finds.
#include "cpp/BodyPlan.h"
#include "core/SourceTable.h"
#include "cpp/CppFrontend.h"
#include "rules/Checker.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <gtest/gtest.h>

using namespace verguard;
using verguard::cpp::BodyPlan;

namespace {

const std::vector<std::string> Triggers = verguard::core::defaultTriggerWords();

/// The offsets of function Name's body '{' and of its name, in Text
/// (Name: "F" for the first "F(", or a longer "F(int" to pick one).
struct At {
  unsigned Brace, Decl;
};
At bodyOf(llvm::StringRef Text, llvm::StringRef Name) {
  size_t D = Text.find(Name.contains('(') ? Name.str() : (Name + "(").str());
  EXPECT_NE(D, llvm::StringRef::npos) << Name.str();
  size_t B = Text.find('{', D);
  return {unsigned(B), unsigned(D)};
}

/// The functions of Text the plan skips, in order of appearance.
std::string skipped(const std::string &Text, std::vector<std::string> Functions,
                    const std::string &Header = "") {
  BodyPlan P(Triggers);
  P.addFile(Text, /*Main=*/true);
  if (!Header.empty())
    P.addFile(Header, /*Main=*/false);
  std::string S;
  for (const std::string &F : Functions) {
    At A = bodyOf(Text, F);
    if (P.canSkip(A.Decl))
      S += (S.empty() ? "" : " ") + F;
  }
  return S;
}

} // namespace

TEST(BodyPlan, SkipsBodiesUnrelatedToTheTriggers) {
  std::string T = R"(
#include <windows.h>
static int counter;
void Log(const char *m) { OutputDebugStringA(m); }
int Sum(int a, int b) { return a + b; }
bool IsSp2() {
  OSVERSIONINFOEXW v = {sizeof(v)};
  return v.dwBuildNumber == 6002;
}
)";
  EXPECT_EQ(skipped(T, {"Log", "Sum", "IsSp2"}), "Log Sum");
}

TEST(BodyPlan, KeepsUsersOfHotDeclarationsAndMacros) {
  std::string T = R"(
static const DWORD kSp2 = 6002;
#define SP2_BUILD 6003
enum Builds { Vista = 6000, Sp2 = 6002 };
static const DWORD kAlias = kSp2;
DWORD Build();
bool A() { return Build() == kSp2; }
bool B() { return Build() >= SP2_BUILD; }
bool C() { return Build() == Sp2; }
bool D() { return Build() < kAlias; }
bool E() { return Build() < 10; }
)";
  EXPECT_EQ(skipped(T, {"A", "B", "C", "D", "E"}), "E");
}

TEST(BodyPlan, KeepsCalleesWritersAndCallersOfHotFunctions) {
  std::string T = R"(
static DWORD g_build;
static DWORD g_other;
DWORD ReadRegistryBuild() { return 0; }
void Init() { g_build = ReadRegistryBuild(); }
void Unrelated() { g_other = 1; }
bool Check() { return g_build == 6002; }
bool Reads() { return g_build > 7; }
DWORD FromOs() {
  OSVERSIONINFOW vi = {sizeof(vi)};
  GetVersionExW(&vi);
  return vi.dwBuildNumber;
}
bool Caller() { return FromOs() > 5; }
void Log() { }
void Logs() { Log(); }
bool Hot() { Log(); return FromOs() == 6002; }
)";
  // Init writes what Check reads; ReadRegistryBuild feeds it; Reads reads
  // it too; Caller calls a hot function; Log is called by a hot body but
  // calling Log (Logs) does not make Logs needed.
  EXPECT_EQ(skipped(T, {"ReadRegistryBuild", "Init", "Unrelated", "Check",
                        "Reads", "FromOs", "Caller", "Log", "Logs", "Hot"}),
            "Unrelated Logs");
}

TEST(BodyPlan, ATriggerMaySpanTokens) {
  // A user source (.verguard.yaml) is a trigger too: "MyOs::Build" is
  // three tokens.
  std::string T = R"(
bool A() { return MyOs::Build() == 7; }
bool B() { return Other::Build() == 7; }
)";
  BodyPlan P(std::vector<std::string>{"6002", "myos::build"});
  P.addFile(T, true);
  EXPECT_FALSE(P.canSkip(bodyOf(T, "A").Decl));
  EXPECT_TRUE(P.canSkip(bodyOf(T, "B").Decl));
}

TEST(BodyPlan, MembersAndMethods) {
  std::string T = R"(
class Os {
public:
  Os() { m_build = Query(); }
  DWORD Get() const { return m_build; }
  int Count() const { return m_count; }
  static DWORD Query();
private:
  DWORD m_build;
  int m_count;
};
DWORD Os::Query() { return 0; }
bool Check(const Os &o) { return o.Get() == 6002; }
)";
  // Check calls Get, which reads m_build, which the constructor writes
  // from Query. Count is unrelated.
  EXPECT_EQ(skipped(T, {"Os", "Get", "Count", "Os::Query", "Check"}), "Count");
  // A constructor that writes the member through its initializers is
  // kept, and so is every constructor of a type whose global the check
  // reads (the global's declaration constructs it); a constructor of
  // another type is not.
  std::string U = R"(
struct Info {
  Info() : m_build(FromRegistry()) { }
  explicit Info(int f) : m_flags(f) { }
  DWORD m_build;
  int m_flags;
};
struct Other {
  explicit Other(int f) : m_flags(f) { }
  int m_flags;
};
static Info g_info;
DWORD FromRegistry() { return 1; }
bool Check() { return g_info.m_build == 6002; }
)";
  EXPECT_EQ(
      skipped(U, {"Info", "Info(int f", "Other(int", "FromRegistry", "Check"}),
      "Other(int");
}

TEST(BodyPlan, ProjectHeadersLinkToo) {
  std::string T = R"(
#include "builds.h"
bool A(DWORD b) { return b == SP2_FROM_HEADER; }
bool B(DWORD b) { return b == 1; }
)";
  EXPECT_EQ(skipped(T, {"A", "B"}), "A B");
  EXPECT_EQ(skipped(T, {"A", "B"}, "#define SP2_FROM_HEADER 6002\n"), "B");
}

TEST(BodyPlan, AHeaderSeenAfterASkipAsksForAFullParse) {
  std::string T = R"(
bool A(DWORD b) { return b == LATE; }
#include "late.h"
)";
  BodyPlan P(Triggers);
  P.addFile(T, true);
  At A = bodyOf(T, "A");
  ASSERT_TRUE(P.canSkip(A.Decl));
  EXPECT_FALSE(P.skippedButNeeded());
  P.addFile("#define LATE 6002\n", false);
  EXPECT_TRUE(P.skippedButNeeded());
}

TEST(BodyPlan, NothingIsSkippedWhenTheBracesCannotBeTrusted) {
  // Each branch opens a body: read raw (both branches), they nest, and the
  // stray '}' of a dead branch closes them.
  std::string T = R"(
#ifdef UNICODE
void F(const wchar_t *s) {
#else
void F(const char *s) {
#endif
  (void)s;
}
#ifdef NEVER
}
#endif
void G() { }
)";
  BodyPlan P(Triggers);
  P.addFile(T, true);
  EXPECT_FALSE(P.trusted());
  At G = bodyOf(T, "G");
  EXPECT_FALSE(P.canSkip(G.Decl));
  // extern "C" opened and closed in separate #ifdef __cplusplus blocks is
  // the usual header shape, and fine.
  std::string H = "#ifdef __cplusplus\nextern \"C\" {\n#endif\n"
                  "void G() { }\n"
                  "#ifdef __cplusplus\n}\n#endif\n";
  EXPECT_EQ(skipped(H, {"G"}), "G");
  EXPECT_EQ(skipped("void G() { {\n", {"G"}), "");
  // Without triggers (--no-prefilter) nothing is skipped.
  BodyPlan None(std::vector<std::string>{});
  None.addFile("void G() { }", true);
  EXPECT_FALSE(None.canSkip(5));
}

TEST(BodyPlan, OnlyBodiesItKnowsAndTheirOwnDeclarations) {
  std::string T = R"(
void G() { }
#define BODY { }
void H() BODY
void K() {
#include "body.inc"
}
bool operator==(const A &, const A &) { return true; }
)";
  BodyPlan P(Triggers);
  P.addFile(T, true);
  At G = bodyOf(T, "G");
  EXPECT_TRUE(P.canSkip(G.Decl));
  EXPECT_FALSE(P.canSkip(G.Brace + 1));                 // inside the body
  EXPECT_FALSE(P.canSkip(unsigned(T.find("#define")))); // not a body
  At K = bodyOf(T, "K"); // an #include inside: text the plan cannot see
  EXPECT_FALSE(P.canSkip(K.Decl));
  size_t Op = T.find("operator");
  EXPECT_FALSE(P.canSkip(unsigned(Op)));
}

// --- the same findings through Clang, with and without skipping ----------

namespace {
std::string findings(const std::string &Path, const std::string &Code,
                     bool Skip) {
  cpp::CompileDatabases Dbs;
  core::FrontendOptions Opts;
  if (Skip)
    Opts.Triggers = Triggers;
  std::vector<core::Guard> Guards;
  std::vector<core::Diagnostic> Diags;
  cpp::analyzeFile(Path, Code, Dbs, Opts, Guards, Diags);
  auto Cfg = rules::defaultCheckConfig();
  std::string S;
  for (const auto &G : Guards)
    for (auto &F : rules::checkGuard(G, Cfg))
      S += F.RuleId + "@" + std::to_string(F.Where.Line) + " ";
  return S;
}
} // namespace

/// A directory holding one project header; the file analyzed is t.cpp in it.
struct Project {
  llvm::SmallString<128> Dir;
  Project(llvm::StringRef Header, llvm::StringRef Text) {
    EXPECT_FALSE(llvm::sys::fs::createUniqueDirectory("vg-bodyplan", Dir));
    std::error_code EC;
    llvm::raw_fd_ostream H((Dir + "/" + Header).str(), EC);
    EXPECT_FALSE(EC);
    H << Text;
  }
  ~Project() { llvm::sys::fs::remove_directories(Dir); }
  std::string file() const { return (Dir + "/t.cpp").str(); }
};

/// Reads the build from the registry: a version source without a trigger.
const std::string ReadBuild = R"(static DWORD ReadBuild() {
  wchar_t text[32];
  DWORD size = sizeof(text);
  RegGetValueW(HKEY_LOCAL_MACHINE, L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion",
               L"CurrentBuildNumber", RRF_RT_REG_SZ, nullptr, text, &size);
  return _wtoi(text);
}
)"; // 7 lines

TEST(BodyPlan, SkippingParsesFindTheSameAsFullParses) {
  Project P("builds.h", "#define HEADER_SP2 6002\n");
  std::string Code = "#include <windows.h>\n#include <string>\n"
                     "#include <vector>\n#include \"builds.h\"\n"
                     "static const DWORD kSp2 = 6002;\n"
                     "static DWORD g_build;\n" +
                     ReadBuild + R"(void Init() { g_build = ReadBuild(); }
bool ViaGlobal() { return g_build == kSp2; }
bool ViaHeader() { return ReadBuild() == HEADER_SP2; }
std::vector<std::wstring> Names() {
  std::vector<std::wstring> v;
  v.push_back(L"a");
  v.push_back(std::to_wstring(v.size()));
  return v;
}
size_t Count() { return Names().size(); }
)";
  uint64_t Before = cpp::skippedBodies();
  std::string Skipping = findings(P.file(), Code, true);
  uint64_t Skipped = cpp::skippedBodies() - Before;
  std::string Full = findings(P.file(), Code, false);
  EXPECT_EQ(cpp::skippedBodies() - Before, Skipped); // none in a full parse
  EXPECT_EQ(Skipping, Full);
  // Both checks found: through a global written by a function without a
  // trigger, and through a constant from a project header.
  EXPECT_EQ(Full, "VG001@15 VG001@16 ");
  EXPECT_EQ(Skipped, 2u); // Names and Count
}

TEST(BodyPlan, AHeaderThatLinksASkippedBodyMeansAFullParse) {
  // Set has no trigger and nothing before it links it; late.h, entered
  // after Set was skipped, reads what Set writes.
  Project P("late.h", "inline bool CheckLate() { return g_v == 6002; }\n");
  std::string Code = "#include <windows.h>\nstatic DWORD g_v;\n" + ReadBuild +
                     "void Set() { g_v = ReadBuild(); }\n"
                     "#include \"late.h\"\n";
  std::string Full = findings(P.file(), Code, false);
  EXPECT_EQ(Full, "VG001@1 ");
  EXPECT_EQ(findings(P.file(), Code, true), Full);
}

TEST(BodyPlan, KeepsWhatAGlobalsInitializerCalls) {
  // The check reads g; g's initializer calls GetBuild, whose result g holds:
  // GetBuild's body is needed although no body names g's writer.
  std::string T = R"(
DWORD GetBuild() {
  DWORD b = 0;
  RtlGetNtVersionNumbers(nullptr, nullptr, &b);
  return b & 0xFFFF;
}
int Unrelated() { return 3; }
static DWORD g = GetBuild();
bool IsSp2() { return g == 6002; }
)";
  EXPECT_EQ(skipped(T, {"GetBuild", "Unrelated", "IsSp2"}), "Unrelated");
}
