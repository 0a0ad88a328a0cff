//===- HtmlReport.cpp - one self-contained page for an audit --------------===//
//
// The page is HTML5 that is also well-formed XML (the tests parse it as
// XHTML), with its stylesheet and script inline and a Content-Security-Policy
// that lets only those two run (by their SHA-256): nothing is loaded from
// anywhere, and markup that got into the page by mistake could not run.
// Every string from the user's files goes through escapeHtml.
//
// The first FirstPage findings are elements of the page; the others follow
// in a <noscript>: without scripts the browser shows them as HTML, with
// scripts it keeps them as one text node, which HtmlReport.js cuts into
// findings and turns into elements a page at a time. So the page is complete
// with scripts off, and a report of 25,000 findings loads as fast as one of
// a few hundred plus the time to read its bytes.
//
//===----------------------------------------------------------------------===//
#include "report/HtmlText.h"
#include "report/Markdown.h"
#include "report/Report.h"
#include "report/SourceText.h"
#include "rules/Rule.h"
#include "rules/RuleDocs.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Base64.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/SHA256.h"

#include <algorithm>
#include <map>
#include <set>

namespace verguard::report {

namespace {

const char Stylesheet[] = {
#include "HtmlReport.css.inc"
    0};
const char Script[] = {
#include "HtmlReport.js.inc"
    0};

/// Findings written as elements; the rest go in the <noscript>.
constexpr size_t FirstPage = 200;
/// Lines shown above and below a finding's own lines.
constexpr unsigned ContextLines = 1;
/// A source line longer than this many bytes is shown in part.
constexpr size_t MaxLineBytes = 240;
/// Directories in the overview's chart; the others are summed up.
constexpr size_t ChartDirectories = 12;

// The script inside the page, as the policy's hash covers it: the CDATA
// comments keep it text in XML and are comments to JavaScript.
std::string scriptText() {
  return std::string("//<![CDATA[\n") + Script + "//]]>";
}

std::string sha256(llvm::StringRef Text) {
  auto H = llvm::SHA256::hash(llvm::arrayRefFromStringRef(Text));
  return "'sha256-" + llvm::encodeBase64(H) + "'";
}

std::string number(uint64_t N) {
  std::string S = std::to_string(N);
  for (int I = int(S.size()) - 3; I > 0; I -= 3)
    S.insert(I, ",");
  return S;
}

std::string count(uint64_t N, llvm::StringRef What) {
  return number(N) + " " + What.str() + (N == 1 ? "" : "s");
}

std::string attr(llvm::StringRef S) {
  return escapeHtml(S, HtmlContext::Attribute);
}

std::string name(llvm::StringRef S) { return escapeHtml(S, HtmlContext::Name); }

/// The first component of a path as reports show it ("src" of
/// "src/os/a.cpp"; "/" and its first component for a path outside the
/// source root); "." for a file at the top.
std::string topDirectory(llvm::StringRef Path) {
  size_t Slash = Path.find('/', Path.starts_with("/") ? 1 : 0);
  return Slash == llvm::StringRef::npos ? "." : Path.take_front(Slash).str();
}

std::string directoryLabel(llvm::StringRef Dir) {
  return Dir == "." ? "(top level)" : Dir.str() + "/";
}

/// "VG001 build-comparison": the title of the rule's doc.
std::string ruleTitle(llvm::StringRef Id) {
  if (auto Doc = rules::ruleDoc(Id))
    return Doc->take_until([](char C) { return C == '\n'; })
        .ltrim("# ")
        .rtrim()
        .str();
  return Id.str();
}

/// The analysis as the page shows it: per finding its file's and directory's
/// index, per file and directory its findings.
struct Layout {
  std::vector<std::string> Paths;        // per finding, as shown
  std::vector<unsigned> FileOf, DirOf;   // per finding
  std::vector<std::string> Dirs;         // sorted by name
  std::vector<unsigned> FindingsPerFile; // by file index
  std::vector<unsigned> FindingsPerDir;  // by directory index
};

Layout layout(const ReportData &D) {
  Layout L;
  std::map<std::string, unsigned> Files;
  std::set<std::string> DirSet;
  for (const core::Finding &F : D.Findings) {
    L.Paths.push_back(displayPath(F.Where.File, D.SrcRoot));
    DirSet.insert(topDirectory(L.Paths.back()));
  }
  L.Dirs.assign(DirSet.begin(), DirSet.end());
  L.FindingsPerDir.assign(L.Dirs.size(), 0);
  for (const std::string &P : L.Paths) {
    auto [It, New] = Files.try_emplace(P, Files.size());
    if (New)
      L.FindingsPerFile.push_back(0);
    L.FileOf.push_back(It->second);
    L.FindingsPerFile[It->second]++;
    unsigned Dir =
        std::lower_bound(L.Dirs.begin(), L.Dirs.end(), topDirectory(P)) -
        L.Dirs.begin();
    L.DirOf.push_back(Dir);
    L.FindingsPerDir[Dir]++;
  }
  return L;
}

class HtmlWriter {
public:
  HtmlWriter(llvm::raw_ostream &OS, const ReportData &D)
      : OS(OS), D(D), L(layout(D)) {
    for (const core::Finding &F : D.Findings) {
      ++BySeverity[F.Level];
      ++ByRule[F.RuleId];
      Fixable += F.TheFix.has_value();
    }
  }

  void write() {
    std::string Js = scriptText();
    OS << "<!DOCTYPE html>\n"
          "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n"
          "<head>\n<meta charset=\"utf-8\"/>\n"
          "<meta http-equiv=\"Content-Security-Policy\" content=\""
          "default-src 'none'; style-src "
       << sha256(Stylesheet) << "; script-src " << sha256(Js)
       << "; img-src data:; base-uri 'none'; form-action 'none'\"/>\n"
          "<meta name=\"viewport\" content=\"width=device-width, "
          "initial-scale=1\"/>\n"
          "<meta name=\"generator\" content=\"verguard "
       << attr(D.ToolVersion)
       << "\"/>\n<title>verguard: " << count(D.Findings.size(), "finding");
    if (!D.Paths.empty()) {
      OS << " in ";
      for (size_t I = 0; I < D.Paths.size(); ++I)
        OS << (I ? ", " : "") << escapeHtml(D.Paths[I], HtmlContext::Attribute);
    }
    OS << "</title>\n<style>" << Stylesheet << "</style>\n</head>\n<body>\n"
       << "<header class=\"top\"><span class=\"brand\">verguard</span><nav>"
          "<a href=\"#overview\">Overview</a><a href=\"#findings\">Findings ("
       << number(D.Findings.size())
       << ")</a><a href=\"#skipped\">Skipped and notes</a>"
          "<a href=\"#rules\">Rules</a></nav></header>\n<main>\n";
    overview();
    findings();
    skipped();
    ruleDocs();
    OS << "</main>\n<footer>Written by verguard " << escapeHtml(D.ToolVersion);
    if (!D.Date.empty())
      OS << " on " << escapeHtml(D.Date);
    OS << ". Sorting and filtering need JavaScript; everything else is in "
          "the page as it is.</footer>\n<script>"
       << Js << "</script>\n</body>\n</html>\n";
  }

private:
  llvm::raw_ostream &OS;
  const ReportData &D;
  Layout L;
  std::map<core::Severity, unsigned> BySeverity; // only those found
  std::map<std::string, unsigned> ByRule;
  unsigned Fixable = 0;

  unsigned severities(core::Severity S) const {
    auto It = BySeverity.find(S);
    return It == BySeverity.end() ? 0 : It->second;
  }

  // --- Overview ---------------------------------------------------------

  void card(const char *Class, const std::string &Big,
            const std::string &What) {
    OS << "<div class=\"card " << Class << "\"><span class=\"big\">" << Big
       << "</span><span class=\"what\">" << What << "</span></div>";
  }

  /// One chart row: a label (a filter link when Filter is set), a bar as
  /// wide as N of Max, and the number beside it.
  void bar(const std::string &LabelHtml, const char *Filter,
           const std::string &Value, unsigned N, unsigned Max,
           const char *BarClass) {
    OS << "<tr><th>";
    if (Filter)
      OS << "<a href=\"#findings\" data-filter=\"" << Filter
         << "\" data-value=\"" << attr(Value) << "\">" << LabelHtml << "</a>";
    else
      OS << LabelHtml;
    double W = Max ? 100.0 * N / Max : 0;
    OS << "</th><td class=\"bar\"><svg xmlns=\"http://www.w3.org/2000/svg\" "
          "viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" "
          "role=\"img\" aria-label=\""
       << N << "\"><rect class=\"track\" width=\"100\" height=\"10\"/>"
       << "<rect class=\"" << BarClass << "\" width=\""
       << llvm::format("%.2f", W) << "\" height=\"10\"/></svg></td>"
       << "<td class=\"num\">" << number(N);
    if (!D.Findings.empty())
      OS << " <span class=\"pct\">"
         << llvm::format("%.0f", 100.0 * N / D.Findings.size()) << "%</span>";
    OS << "</td></tr>\n";
  }

  void overview() {
    unsigned Errors = severities(core::Severity::Error);
    unsigned Warnings = severities(core::Severity::Warning);
    unsigned Notes = severities(core::Severity::Note);
    OS << "<section id=\"overview\">\n<h1>verguard report</h1>\n"
       << "<p class=\"lead\">" << count(D.Findings.size(), "finding")
       << " of Windows version checks that change their outcome when the "
          "build is bumped, in "
       << count(D.FilesTotal, "file") << ".</p>\n<div class=\"cards\">";
    card("", number(D.Findings.size()), "findings");
    card("error", number(Errors), Errors == 1 ? "error" : "errors");
    card("warning", number(Warnings), Warnings == 1 ? "warning" : "warnings");
    if (Notes)
      card("", number(Notes), Notes == 1 ? "note" : "notes");
    card("fix", number(Fixable), "with a proven fix");
    card("", number(D.FilesTotal - D.FilesSkipped), "files analyzed");
    OS << "</div>\n<table class=\"run\">\n";
    if (!D.Paths.empty()) {
      OS << "<tr><th>Paths</th><td>";
      for (size_t I = 0; I < D.Paths.size(); ++I)
        OS << (I ? " " : "") << "<code>" << name(D.Paths[I]) << "</code>";
      OS << "</td></tr>\n";
    }
    if (!D.Bumps.empty()) {
      OS << "<tr><th>Bumps checked</th><td>";
      for (const BumpInfo &B : D.Bumps)
        OS << "<div class=\"bump\"><code>" << escapeHtml(B.Id) << "</code> "
           << escapeHtml(B.Description) << "<span class=\"profiles\">"
           << escapeHtml(B.BeforeVersion) << " (" << escapeHtml(B.BeforeName)
           << ") \xE2\x86\x92 " << escapeHtml(B.AfterVersion) << " ("
           << escapeHtml(B.AfterName) << ")</span></div>";
      OS << "</td></tr>\n";
    }
    OS << "<tr><th>verguard</th><td>" << escapeHtml(D.ToolVersion)
       << "</td></tr>\n";
    if (!D.Date.empty())
      OS << "<tr><th>Date</th><td>" << escapeHtml(D.Date) << "</td></tr>\n";
    OS << "<tr><th>Files</th><td>" << number(D.FilesTotal);
    if (!D.FilesByLanguage.empty()) {
      OS << " (";
      bool First = true;
      for (const auto &[Lang, N] : D.FilesByLanguage) {
        OS << (First ? "" : ", ") << escapeHtml(Lang) << " " << number(N);
        First = false;
      }
      OS << ")";
    }
    OS << "; " << number(D.FilesTotal - D.FilesSkipped) << " analyzed, "
       << "<a href=\"#skipped\">" << number(D.FilesSkipped)
       << " skipped</a></td></tr>\n";
    if (D.Seconds > 0)
      OS << "<tr><th>Time</th><td>" << llvm::format("%.2f", D.Seconds)
         << " s</td></tr>\n";
    OS << "</table>\n";
    if (D.Findings.empty()) {
      OS << "</section>\n";
      return;
    }
    OS << "<div class=\"charts\">\n";
    unsigned Max = 0;
    for (const auto &[_, N] : ByRule)
      Max = std::max(Max, N);
    OS << "<figure class=\"chart\"><figcaption>Findings by rule"
          "</figcaption><table>\n";
    for (const auto &[Rule, N] : ByRule)
      bar(escapeHtml(ruleTitle(Rule)), "rule", Rule, N, Max, "bar");
    OS << "</table></figure>\n";
    OS << "<figure class=\"chart\"><figcaption>Findings by severity"
          "</figcaption><table>\n";
    Max = std::max({Errors, Warnings, Notes});
    for (core::Severity S : {core::Severity::Error, core::Severity::Warning,
                             core::Severity::Note}) {
      if (S == core::Severity::Note && !Notes)
        continue;
      std::string Name = core::severityName(S);
      bar(Name, "severity", Name, severities(S), Max,
          S == core::Severity::Error     ? "bar-error"
          : S == core::Severity::Warning ? "bar-warning"
                                         : "bar-note");
    }
    OS << "</table></figure>\n";
    OS << "<figure class=\"chart\"><figcaption>Findings by top-level "
          "directory</figcaption><table>\n";
    std::vector<unsigned> Order(L.Dirs.size());
    for (unsigned I = 0; I < Order.size(); ++I)
      Order[I] = I;
    std::stable_sort(Order.begin(), Order.end(), [&](unsigned A, unsigned B) {
      return L.FindingsPerDir[A] > L.FindingsPerDir[B];
    });
    Max = Order.empty() ? 0 : L.FindingsPerDir[Order.front()];
    unsigned Others = 0, OtherDirs = 0;
    for (size_t K = 0; K < Order.size(); ++K) {
      unsigned Dir = Order[K];
      if (K < ChartDirectories) {
        bar(name(directoryLabel(L.Dirs[Dir])), "dir", std::to_string(Dir),
            L.FindingsPerDir[Dir], Max, "bar");
      } else {
        Others += L.FindingsPerDir[Dir];
        ++OtherDirs;
      }
    }
    if (OtherDirs)
      bar(number(OtherDirs) + " other director" +
              (OtherDirs == 1 ? "y" : "ies"),
          nullptr, "", Others, std::max(Max, Others), "bar");
    OS << "</table></figure>\n";
    OS << "<figure class=\"chart\"><figcaption>Proven fixes</figcaption>"
          "<table>\n";
    unsigned NoFix = D.Findings.size() - Fixable;
    Max = std::max(Fixable, NoFix);
    bar("with a proven fix", "fix", "1", Fixable, Max, "bar-fix");
    bar("without one", "fix", "0", NoFix, Max, "bar-nofix");
    OS << "</table></figure>\n</div>\n</section>\n";
  }

  // --- Findings ---------------------------------------------------------

  void select(const char *Id, const char *Label,
              const std::vector<std::pair<std::string, std::string>> &Options,
              const char *First) {
    OS << "<label>" << Label << "<select id=\"" << Id << "\">";
    if (First)
      OS << "<option value=\"\">" << First << "</option>";
    for (const auto &[Value, Text] : Options)
      OS << "<option value=\"" << attr(Value) << "\">" << Text << "</option>";
    OS << "</select></label>";
  }

  void toolbar() {
    OS << "<div class=\"toolbar\" id=\"toolbar\" hidden=\"hidden\">";
    std::vector<std::pair<std::string, std::string>> Opts;
    for (const auto &[Rule, N] : ByRule)
      Opts.push_back({Rule, attr(ruleTitle(Rule)) + " (" + number(N) + ")"});
    select("filter-rule", "Rule", Opts, "all");
    Opts.clear();
    for (core::Severity S :
         {core::Severity::Error, core::Severity::Warning, core::Severity::Note})
      if (BySeverity.count(S))
        Opts.push_back(
            {core::severityName(S), std::string(core::severityName(S)) + " (" +
                                        number(severities(S)) + ")"});
    select("filter-severity", "Severity", Opts, "all");
    Opts.clear();
    for (size_t I = 0; I < L.Dirs.size(); ++I)
      Opts.push_back(
          {std::to_string(I), attr(directoryLabel(L.Dirs[I])) + " (" +
                                  number(L.FindingsPerDir[I]) + ")"});
    select("filter-dir", "Directory", Opts, "all");
    select(
        "filter-fix", "Fix",
        {{"1", "has a proven fix (" + number(Fixable) + ")"},
         {"0", "no proven fix (" + number(D.Findings.size() - Fixable) + ")"}},
        "all");
    select("sort", "Sort by",
           {{"location", "file and line"},
            {"severity", "severity"},
            {"rule", "rule"},
            {"dir", "directory, most findings first"},
            {"fix", "proven fix first"},
            {"nofix", "no fix first"}},
           nullptr);
    OS << "<span class=\"status\" id=\"status\" aria-live=\"polite\"></span>"
          "</div>\n";
  }

  void fileHead(size_t I, const SourceText *Src, bool Continued) {
    unsigned File = L.FileOf[I];
    OS << "<h3 class=\"file-head\" data-file=\"" << File << "\">"
       << name(L.Paths[I]) << "<span class=\"meta\"><span "
       << "class=\"count\">" << count(L.FindingsPerFile[File], "finding")
       << "</span>";
    if (Src && Src->encoding() != script::Encoding::Utf8)
      OS << " \xC2\xB7 " << script::encodingName(Src->encoding());
    if (Continued)
      OS << "<span class=\"cont\"> (continued)</span>";
    OS << "</span></h3>\n";
  }

  /// One line of a source excerpt or a diff: an item of an <ol> whose
  /// numbers are the line numbers (Value: this item's own number), with its
  /// marked parts in <Mark>.
  void line(const MarkedLine &M, const char *Class, bool Value,
            const char *Mark) {
    OS << "<li";
    if (*Class)
      OS << " class=\"" << Class << "\"";
    if (Value)
      OS << " value=\"" << M.Number << "\"";
    OS << ">";
    if (M.CutBefore)
      OS << "<span class=\"cut\">\xE2\x80\xA6</span>";
    size_t At = 0;
    for (auto [B, E] : M.Marks) {
      escapeHtml(OS, llvm::StringRef(M.Text).slice(At, B));
      OS << "<" << Mark << ">";
      escapeHtml(OS, llvm::StringRef(M.Text).slice(B, E));
      OS << "</" << Mark << ">";
      At = E;
    }
    escapeHtml(OS, llvm::StringRef(M.Text).substr(At));
    if (M.CutAfter)
      OS << "<span class=\"cut\">\xE2\x80\xA6</span>";
    OS << "</li>";
  }

  const BumpInfo *bumpInfo(llvm::StringRef Id) const {
    for (const BumpInfo &B : D.Bumps)
      if (B.Id == Id)
        return &B;
    return nullptr;
  }

  void evaluation(const core::Finding &F) {
    const core::Evaluation &E = *F.Evaluated;
    // The profiles' versions (also in the message) when the run checked
    // several bumps; with one, the overview names them.
    const BumpInfo *B = D.Bumps.size() == 1 ? nullptr : bumpInfo(F.Bump);
    auto Value = [](bool V) { return V ? "true" : "false"; };
    OS << "<table class=\"eval\"><tr><th></th><th>before";
    if (B)
      OS << " \xC2\xB7 " << escapeHtml(B->BeforeVersion);
    OS << "</th><th>after";
    if (B)
      OS << " \xC2\xB7 " << escapeHtml(B->AfterVersion);
    // The guard's outcome gets a row of its own when the test's values do
    // not already say it.
    bool Same = E.OutcomeBefore == Value(E.TestBefore) &&
                E.OutcomeAfter == Value(!E.TestBefore);
    OS << "</th></tr><tr><th>" << markdownCodeSpans(E.Test)
       << (Same ? " and the guard" : "") << "</th><td>" << Value(E.TestBefore)
       << "</td><td class=\"chg\">" << Value(!E.TestBefore) << "</td></tr>";
    if (!Same)
      OS << "<tr><th>the guard</th><td>" << markdownCodeSpans(E.OutcomeBefore)
         << "</td><td"
         << (E.OutcomeBefore != E.OutcomeAfter ? " class=\"chg\"" : "") << ">"
         << markdownCodeSpans(E.OutcomeAfter) << "</td></tr>";
    OS << "</table>\n";
  }

  void fix(const core::Finding &F, SourceCache &Others) {
    if (!F.TheFix) {
      if (!F.NoFixReason.empty())
        OS << "<p class=\"nofix\">No proven fix: "
           << markdownCodeSpans(F.NoFixReason) << "</p>\n";
      return;
    }
    OS << "<p class=\"fix\"><strong>Proven fix</strong>: "
       << markdownCodeSpans(F.TheFix->Description) << "</p>\n";
    // The edits by file, in order; each file's as the lines before and
    // after, or as positions when its text is not at hand.
    std::map<std::string, std::vector<core::Edit>> ByFile;
    for (const core::Edit &E : F.TheFix->Edits)
      ByFile[E.Span.File].push_back(E);
    for (const auto &[File, Edits] : ByFile) {
      if (File != F.Where.File)
        OS << "<p class=\"fix-file\">in <code>"
           << name(displayPath(File, D.SrcRoot)) << "</code></p>";
      auto Content = D.Content ? D.Content(File) : std::nullopt;
      const SourceText *Src = Content ? Others.get(File, *Content) : nullptr;
      std::optional<FixHunk> H = Src ? Src->fixHunk(Edits) : std::nullopt;
      if (H) {
        OS << "<ol class=\"diff\" start=\"" << H->Before.front().Number
           << "\">";
        for (const MarkedLine &M : H->Before)
          line(M, "del", false, "del");
        for (size_t K = 0; K < H->After.size(); ++K)
          line(H->After[K], "add", K == 0, "ins");
        OS << "</ol>\n";
        continue;
      }
      OS << "<ul class=\"edits\">";
      for (const core::Edit &E : Edits) {
        OS << "<li>" << E.Span.Line << ":" << E.Span.Col << ": "
           << (E.Span.Begin == E.Span.End ? "insert " : "write ") << "<code>";
        escapeHtml(OS, E.Replacement);
        OS << "</code></li>";
      }
      OS << "</ul>\n";
    }
  }

  void finding(size_t I, const SourceText *Src, SourceCache &Others) {
    const core::Finding &F = D.Findings[I];
    const char *Sev = core::severityName(F.Level);
    OS << "<article class=\"finding\" id=\"f" << I << "\" data-rule=\""
       << attr(F.RuleId) << "\" data-severity=\"" << Sev << "\" data-fix=\""
       << (F.TheFix ? 1 : 0) << "\" data-dir=\"" << L.DirOf[I]
       << "\" data-file=\"" << L.FileOf[I] << "\" data-path=\""
       << attr(L.Paths[I]) << "\" data-line=\"" << F.Where.Line
       << "\" data-column=\"" << F.Where.Col << "\">\n<header>"
       << "<span class=\"sev\">" << Sev << "</span>"
       << "<a class=\"rule\" href=\"#rule-" << attr(F.RuleId) << "\">"
       << escapeHtml(ruleTitle(F.RuleId)) << "</a><a class=\"loc\" href=\"#f"
       << I << "\">" << name(L.Paths[I]) << ":" << F.Where.Line << ":"
       << F.Where.Col << "</a>";
    if (!F.Function.empty())
      OS << "<span class=\"fn\">in <code>" << name(F.Function)
         << "</code></span>";
    if (I < D.Baseline.size() && D.Baseline[I] != BaselineState::None)
      OS << "<span class=\"base\">baseline: "
         << (D.Baseline[I] == BaselineState::New ? "new" : "unchanged")
         << "</span>";
    OS << "</header>\n<p class=\"msg\">" << markdownCodeSpans(F.Message)
       << "</p>\n";
    if (Src) {
      std::vector<MarkedLine> Lines =
          Src->around(F.Where, ContextLines, 8, MaxLineBytes);
      if (!Lines.empty()) {
        OS << "<ol class=\"src\" start=\"" << Lines.front().Number << "\">";
        for (const MarkedLine &M : Lines)
          line(M, M.Marks.empty() ? "" : "hit", false, "mark");
        OS << "</ol>\n";
      }
    }
    if (F.Evaluated)
      evaluation(F);
    fix(F, Others);
    // The bump is named when the run checked several (the overview names
    // the one it checked).
    bool Fingerprint = I < D.Fingerprints.size();
    bool Bump = !F.Bump.empty() && D.Bumps.size() != 1;
    OS << "<footer>";
    if (Fingerprint)
      OS << "fingerprint <code>" << escapeHtml(D.Fingerprints[I]) << "</code>";
    if (Bump)
      OS << (Fingerprint ? " \xC2\xB7 " : "") << "bump <code>"
         << escapeHtml(F.Bump) << "</code>";
    OS << "</footer>\n</article>\n";
  }

  void findings() {
    OS << "<section id=\"findings\">\n<h2>Findings</h2>\n";
    if (D.Findings.empty()) {
      OS << "<p>No findings.</p>\n</section>\n";
      return;
    }
    toolbar();
    OS << "<noscript><p class=\"nojs\">Every finding is below, in file "
          "order; sorting and filtering need JavaScript.</p></noscript>\n"
          "<div id=\"findings-list\" data-total=\""
       << D.Findings.size() << "\">\n";
    SourceCache Sources, Others;
    bool Open = false;
    for (size_t I = 0; I < D.Findings.size(); ++I) {
      const core::Finding &F = D.Findings[I];
      bool Boundary = I == FirstPage;
      if (Boundary) {
        if (Open)
          OS << "</section>\n";
        OS << "</div>\n<noscript id=\"findings-rest\">\n";
        Open = false;
      }
      auto Content = D.Content ? D.Content(F.Where.File) : std::nullopt;
      const SourceText *Src =
          Content ? Sources.get(F.Where.File, *Content) : nullptr;
      bool NewFile = !I || L.FileOf[I] != L.FileOf[I - 1];
      if (NewFile || Boundary) {
        if (Open)
          OS << "</section>\n";
        OS << "<section class=\"file\" data-file=\"" << L.FileOf[I] << "\">\n";
        fileHead(I, Src, !NewFile);
        Open = true;
      }
      finding(I, Src, Others);
    }
    if (Open)
      OS << "</section>\n";
    OS << (D.Findings.size() > FirstPage ? "</noscript>\n" : "</div>\n");
    OS << "<div class=\"more\" id=\"more\" hidden=\"hidden\">"
          "<button type=\"button\" id=\"more-page\">Show more</button>"
          "<button type=\"button\" id=\"more-all\">Show all</button></div>\n"
          "</section>\n";
  }

  // --- Skipped and notes ------------------------------------------------

  void locations(const std::vector<core::Finding> &Fs) {
    OS << "<ul class=\"notes\">";
    for (const core::Finding &F : Fs)
      OS << "<li><span class=\"loc\">"
         << name(displayPath(F.Where.File, D.SrcRoot)) << ":" << F.Where.Line
         << ":" << F.Where.Col << "</span> " << escapeHtml(F.RuleId) << ": "
         << markdownCodeSpans(F.Message) << "</li>";
    OS << "</ul>\n";
  }

  void countRow(const std::string &What, uint64_t N, bool Part = false) {
    OS << "<tr><th" << (Part ? " class=\"part\"" : "") << ">" << What
       << "</th><td class=\"num\">" << number(N) << "</td></tr>\n";
  }

  void skipped() {
    OS << "<section id=\"skipped\">\n<h2>Skipped and notes</h2>\n"
          "<table class=\"counts\">\n";
    countRow("Files found", D.FilesTotal);
    for (const auto &[Lang, N] : D.FilesByLanguage)
      countRow(escapeHtml(Lang), N, /*Part=*/true);
    countRow("Files analyzed", D.FilesTotal - D.FilesSkipped);
    countRow("Files skipped", D.FilesSkipped);
    countRow("Findings suppressed inline", D.Suppressed);
    countRow("Findings in the baseline (not shown)", D.Baselined);
    countRow("Notes about the input", D.Diagnostics.size());
    OS << "</table>\n";
    if (!D.SkipReasons.empty()) {
      OS << "<h3>Skipped files</h3>\n";
      for (const auto &[Why, N] : D.SkipReasons) {
        auto It = D.SkippedFiles.find(Why);
        std::string Summary =
            "<span class=\"num\">" + number(N) + "</span> " + escapeHtml(Why);
        if (It == D.SkippedFiles.end() || It->second.empty()) {
          OS << "<p>" << Summary << "</p>\n";
          continue;
        }
        // One text node, however many files: cheap to load, and hidden
        // until asked for.
        OS << "<details><summary>" << Summary
           << "</summary><pre class=\"files\">";
        for (const std::string &P : It->second)
          OS << name(displayPath(P, D.SrcRoot)) << "\n";
        OS << "</pre></details>\n";
      }
    }
    if (!D.SuppressedFindings.empty()) {
      OS << "<h3>Suppressed inline</h3>\n<details><summary><span "
            "class=\"num\">"
         << number(D.SuppressedFindings.size())
         << "</span> findings under a <code>verguard: ignore</code> comment"
            "</summary>";
      std::vector<core::Finding> Hidden;
      for (const core::SuppressedFinding &S : D.SuppressedFindings)
        Hidden.push_back(S.F);
      locations(Hidden);
      OS << "</details>\n";
    }
    if (!D.BaselinedFindings.empty()) {
      OS << "<h3>In the baseline</h3>\n<details><summary><span "
            "class=\"num\">"
         << number(D.BaselinedFindings.size())
         << "</span> findings recorded in the baseline</summary>";
      locations(D.BaselinedFindings);
      OS << "</details>\n";
    }
    if (!D.Diagnostics.empty()) {
      std::map<core::Severity, unsigned> Levels;
      for (const core::Diagnostic &G : D.Diagnostics)
        ++Levels[G.Level];
      OS << "<h3>Notes about the input</h3>\n<details><summary>";
      bool First = true;
      for (auto It = Levels.rbegin(); It != Levels.rend(); ++It) {
        OS << (First ? "" : ", ") << "<span class=\"num\">"
           << number(It->second) << "</span> " << core::severityName(It->first)
           << (It->second == 1 ? "" : "s");
        First = false;
      }
      OS << "</summary><ul class=\"notes\">";
      for (const core::Diagnostic &G : D.Diagnostics) {
        OS << "<li><span class=\"loc\">"
           << name(displayPath(G.Where.File, D.SrcRoot));
        if (G.Where.Line)
          OS << ":" << G.Where.Line << ":" << G.Where.Col;
        const char *Sev = core::severityName(G.Level);
        OS << "</span> <span class=\"sev sev-" << Sev << "\">" << Sev
           << "</span> " << name(G.Message) << "</li>";
      }
      OS << "</ul></details>\n";
    }
    OS << "</section>\n";
  }

  // --- Rules ------------------------------------------------------------

  void ruleDocs() {
    std::set<std::string> Ids;
    for (const rules::Rule *R : rules::allRules())
      Ids.insert(R->info().Id);
    for (const auto &[Rule, _] : ByRule)
      Ids.insert(Rule);
    OS << "<section id=\"rules\">\n<h2>Rules</h2>\n";
    for (const std::string &Id : Ids) {
      OS << "<article class=\"rule-doc\" id=\"rule-" << attr(Id) << "\">\n";
      if (auto Doc = rules::ruleDoc(Id))
        OS << markdownToHtml(*Doc, 3);
      else
        OS << "<h3>" << escapeHtml(Id) << "</h3>\n";
      OS << "</article>\n";
    }
    OS << "</section>\n";
  }
};

} // namespace

void writeHtml(llvm::raw_ostream &OS, const ReportData &D) {
  HtmlWriter(OS, D).write();
}

} // namespace verguard::report
