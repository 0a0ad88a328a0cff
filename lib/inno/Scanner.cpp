//===- Scanner.cpp - Inno Setup scripts (.iss) as sections ----------------===//
#include "inno/Scanner.h"

#include "llvm/ADT/StringExtras.h"

namespace verguard::inno {

bool isDirectiveSection(llvm::StringRef S) {
  return S == "setup" || S == "langoptions" || S == "messages" ||
         S == "custommessages";
}

namespace {

bool isNameChar(char C) { return llvm::isAlnum(C) || C == '_'; }

/// The offset of the first non-blank character at or after I, before E.
uint32_t skipBlanks(llvm::StringRef T, uint32_t I, uint32_t E) {
  while (I < E && (T[I] == ' ' || T[I] == '\t'))
    ++I;
  return I;
}
/// E moved back over blanks (and a CR) down to B.
uint32_t trimEnd(llvm::StringRef T, uint32_t B, uint32_t E) {
  while (E > B && (T[E - 1] == ' ' || T[E - 1] == '\t' || T[E - 1] == '\r'))
    --E;
  return E;
}

/// A value from B (blanks skipped) up to End or, in an entry, up to the
/// first `;` outside quotes. Sets P's value and returns where it stopped.
uint32_t readValue(llvm::StringRef T, uint32_t B, uint32_t End, bool InEntry,
                   Param &P) {
  B = skipBlanks(T, B, End);
  if (B < End && T[B] == '"') {
    // "..." with "" for a quote; what follows up to `;` is ignored.
    uint32_t I = B + 1;
    std::string V;
    bool Raw = true;
    while (I < End) {
      if (T[I] == '"') {
        if (I + 1 < End && T[I + 1] == '"') {
          V += '"';
          Raw = false;
          I += 2;
          continue;
        }
        break;
      }
      V += T[I++];
    }
    P.Value = std::move(V);
    P.VB = B + 1;
    P.VE = I;
    P.Raw = Raw;
    if (I < End)
      ++I;
    while (I < End && (!InEntry || T[I] != ';'))
      ++I;
    return I;
  }
  uint32_t I = B;
  if (InEntry)
    while (I < End && T[I] != ';')
      ++I;
  else
    I = End;
  uint32_t E = trimEnd(T, B, I);
  P.Value = T.slice(B, E).str();
  P.VB = B;
  P.VE = E;
  return I;
}

void entryParams(llvm::StringRef T, uint32_t B, uint32_t E, Entry &En,
                 std::vector<Problem> &Problems) {
  uint32_t I = B;
  while (I < E) {
    I = skipBlanks(T, I, E);
    if (I >= E)
      break;
    if (T[I] == ';') {
      ++I;
      continue;
    }
    uint32_t NB = I;
    while (I < E && isNameChar(T[I]))
      ++I;
    uint32_t NE = I;
    I = skipBlanks(T, I, E);
    if (NB == NE || I >= E || T[I] != ':') {
      Problems.push_back({NB, "expected 'Name: value' in an entry of [" +
                                  En.Section +
                                  "]; the rest of the line is "
                                  "skipped"});
      return;
    }
    Param P;
    P.Name = T.slice(NB, NE).str();
    P.NameB = NB;
    I = readValue(T, I + 1, E, /*InEntry=*/true, P);
    En.Params.push_back(std::move(P));
  }
}

} // namespace

IssScript scanIss(llvm::StringRef T) {
  IssScript S;
  std::string Section;
  bool InCode = false;
  uint32_t CodeB = 0;
  uint32_t N = T.size();
  for (uint32_t LB = 0; LB < N;) {
    size_t NL = T.find('\n', LB);
    uint32_t LE = NL == llvm::StringRef::npos ? N : NL;
    uint32_t Next = NL == llvm::StringRef::npos ? N : LE + 1;
    uint32_t B = skipBlanks(T, LB, LE), E = trimEnd(T, B, LE);
    llvm::StringRef L = T.slice(B, E);
    // A section header: `[Name]` alone on its line.
    if (L.size() > 2 && L.front() == '[' && L.back() == ']' &&
        llvm::all_of(L.drop_front().drop_back(), isNameChar)) {
      if (InCode)
        S.Code.push_back({CodeB, LB});
      Section = L.drop_front().drop_back().lower();
      InCode = Section == "code";
      CodeB = Next;
      LB = Next;
      continue;
    }
    if (InCode) {
      LB = Next;
      continue;
    }
    if (L.empty() || L.front() == ';' || L.starts_with("//")) {
      LB = Next;
      continue;
    }
    if (L.front() == '#') {
      // ISPP joins a line ending with `\` to the next.
      for (uint32_t C = LB;
           T.slice(C, Next).rtrim().ends_with("\\") && Next < N;) {
        C = Next;
        size_t NL2 = T.find('\n', Next);
        Next = NL2 == llvm::StringRef::npos ? N : NL2 + 1;
      }
      // ISPP: `#define NAME value` (also `# define`); others skipped.
      uint32_t I = skipBlanks(T, B + 1, E);
      llvm::StringRef Rest = T.slice(I, E);
      if (Rest.starts_with_insensitive("define") && Rest.size() > 6 &&
          (Rest[6] == ' ' || Rest[6] == '\t')) {
        I = skipBlanks(T, I + 6, E);
        uint32_t NB = I;
        while (I < E && isNameChar(T[I]))
          ++I;
        if (I > NB) {
          Param P;
          P.Name = T.slice(NB, I).str();
          P.NameB = NB;
          uint32_t VB = skipBlanks(T, I, E);
          if (VB < E && T[VB] == '=') // `#define NAME = value`
            ++VB;
          readValue(T, VB, E, /*InEntry=*/false, P);
          S.Defines[llvm::StringRef(P.Name).lower()] = std::move(P);
        }
      }
      LB = Next;
      continue;
    }
    if (Section.empty()) {
      S.Problems.push_back({B, "text outside any [Section] is skipped"});
      LB = Next;
      continue;
    }
    Entry En;
    En.Section = Section;
    En.B = B;
    En.E = E;
    if (isDirectiveSection(Section)) {
      En.Directive = true;
      uint32_t I = B;
      while (I < E && isNameChar(T[I]))
        ++I;
      uint32_t NE = I;
      I = skipBlanks(T, I, E);
      if (NE == B || I >= E || T[I] != '=') {
        S.Problems.push_back(
            {B, "expected 'Name=Value' in [" + Section + "]; line skipped"});
        LB = Next;
        continue;
      }
      Param P;
      P.Name = T.slice(B, NE).str();
      P.NameB = B;
      readValue(T, I + 1, E, /*InEntry=*/false, P);
      En.Params.push_back(std::move(P));
    } else {
      // ISPP joins a line ending with `\` to the next: the parameters go on.
      while (E > B && T[E - 1] == '\\' && Next < N) {
        entryParams(T, B, E - 1, En, S.Problems);
        size_t NL2 = T.find('\n', Next);
        uint32_t LE2 = NL2 == llvm::StringRef::npos ? N : NL2;
        B = skipBlanks(T, Next, LE2);
        E = trimEnd(T, B, LE2);
        Next = NL2 == llvm::StringRef::npos ? N : LE2 + 1;
      }
      entryParams(T, B, E, En, S.Problems);
      En.E = E;
    }
    S.Entries.push_back(std::move(En));
    LB = Next;
  }
  if (InCode)
    S.Code.push_back({CodeB, N});
  return S;
}

} // namespace verguard::inno
