//===- Markdown.cpp -------------------------------------------------------===//
#include "report/Markdown.h"

#include "report/HtmlText.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

#include <cctype>
#include <vector>

namespace verguard::report {

namespace {

using Lines = std::vector<llvm::StringRef>;

bool isBlank(llvm::StringRef L) { return L.trim().empty(); }

size_t indentOf(llvm::StringRef L) {
  size_t N = 0;
  while (N < L.size() && L[N] == ' ')
    ++N;
  return N;
}

/// A code fence: up to three spaces, then three or more ` or ~.
bool isFence(llvm::StringRef L, char *Char = nullptr, size_t *Len = nullptr) {
  size_t I = indentOf(L);
  if (I > 3 || I >= L.size() || (L[I] != '`' && L[I] != '~'))
    return false;
  size_t N = 0;
  while (I + N < L.size() && L[I + N] == L[I])
    ++N;
  if (N < 3)
    return false;
  if (Char)
    *Char = L[I];
  if (Len)
    *Len = N;
  return true;
}

/// An ATX heading: its level (0: not a heading) and text.
unsigned heading(llvm::StringRef L, llvm::StringRef &Text) {
  size_t I = indentOf(L);
  if (I > 3)
    return 0;
  L = L.drop_front(I);
  size_t N = 0;
  while (N < L.size() && L[N] == '#')
    ++N;
  if (N == 0 || N > 6 || (N < L.size() && L[N] != ' ' && L[N] != '\t'))
    return 0;
  Text = L.drop_front(N).trim();
  // An optional closing sequence of #s after a space.
  llvm::StringRef Closed = Text.rtrim('#');
  if (Closed.size() != Text.size() &&
      (Closed.empty() || Closed.back() == ' ' || Closed.back() == '\t'))
    Text = Closed.rtrim();
  return N;
}

/// A list item's marker: bullet `-`, `*`, `+` or ordered `1.`/`1)`, then a
/// space. Sets Ordered and the column where the item's content starts.
bool listItem(llvm::StringRef L, bool &Ordered, size_t &Content) {
  size_t I = indentOf(L);
  if (I > 3 || I >= L.size())
    return false;
  size_t M = I;
  if (L[M] == '-' || L[M] == '*' || L[M] == '+') {
    Ordered = false;
    ++M;
  } else {
    while (M < L.size() && M - I < 9 && llvm::isDigit(L[M]))
      ++M;
    if (M == I || M >= L.size() || (L[M] != '.' && L[M] != ')'))
      return false;
    Ordered = true;
    ++M;
  }
  if (M < L.size() && L[M] != ' ')
    return false;
  // A thematic break (`- - -`, `***`) is not an item.
  if (!Ordered && L.trim().find_first_not_of(" -*_") == llvm::StringRef::npos &&
      L.trim().size() >= 3)
    return false;
  Content = std::min(M + 1, L.size());
  return true;
}

/// The cells of a table row: split at `|` outside code spans and escapes.
std::vector<llvm::StringRef> cells(llvm::StringRef Row) {
  Row = Row.trim();
  if (Row.starts_with("|"))
    Row = Row.drop_front();
  if (Row.ends_with("|") && !Row.ends_with("\\|"))
    Row = Row.drop_back();
  std::vector<llvm::StringRef> Out;
  size_t Start = 0;
  for (size_t I = 0; I < Row.size(); ++I) {
    if (Row[I] == '\\') {
      ++I;
    } else if (Row[I] == '`') {
      size_t Run = Row.find_first_not_of('`', I) - I;
      size_t Close = Row.find(std::string(Run, '`'), I + Run);
      if (Close != llvm::StringRef::npos)
        I = Close + Run - 1;
    } else if (Row[I] == '|') {
      Out.push_back(Row.slice(Start, I).trim());
      Start = I + 1;
    }
  }
  Out.push_back(Row.substr(Start).trim());
  return Out;
}

/// A table's delimiter row (`|---|:--:|`): the alignment of each column.
bool delimiterRow(llvm::StringRef L, std::vector<std::string> &Align) {
  if (!L.contains('-') || !L.contains('|'))
    return false;
  Align.clear();
  for (llvm::StringRef C : cells(L)) {
    if (C.empty() || C.trim(":-").size() || !C.contains('-'))
      return false;
    bool Left = C.starts_with(":"), Right = C.ends_with(":");
    Align.push_back(Left && Right ? "center"
                    : Right       ? "right"
                    : Left        ? "left"
                                  : "");
  }
  return true;
}

bool startsBlock(llvm::StringRef L) {
  llvm::StringRef Text;
  bool Ordered;
  size_t Content;
  return isFence(L) || heading(L, Text) ||
         (listItem(L, Ordered, Content) && !isBlank(L.substr(Content)));
}

/// A URL a link may point to: the web, or a place in this page.
bool safeUrl(llvm::StringRef U) {
  return U.starts_with_insensitive("https://") ||
         U.starts_with_insensitive("http://") || U.starts_with("#");
}

void renderBlocks(std::string &Out, const Lines &L, unsigned Level);

/// The code span that starts with the backticks at T[I], or those backticks
/// as text if no run of as many closes it; returns where the rest starts.
size_t codeSpan(std::string &Out, llvm::StringRef T, size_t I) {
  size_t Run = std::min(T.find_first_not_of('`', I), T.size()) - I;
  // The closing run has the same length, exactly.
  size_t Close = I + Run;
  while ((Close = T.find(std::string(Run, '`'), Close)) !=
             llvm::StringRef::npos &&
         Close + Run < T.size() && T[Close + Run] == '`')
    Close = T.find_first_not_of('`', Close);
  if (Close == llvm::StringRef::npos) {
    Out += escapeHtml(T.substr(I, Run));
    return I + Run;
  }
  std::string Code = T.slice(I + Run, Close).str();
  std::replace(Code.begin(), Code.end(), '\n', ' ');
  if (Code.size() >= 2 && Code.front() == ' ' && Code.back() == ' ' &&
      Code.find_first_not_of(' ') != std::string::npos)
    Code = Code.substr(1, Code.size() - 2);
  Out += "<code>" + escapeHtml(Code) + "</code>";
  return Close + Run;
}

void renderInline(std::string &Out, llvm::StringRef T) {
  size_t I = 0;
  auto Emit = [&](llvm::StringRef S) { Out += escapeHtml(S); };
  while (I < T.size()) {
    char C = T[I];
    if (C == '\\' && I + 1 < T.size() &&
        std::ispunct(static_cast<unsigned char>(T[I + 1]))) {
      Emit(T.substr(I + 1, 1));
      I += 2;
      continue;
    }
    if (C == '`') {
      I = codeSpan(Out, T, I);
      continue;
    }
    if (C == '*' || C == '_') {
      size_t Run = std::min(T.find_first_not_of(C, I), T.size()) - I;
      size_t K = std::min<size_t>(Run, 2);
      std::string Delim(K, C);
      bool CanOpen = I + K < T.size() && !llvm::isSpace(T[I + K]) &&
                     (C == '*' || I == 0 || !llvm::isAlnum(T[I - 1]));
      size_t Close = llvm::StringRef::npos;
      for (size_t J = I + K; CanOpen && J + K <= T.size(); ++J) {
        if (T[J] == '`') { // not inside a code span
          size_t R = std::min(T.find_first_not_of('`', J), T.size()) - J;
          size_t E = T.find(std::string(R, '`'), J + R);
          if (E != llvm::StringRef::npos)
            J = E + R - 1;
          continue;
        }
        if (J > I + K && T.substr(J, K) == Delim && !llvm::isSpace(T[J - 1]) &&
            (C == '*' || J + K == T.size() || !llvm::isAlnum(T[J + K]))) {
          Close = J;
          break;
        }
      }
      if (Close == llvm::StringRef::npos) {
        Emit(T.substr(I, Run));
        I += Run;
        continue;
      }
      const char *Tag = K == 2 ? "strong" : "em";
      Out += std::string("<") + Tag + ">";
      renderInline(Out, T.slice(I + K, Close));
      Out += std::string("</") + Tag + ">";
      I = Close + K;
      continue;
    }
    if (C == '[') {
      size_t Mid = T.find("](", I);
      size_t End = Mid == llvm::StringRef::npos ? Mid : T.find(')', Mid);
      if (End != llvm::StringRef::npos && !T.slice(I + 1, Mid).contains('[')) {
        llvm::StringRef Url = T.slice(Mid + 2, End).trim();
        if (safeUrl(Url)) {
          Out += "<a href=\"" + escapeHtml(Url, HtmlContext::Attribute) + "\">";
          renderInline(Out, T.slice(I + 1, Mid));
          Out += "</a>";
        } else {
          renderInline(Out, T.slice(I + 1, Mid));
          Out += " (" + escapeHtml(Url) + ")";
        }
        I = End + 1;
        continue;
      }
    }
    size_t Next = T.find_first_of("\\`*_[", I + 1);
    Next = Next == llvm::StringRef::npos ? T.size() : Next;
    Emit(T.slice(I, Next));
    I = Next;
  }
}

/// A list starting at L[I]; I ends after it.
void renderList(std::string &Out, const Lines &L, size_t &I, unsigned Level) {
  bool Ordered;
  size_t Content;
  listItem(L[I], Ordered, Content);
  char Marker = L[I][indentOf(L[I])];
  Out += Ordered ? "<ol>" : "<ul>";
  while (I < L.size()) {
    bool O;
    size_t C;
    if (!listItem(L[I], O, C) || O != Ordered ||
        (!Ordered && L[I][indentOf(L[I])] != Marker))
      break;
    // The item: its first line's content, then lines indented to it (or
    // lazy paragraph continuations), blank lines inside included.
    Lines Item{L[I].substr(C)};
    size_t J = I + 1;
    bool Blank = false;
    while (J < L.size()) {
      llvm::StringRef Line = L[J];
      if (isBlank(Line)) {
        Blank = true;
        Item.push_back("");
        ++J;
        continue;
      }
      if (indentOf(Line) >= C) {
        Item.push_back(Line.substr(C));
      } else if (!Blank && !startsBlock(Line)) {
        Item.push_back(Line.ltrim());
      } else {
        break;
      }
      Blank = false;
      ++J;
    }
    while (!Item.empty() && isBlank(Item.back()))
      Item.pop_back();
    std::string Inner;
    renderBlocks(Inner, Item, Level);
    // A tight item's single paragraph is written without <p>.
    llvm::StringRef In(Inner);
    if (In.starts_with("<p>") && In.ends_with("</p>\n") &&
        In.drop_front(3).find("<p>") == llvm::StringRef::npos)
      Inner = In.drop_front(3).drop_back(5).str();
    Out += "<li>" + Inner + "</li>";
    I = J;
  }
  Out += Ordered ? "</ol>\n" : "</ul>\n";
}

void renderTable(std::string &Out, const Lines &L, size_t &I,
                 const std::vector<std::string> &Align) {
  auto Row = [&](llvm::StringRef Line, const char *Tag) {
    std::vector<llvm::StringRef> C = cells(Line);
    Out += "<tr>";
    for (size_t K = 0; K < Align.size(); ++K) {
      Out += std::string("<") + Tag;
      if (!Align[K].empty())
        Out += " class=\"align-" + Align[K] + "\"";
      Out += ">";
      if (K < C.size())
        renderInline(Out, C[K]);
      Out += std::string("</") + Tag + ">";
    }
    Out += "</tr>";
  };
  Out += "<table><thead>";
  Row(L[I], "th");
  Out += "</thead><tbody>";
  I += 2;
  while (I < L.size() && !isBlank(L[I]) && L[I].contains('|'))
    Row(L[I++], "td");
  Out += "</tbody></table>\n";
}

void renderBlocks(std::string &Out, const Lines &L, unsigned Level) {
  size_t I = 0;
  while (I < L.size()) {
    llvm::StringRef Line = L[I];
    llvm::StringRef Text;
    bool Ordered;
    size_t Content;
    char FenceChar;
    size_t FenceLen;
    std::vector<std::string> Align;
    if (isBlank(Line)) {
      ++I;
    } else if (isFence(Line, &FenceChar, &FenceLen)) {
      size_t Indent = indentOf(Line);
      llvm::StringRef Info = Line.drop_front(Indent + FenceLen).trim();
      std::string Lang = Info.take_until([](char C) { return C == ' '; }).str();
      std::string Code;
      for (++I; I < L.size(); ++I) {
        char CC;
        size_t CL;
        if (isFence(L[I], &CC, &CL) && CC == FenceChar && CL >= FenceLen &&
            L[I].trim().find_first_not_of(CC) == llvm::StringRef::npos) {
          ++I;
          break;
        }
        llvm::StringRef CodeLine = L[I];
        CodeLine = CodeLine.drop_front(std::min(Indent, indentOf(CodeLine)));
        Code += CodeLine.str() + "\n";
      }
      Out += "<pre><code";
      if (!Lang.empty())
        Out += " class=\"language-" + escapeHtml(Lang, HtmlContext::Attribute) +
               "\"";
      Out += ">" + escapeHtml(Code) + "</code></pre>\n";
    } else if (unsigned H = heading(Line, Text)) {
      unsigned N = std::min(6u, H + Level - 1);
      Out += "<h" + std::to_string(N) + ">";
      renderInline(Out, Text);
      Out += "</h" + std::to_string(N) + ">\n";
      ++I;
    } else if (I + 1 < L.size() && Line.contains('|') &&
               delimiterRow(L[I + 1], Align)) {
      renderTable(Out, L, I, Align);
    } else if (listItem(Line, Ordered, Content)) {
      renderList(Out, L, I, Level);
    } else {
      std::string Para;
      while (I < L.size() && !isBlank(L[I]) &&
             (Para.empty() || !startsBlock(L[I]))) {
        if (!Para.empty())
          Para += "\n";
        Para += L[I].trim().str();
        ++I;
      }
      Out += "<p>";
      renderInline(Out, Para);
      Out += "</p>\n";
    }
  }
}

} // namespace

std::string markdownInline(llvm::StringRef Text) {
  std::string Out;
  renderInline(Out, Text);
  return Out;
}

std::string markdownCodeSpans(llvm::StringRef Text) {
  std::string Out;
  for (size_t I = 0; I < Text.size();) {
    size_t Tick = std::min(Text.find('`', I), Text.size());
    Out += escapeHtml(Text.slice(I, Tick));
    I = Tick < Text.size() ? codeSpan(Out, Text, Tick) : Tick;
  }
  return Out;
}

std::string markdownToHtml(llvm::StringRef Markdown, unsigned HeadingLevel) {
  Lines L;
  llvm::SmallVector<llvm::StringRef, 64> Split;
  Markdown.split(Split, '\n');
  for (llvm::StringRef S : Split)
    L.push_back(S.rtrim("\r"));
  std::string Out;
  renderBlocks(Out, L, std::max(1u, HeadingLevel));
  return Out;
}

} // namespace verguard::report
