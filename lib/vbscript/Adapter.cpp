//===- Adapter.cpp --------------------------------------------------------===//
#include "vbscript/Adapter.h"

#include "llvm/ADT/StringExtras.h"

#include <algorithm>

namespace verguard::vbscript {

void SourceMap::add(uint32_t AdaptedBegin, uint32_t SourceBegin, uint32_t Len) {
  if (Len == 0)
    return;
  if (!Segs.empty()) {
    Segment &L = Segs.back();
    if (L.AdaptedBegin + L.Len == AdaptedBegin &&
        L.SourceBegin + L.Len == SourceBegin) {
      L.Len += Len;
      SourceEnd = SourceBegin + Len;
      return;
    }
  }
  Segs.push_back({AdaptedBegin, SourceBegin, Len});
  SourceEnd = SourceBegin + Len;
}

uint32_t SourceMap::toSource(uint32_t Offset) const {
  auto It = std::upper_bound(
      Segs.begin(), Segs.end(), Offset,
      [](uint32_t O, const Segment &S) { return O < S.AdaptedBegin; });
  if (It != Segs.begin()) {
    const Segment &S = *std::prev(It);
    if (Offset < S.AdaptedBegin + S.Len)
      return S.SourceBegin + (Offset - S.AdaptedBegin);
  }
  // Synthetic text: the next copied byte, or the end of the last one.
  if (It != Segs.end())
    return It->SourceBegin;
  return SourceEnd;
}

uint32_t SourceMap::toSourceEnd(uint32_t Offset) const {
  if (Offset == 0)
    return toSource(0);
  auto It = std::upper_bound(
      Segs.begin(), Segs.end(), Offset - 1,
      [](uint32_t O, const Segment &S) { return O < S.AdaptedBegin; });
  if (It != Segs.begin()) {
    const Segment &S = *std::prev(It);
    if (Offset - 1 < S.AdaptedBegin + S.Len)
      return S.SourceBegin + (Offset - S.AdaptedBegin);
    return S.SourceBegin + S.Len; // after a segment: its end
  }
  return toSource(Offset);
}

bool SourceMap::contiguous(uint32_t Begin, uint32_t End) const {
  if (End <= Begin)
    return true;
  auto It = std::upper_bound(
      Segs.begin(), Segs.end(), Begin,
      [](uint32_t O, const Segment &S) { return O < S.AdaptedBegin; });
  if (It == Segs.begin())
    return false;
  const Segment &S = *std::prev(It);
  return Begin >= S.AdaptedBegin && End <= S.AdaptedBegin + S.Len;
}

namespace {

/// One physical line of a chunk: [Begin, End) without its line ending,
/// [End, Next) the line ending.
struct Line {
  uint32_t Begin, End, Next;
};

/// End of the code part of a line (a `'` or `Rem` comment excluded), and
/// whether it ends with a `_` continuation.
struct LineScan {
  bool Continues = false;
  bool HasColon = false;
};

bool isIdentChar(char C) { return llvm::isAlnum(C) || C == '_'; }

LineScan scanLine(llvm::StringRef L) {
  LineScan R;
  bool InStr = false;
  size_t CodeEnd = L.size();
  bool AtStatementStart = true;
  for (size_t I = 0; I < L.size(); ++I) {
    char C = L[I];
    if (InStr) {
      if (C == '"')
        InStr = false;
      continue;
    }
    if (C == '"') {
      InStr = true;
      AtStatementStart = false;
      continue;
    }
    if (C == '\'') {
      CodeEnd = I;
      break;
    }
    if (AtStatementStart && (C == 'r' || C == 'R') &&
        L.substr(I, 3).equals_insensitive("rem") &&
        (I + 3 == L.size() || !isIdentChar(L[I + 3]))) {
      CodeEnd = I;
      break;
    }
    if (C == ':') {
      R.HasColon = true;
      AtStatementStart = true;
      continue;
    }
    if (C != ' ' && C != '\t')
      AtStatementStart = false;
  }
  llvm::StringRef Code = L.take_front(CodeEnd).rtrim(" \t");
  if (Code.ends_with("_") &&
      (Code.size() == 1 || Code[Code.size() - 2] == ' ' ||
       Code[Code.size() - 2] == '\t'))
    R.Continues = true;
  return R;
}

/// The first few words of a logical line, lowercased.
std::vector<std::string> leadingWords(llvm::StringRef L, size_t N) {
  std::vector<std::string> W;
  size_t I = 0;
  while (W.size() < N) {
    while (I < L.size() && (L[I] == ' ' || L[I] == '\t'))
      ++I;
    size_t B = I;
    while (I < L.size() && isIdentChar(L[I]))
      ++I;
    if (B == I)
      break;
    W.push_back(L.slice(B, I).lower());
  }
  return W;
}

class Builder {
public:
  Builder(llvm::StringRef Src, Adapted &Out) : Src(Src), Out(Out) {}

  void copy(uint32_t B, uint32_t E) {
    Out.Map.add(Out.Text.size(), B, E - B);
    Out.Text.append(Src.data() + B, E - B);
  }
  /// Copies [B, E) with the bytes [BlankB, BlankE) replaced by spaces.
  void copyBlanked(uint32_t B, uint32_t E, uint32_t BlankB, uint32_t BlankE) {
    uint32_t At = Out.Text.size();
    Out.Map.add(At, B, E - B);
    for (uint32_t I = B; I < E; ++I) {
      char C = Src[I];
      if (I >= BlankB && I < BlankE && C != '\n' && C != '\r')
        C = ' ';
      Out.Text += C;
    }
  }
  void synthetic(llvm::StringRef T) { Out.Text += T.str(); }

private:
  llvm::StringRef Src;
  Adapted &Out;
};

/// Offset of the first word of L (relative), and of the N-th word's end.
std::pair<size_t, size_t> wordRange(llvm::StringRef L, size_t Index) {
  size_t I = 0;
  for (size_t K = 0;; ++K) {
    while (I < L.size() && (L[I] == ' ' || L[I] == '\t'))
      ++I;
    size_t B = I;
    while (I < L.size() && isIdentChar(L[I]))
      ++I;
    if (K == Index || B == I)
      return {B, I};
  }
}

} // namespace

Adapted adaptVBScript(llvm::StringRef Source,
                      const std::vector<Chunk> &Chunks) {
  Adapted Out;
  Builder B(Source, Out);
  unsigned MainCount = 0;
  bool InRun = false, InProc = false, InClass = false;
  ClassRange Cls;
  auto CloseRun = [&] {
    if (InRun) {
      if (!Out.Text.empty() && Out.Text.back() != '\n')
        B.synthetic("\n");
      B.synthetic("End Sub\n");
      InRun = false;
    }
  };
  for (const Chunk &C : Chunks) {
    // Physical lines of the chunk.
    std::vector<Line> Lines;
    uint32_t I = C.Begin;
    while (I < C.End) {
      uint32_t E = I;
      while (E < C.End && Source[E] != '\n' && Source[E] != '\r')
        ++E;
      uint32_t N = E;
      if (N < C.End && Source[N] == '\r')
        ++N;
      if (N < C.End && Source[N] == '\n')
        ++N;
      Lines.push_back({I, E, N});
      I = N;
    }
    for (size_t L = 0; L < Lines.size();) {
      // A logical line: physical lines joined by `_` continuations.
      size_t Last = L;
      bool HasColon = false;
      while (true) {
        LineScan S = scanLine(Source.slice(Lines[Last].Begin, Lines[Last].End));
        HasColon |= S.HasColon;
        if (!S.Continues || Last + 1 >= Lines.size())
          break;
        ++Last;
      }
      uint32_t LB = Lines[L].Begin, LE = Lines[Last].End, LN = Lines[Last].Next;
      llvm::StringRef Text = Source.slice(LB, LE);
      llvm::StringRef Trim = Text.ltrim(" \t");
      auto W = leadingWords(Text, 4);
      auto Is = [&](size_t K, llvm::StringRef V) {
        return W.size() > K && W[K] == V;
      };
      size_t Vis = (Is(0, "public") || Is(0, "private")) ? 1 : 0;
      size_t Def = Vis && Is(1, "default") ? 1 : 0;
      size_t K = Vis + Def;
      bool ProcStart =
          !InProc && (Is(K, "sub") || Is(K, "function") || Is(K, "property"));
      bool ProcEnd = InProc && Is(0, "end") &&
                     (Is(1, "sub") || Is(1, "function") || Is(1, "property"));
      bool Blank = W.empty() && (Trim.empty() || Trim.starts_with("'"));
      if (Trim.starts_with("<!--") || Trim.starts_with("-->")) {
        // An HTML comment guarding a script from old browsers.
        B.copyBlanked(LB, LN, LB, LE);
      } else if (InProc) {
        B.copy(LB, LN);
        if (ProcEnd)
          InProc = false;
      } else if (Blank) {
        B.copy(LB, LN);
      } else if (!InClass && Is(0, "class") && W.size() >= 2) {
        CloseRun();
        InClass = true;
        Cls = ClassRange{};
        auto [NB, NE] = wordRange(Text, 1);
        Cls.Name = Text.slice(NB, NE).str();
        Cls.Begin = Out.Text.size();
        B.copyBlanked(LB, LN, LB, LE);
      } else if (InClass && Is(0, "end") && Is(1, "class")) {
        Cls.End = Out.Text.size();
        B.copyBlanked(LB, LN, LB, LE);
        Out.Classes.push_back(Cls);
        InClass = false;
      } else if (ProcStart) {
        CloseRun();
        InProc = true;
        if (Def) {
          auto [DB, DE] = wordRange(Text, 1);
          B.copyBlanked(LB, LN, LB + DB, LB + DE);
        } else {
          B.copy(LB, LN);
        }
        // A one-line procedure (`Sub X: ... : End Sub`).
        std::string Lower = Text.lower();
        if (HasColon && (llvm::StringRef(Lower).contains("end sub") ||
                         llvm::StringRef(Lower).contains("end function") ||
                         llvm::StringRef(Lower).contains("end property")))
          InProc = false;
      } else if (InClass || Is(0, "option") ||
                 (!InRun && (Is(0, "dim") || Is(0, "const") || Vis) &&
                  !HasColon)) {
        // Module-level declarations stay at module level.
        CloseRun();
        B.copy(LB, LN);
      } else {
        if (!InRun) {
          B.synthetic("Sub " + SyntheticMain.str() +
                      std::to_string(++MainCount) + "()\n");
          InRun = true;
        }
        if (Vis) {
          // `Public x: x = 1` inside a procedure: `Dim   x: x = 1`.
          auto [VB, VE] = wordRange(Text, 0);
          bool ConstNext = Is(1, "const");
          if (ConstNext) {
            B.copyBlanked(LB, LN, LB + VB, LB + VE);
          } else {
            uint32_t At = Out.Text.size();
            B.copyBlanked(LB, LN, LB + VB, LB + VE);
            Out.Text.replace(At + VB, 3, "Dim");
          }
        } else {
          B.copy(LB, LN);
        }
      }
      L = Last + 1;
    }
    if (!Out.Text.empty() && Out.Text.back() != '\n')
      B.synthetic("\n");
    CloseRun();
    if (InClass) { // unterminated class
      Cls.End = Out.Text.size();
      Out.Classes.push_back(Cls);
      InClass = false;
    }
    InProc = false;
  }
  return Out;
}

Adapted adaptModule(llvm::StringRef Source) {
  Adapted Out;
  Out.Text = Source.str();
  Out.Map.add(0, 0, Source.size());
  if (!Out.Text.empty() && Out.Text.back() != '\n')
    Out.Text += "\n";
  // A class module (`VERSION 1.0 CLASS` ... `Attribute VB_Name = "X"`):
  // the whole module is class X, as `Class X ... End Class` in VBScript.
  llvm::StringRef Head = Source.take_front(4096);
  Head.consume_front("\xEF\xBB\xBF");
  llvm::StringRef First =
      Head.ltrim().take_until([](char C) { return C == '\r' || C == '\n'; });
  size_t At = Head.find_insensitive("attribute vb_name");
  if (First.starts_with_insensitive("version") &&
      First.rtrim().ends_with_insensitive("class") &&
      At != llvm::StringRef::npos) {
    llvm::StringRef Name =
        Head.drop_front(At).split('"').second.split('"').first;
    if (!Name.empty() && Name.size() < 256)
      Out.Classes.push_back({Name.str(), 0, uint32_t(Out.Text.size())});
  }
  return Out;
}

} // namespace verguard::vbscript
