//===- Prefilter.cpp ------------------------------------------------------===//
#include "driver/Prefilter.h"
#include "driver/ReadFile.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <optional>
#include <set>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace verguard::driver {

namespace {
// Literals after the revision words and source names, in this order.
enum Special : unsigned { SuppressionLit, IncludeLit, VBScriptLit, NumSpecial };

// Sighting bits a header passes on to the files including it.
enum Bits : unsigned {
  TriggerBit = 1,
  RevisionNumberBit = 2,
  RevisionWordBit = 4
};

unsigned bitsOf(const Sighting &S) {
  return (S.Trigger ? TriggerBit : 0) |
         (S.RevisionNumber ? RevisionNumberBit : 0) |
         (S.RevisionWord ? RevisionWordBit : 0);
}

bool eligible(unsigned Bits) {
  return (Bits & TriggerBit) ||
         (Bits & (RevisionNumberBit | RevisionWordBit)) ==
             (RevisionNumberBit | RevisionWordBit);
}

std::vector<std::string> searched(const BumpLiterals &B) {
  std::vector<std::string> T = B.RevisionWords;
  T.insert(T.end(), B.SourceNames.begin(), B.SourceNames.end());
  T.push_back("verguard: ignore");
  T.push_back("#include");
  T.push_back("vbscript");
  return T;
}

bool isDigit(char C) { return C >= '0' && C <= '9'; }

/// Whether Text[At, At + Len) is a name or a part of one that starts and
/// ends at a word boundary: `UBR`, `.Revision`, `dwFileVersionLS`,
/// `GetFileVersionInfoW`, `MY_UBR`; not `EC_NOTASUBREGION`, `prevision`.
bool nameAt(llvm::StringRef Text, size_t At, size_t Len) {
  auto Boundary = [&](size_t Before, size_t After) {
    if (Before >= Text.size() || After >= Text.size())
      return true;
    char B = Text[Before], A = Text[After];
    return !isWordChar(B) || !isWordChar(A) || B == '_' || A == '_' ||
           isDigit(B) != isDigit(A) || (llvm::isLower(B) && llvm::isUpper(A));
  };
  size_t End = At + Len;
  return (At == 0 || Boundary(At - 1, At)) &&
         (End >= Text.size() || Boundary(End - 1, End) ||
          // a name ending in lower case before a capital: `VersionInfoW`
          llvm::isUpper(Text[End]));
}

constexpr size_t NoPos = llvm::StringRef::npos;

/// P past blanks and line ends (and backslash-newlines).
size_t skipBlanks(llvm::StringRef T, size_t P) {
  while (P < T.size() && (llvm::isSpace(T[P]) || T[P] == '\\'))
    ++P;
  return P;
}

/// Past the character C after blanks from P, or NoPos.
size_t punct(llvm::StringRef T, size_t P, char C) {
  if (P == NoPos || (P = skipBlanks(T, P)) >= T.size() || T[P] != C)
    return NoPos;
  return P + 1;
}

/// Past a C hex literal of 1 to MaxDigits digits (and its suffixes) after
/// blanks from P, or NoPos.
size_t hexAt(llvm::StringRef T, size_t P, unsigned MaxDigits) {
  if (P == NoPos || (P = skipBlanks(T, P)) + 2 > T.size() || T[P] != '0' ||
      (T[P + 1] | 0x20) != 'x')
    return NoPos;
  size_t B = P + 2, E = B;
  while (E < T.size() && llvm::isHexDigit(T[E]))
    ++E;
  if (E == B || E - B > MaxDigits)
    return NoPos;
  while (E < T.size() && llvm::StringRef("uUlL").contains(T[E]))
    ++E;
  return E < T.size() && isWordChar(T[E]) ? NoPos : E;
}

/// Past a GUID's eleven numbers from P (0x88753b26, 0x5b24, 0x49bd, then
/// eight bytes, in braces when Braced), or NoPos.
size_t guidNumbers(llvm::StringRef T, size_t P, bool Braced) {
  P = hexAt(T, P, 8);
  for (int I = 0; I < 2; ++I)
    P = hexAt(T, punct(T, P, ','), 4);
  P = punct(T, P, ',');
  if (Braced)
    P = punct(T, P, '{');
  for (int I = 0; I < 8; ++I)
    P = hexAt(T, I ? punct(T, P, ',') : P, 2);
  return Braced ? punct(T, P, '}') : P;
}

/// Whether the C number at At is a part of a GUID: in a GUID initializer
/// `{0x88753b26, 0x5b24, 0x49bd, {0xb2, ...}}`, or among the numbers of
/// DEFINE_GUID and its kin (MIDL_DEFINE_GUID, DEFINE_PROPERTYKEY,
/// DEFINE_DEVPROPKEY, OUR_GUID_ENTRY, DEFINE_KNOWN_FOLDER). A GUID's parts
/// are never compared with a version: in Windows code they are where most
/// five-digit hex numbers are.
bool inGuid(llvm::StringRef T, size_t At) {
  for (size_t Q = At, From = At > 200 ? At - 200 : 0; Q-- > From;) {
    char C = T[Q];
    if (C == ';' || C == '}')
      return false; // an earlier statement or element
    if (C == '{') {
      size_t E = punct(T, guidNumbers(T, Q + 1, true), '}');
      if (E != NoPos)
        return At < E;
    } else if (C == '(') {
      size_t NE = Q;
      while (NE > 0 && (T[NE - 1] == ' ' || T[NE - 1] == '\t'))
        --NE;
      size_t NB = NE;
      while (NB > 0 && isWordChar(T[NB - 1]))
        --NB;
      llvm::StringRef Name = T.slice(NB, NE);
      if (!(Name.contains("GUID") || Name.contains("PROPKEY") ||
            Name.contains("PROPERTYKEY") || Name.contains("KNOWN_FOLDER")))
        return false;
      // One or two names (MIDL_DEFINE_GUID(IID, IID_IFoo, ...)), then the
      // numbers.
      size_t P = Q + 1;
      for (int Names = 0; Names < 2; ++Names) {
        size_t B = skipBlanks(T, P), E = B;
        while (E < T.size() && isWordChar(T[E]))
          ++E;
        size_t After = E > B && !isDigit(T[B]) ? punct(T, E, ',') : NoPos;
        if (After == NoPos)
          break;
        P = After;
        size_t End = guidNumbers(T, P, false);
        if (End != NoPos)
          return At >= P && At < End;
      }
      return false;
    }
  }
  return false;
}

/// The first decimal digit at or after P, or Text.size().
size_t nextDigit(llvm::StringRef Text, size_t P) {
  const char *D = Text.data();
  const size_t N = Text.size();
#if defined(__SSE2__)
  const __m128i Zero = _mm_set1_epi8('0'), Nine = _mm_set1_epi8(9);
  for (; P + 16 <= N; P += 16) {
    __m128i X = _mm_sub_epi8(_mm_loadu_si128((const __m128i *)(D + P)), Zero);
    // X (unsigned) <= 9: a digit.
    unsigned Mask =
        (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(X, Nine), X));
    if (Mask)
      return P + __builtin_ctz(Mask);
  }
#endif
  for (; P < N; ++P)
    if (isDigit(D[P]))
      return P;
  return N;
}
} // namespace

Prefilter::Prefilter(BumpLiterals L, std::shared_ptr<DirListings> D)
    : Bump(std::move(L)), Lits(searched(Bump)),
      NumRevisionWords(unsigned(Bump.RevisionWords.size())),
      NumNames(unsigned(Bump.RevisionWords.size() + Bump.SourceNames.size())),
      Dirs(D ? std::move(D) : std::make_shared<DirListings>()) {}

void Prefilter::numbers(llvm::StringRef Text, Dialect D, Sighting &S,
                        std::optional<RegionScanner> &Regions) const {
  const size_t N = Text.size();
  // A candidate at At: what it separates read as code and read as text;
  // true when the file is known to be eligible.
  auto Candidate = [&](size_t At, unsigned AsCode, unsigned AsText) {
    if (!Regions)
      Regions.emplace(Text, D);
    unsigned H = 0;
    switch (Regions->at(At)) {
    case Region::Code:
      if (!(D == Dialect::C && inGuid(Text, At)))
        H = AsCode;
      break;
    case Region::String:
      H = AsText;
      break;
    case Region::Comment:
      break;
    }
    if (H & BumpLiterals::Build)
      S.Trigger = true;
    if (H & BumpLiterals::Revision)
      S.RevisionNumber = true;
    return S.Trigger || (S.RevisionNumber && S.RevisionWord);
  };
  // The separating digit runs of Tok, read as text.
  auto Runs = [&](llvm::StringRef Tok, size_t End) {
    unsigned H = 0;
    for (size_t I = 0; I < Tok.size();) {
      if (!isDigit(Tok[I])) {
        ++I;
        continue;
      }
      size_t E = I;
      while (E < Tok.size() && isDigit(Tok[E]))
        ++E;
      char Next = E < Tok.size() ? Tok[E] : (End < N ? Text[End] : 0);
      size_t At = size_t(Tok.data() - Text.data()) + I;
      char Prev = At > 0 ? Text[At - 1] : 0;
      unsigned R = Bump.digits(Tok.slice(I, E), Next);
      // Digits run into letters (a GUID's or a hash's "23693b9cd91a", a
      // name's "Rev24000") are no revision threshold, which only a number
      // or a whole version field is.
      if (llvm::isAlpha(Prev) || llvm::isAlpha(Next))
        R &= ~unsigned(BumpLiterals::Revision);
      H |= R;
      I = E;
    }
    return H;
  };
  bool VBLike = D == Dialect::VB || D == Dialect::Markup;
  for (size_t P = nextDigit(Text, 0); P < N; P = nextDigit(Text, P)) {
    size_t Begin = P;
    bool InWord = false;
    size_t HexB = P; // Pascal's $1772, $06001772: back to the `$`
    while (D == Dialect::Inno && HexB > 0 && llvm::isHexDigit(Text[HexB - 1]))
      --HexB;
    if (D == Dialect::Inno && HexB > 0 && Text[HexB - 1] == '$') {
      Begin = HexB - 1;
    } else if (P > 0 && isWordChar(Text[P - 1])) {
      // VB's &H1772 and &HA7: back over the hex digits to the &H.
      size_t B = P;
      while (VBLike && B > 0 && llvm::isHexDigit(Text[B - 1]))
        --B;
      if (VBLike && B >= 2 && Text[B - 2] == '&' && (Text[B - 1] | 0x20) == 'h')
        Begin = B - 2;
      else if (VBLike && B >= 2 && Text[B - 2] == '&' &&
               (Text[B - 1] | 0x20) == 'o')
        Begin = B - 2;
      else
        InWord = true;
    } else if (P > 0 && Text[P - 1] == '.') {
      Begin = P - 1; // .5, or the rest of 1.2.6002 after a name
    }
    if (InWord) { // digits inside a name: text only
      size_t E = P;
      while (E < N && isDigit(Text[E]))
        ++E;
      if (unsigned H = Runs(Text.slice(P, E), E))
        if (Candidate(P, 0, H))
          return;
      P = E;
      continue;
    }
    size_t E = std::max(numberEnd(Text, Begin, D), P + 1);
    llvm::StringRef Tok = Text.slice(Begin, E);
    // Most numbers are a few plain digits (C's 0-led octal aside): read
    // them here, without the notations.
    if (Tok.size() <= 15 && llvm::all_of(Tok, isDigit) &&
        !(D == Dialect::C && Tok.size() > 1 && Tok[0] == '0')) {
      double V = 0;
      for (char C : Tok)
        V = V * 10 + (C - '0');
      unsigned AsCode = Bump.number(V);
      unsigned AsText = AsCode | Bump.digits(Tok, E < N ? Text[E] : 0);
      if ((AsCode | AsText) && Candidate(Begin, AsCode, AsText))
        return;
      P = E;
      continue;
    }
    unsigned AsCode = 0, AsText = Runs(Tok, E);
    if (Tok.size() <= 64) {
      if (std::optional<double> V = numberValue(Tok, D)) {
        AsCode = Bump.number(*V);
        // GetWindowsVersion's packed value holds the build in its low word.
        if (D == Dialect::Inno && Tok.starts_with("$"))
          AsCode |= Bump.number(double(uint64_t(*V) & 0xFFFF));
        // In a string, a number in another notation (`"0x1772"`, `'24e3'`)
        // has its value only as the whole string ([int]'24e3', CLng): in
        // a longer one it is only its digits ("429b96a7-24e3-47de").
        auto Quote = [](char C) { return C == '"' || C == '\''; };
        if (Begin > 0 && E < N && Quote(Text[Begin - 1]) && Quote(Text[E]))
          AsText |= AsCode;
      } else {
        AsCode = AsText; // not a number of the language: a bare word
      }
    } else {
      AsCode = AsText;
    }
    if ((AsCode | AsText) && Candidate(Begin, AsCode, AsText))
      return;
    P = E;
  }
}

Sighting Prefilter::look(llvm::StringRef Text, Dialect D) const {
  Sighting S;
  // Where a revision source is named: it counts only outside comments
  // ("Revision History" heads many an old file), checked at the end.
  std::vector<size_t> WordAt;
  // After a trigger the same pass goes on for the markers (until both are
  // seen): a second search for each, byte by byte, cost more than the scan.
  Lits.scan(Text, [&](unsigned I, size_t At) {
    if (I < NumRevisionWords) {
      if (!S.Trigger && nameAt(Text, At, Lits[I].size()))
        WordAt.push_back(At);
    } else if (I < NumNames) {
      S.Trigger = true;
    } else {
      switch (I - NumNames) {
      case SuppressionLit:
        S.Suppression = true;
        break;
      case IncludeLit:
        if (!S.Trigger) // looked at only when there is no trigger
          S.Includes.push_back(At);
        break;
      default:
        S.VBScript = true;
        break;
      }
    }
    return !(S.Trigger && S.Suppression && S.VBScript);
  });
  // The regions of Text, once an offset needs one.
  std::optional<RegionScanner> Regions;
  if (!S.Trigger)
    numbers(Text, D, S, Regions);
  if (!S.Trigger && !WordAt.empty()) {
    if (!Regions)
      Regions.emplace(Text, D);
    S.RevisionWord = llvm::any_of(
        WordAt, [&](size_t At) { return Regions->at(At) != Region::Comment; });
  }
  if (S.RevisionNumber && S.RevisionWord)
    S.Trigger = true;
  if (S.Trigger)
    S.Includes.clear();
  return S;
}

namespace {
/// The names of Text's quoted #include lines (At: the offsets of
/// "#include").
std::vector<std::string> includeNames(llvm::StringRef Text,
                                      const std::vector<size_t> &At) {
  std::vector<std::string> Out;
  for (size_t A : At) {
    llvm::StringRef Rest = Text.substr(A + 8).ltrim(" \t");
    if (!Rest.consume_front("\""))
      continue;
    llvm::StringRef Name =
        Rest.take_until([](char C) { return C == '"' || C == '\n'; });
    if (!Name.empty() && Name.size() != Rest.size())
      Out.push_back(Name.str());
  }
  return Out;
}

/// Calls Fn with each place a quoted include of Name from a file in Dir is
/// looked for, in order (next to the file, or in include/ of it or one of 3
/// parents), until it returns true.
template <typename F>
void candidates(llvm::StringRef Dir, llvm::StringRef Name, F Fn) {
  llvm::StringRef D = Dir;
  llvm::SmallString<256> Cand;
  for (int Up = 0; Up < 4 && !D.empty(); ++Up) {
    for (const char *Sub : {"", "include"}) {
      Cand = D;
      llvm::sys::path::append(Cand, Sub, Name);
      if (Fn(Cand.str()))
        return;
    }
    D = llvm::sys::path::parent_path(D);
  }
}
} // namespace

const Prefilter::Resolution &Prefilter::resolution(llvm::StringRef Dir,
                                                   llvm::StringRef Name) {
  llvm::SmallString<256> Key(Dir);
  Key.push_back('\0');
  Key += Name;
  {
    std::lock_guard<ShortMutex> G(Lock);
    auto It = Resolutions.find(Key);
    if (It != Resolutions.end())
      return It->second;
  }
  Resolution R;
  auto Places = std::make_shared<std::vector<std::string>>();
  candidates(Dir, Name, [&](llvm::StringRef C) {
    if (llvm::is_contained(*Places, C))
      return false;
    Places->push_back(C.str());
    if (!Dirs->isFile(C))
      return false;
    R.Found = Places->back();
    return true;
  });
  R.Places = std::move(Places);
  std::lock_guard<ShortMutex> G(Lock);
  return Resolutions.try_emplace(Key, std::move(R)).first->second;
}

std::vector<std::string>
Prefilter::foundIncludes(llvm::StringRef Dir,
                         const std::vector<std::string> &Names) {
  std::vector<std::string> Out;
  for (const std::string &Name : Names) {
    const std::string &Found = resolution(Dir, Name).Found;
    if (!Found.empty())
      Out.push_back(Found);
  }
  return Out;
}

void Prefilter::looked(const std::string &Path, llvm::StringRef Text,
                       const Sighting &S) {
  HeaderLook L{bitsOf(S), includeNames(Text, S.Includes)};
  std::lock_guard<ShortMutex> G(Lock);
  Looks.try_emplace(Path, std::move(L));
}

const Prefilter::HeaderLook &Prefilter::lookOf(const std::string &Header) {
  {
    std::lock_guard<ShortMutex> G(Lock);
    auto It = Looks.find(Header);
    if (It != Looks.end())
      return It->second;
  }
  HeaderLook L;
  llvm::SmallVector<char, 0> Bytes;
  if (readFile(Header, Bytes)) {
    L.Unreadable = true;
  } else {
    llvm::StringRef Text(Bytes.data(), Bytes.size());
    Sighting S = look(Text, Dialect::C);
    L.Bits = bitsOf(S);
    L.Names = includeNames(Text, S.Includes);
  }
  std::lock_guard<ShortMutex> G(Lock);
  return Looks.try_emplace(Header, std::move(L)).first->second;
}

std::shared_ptr<const std::vector<std::string>>
Prefilter::closureOf(const std::string &Header) {
  {
    std::lock_guard<ShortMutex> G(Lock);
    auto It = Closures.find(Header);
    if (It != Closures.end())
      return It->second;
  }
  std::vector<std::string> Deps;
  llvm::StringSet<> InDeps, Seen;
  std::vector<std::string> Work{Header};
  Seen.insert(Header);
  while (!Work.empty()) {
    std::string H = std::move(Work.back());
    Work.pop_back();
    if (H != Header) {
      // A header whose list is known adds that list, and what it reaches
      // is not walked again (cycles included: a list is whole).
      std::shared_ptr<const std::vector<std::string>> Known;
      {
        std::lock_guard<ShortMutex> G(Lock);
        auto It = Closures.find(H);
        if (It != Closures.end())
          Known = It->second;
      }
      if (Known) {
        for (const std::string &D : *Known) {
          if (InDeps.insert(D).second)
            Deps.push_back(D);
          Seen.insert(D);
        }
        continue;
      }
    }
    llvm::StringRef Dir = llvm::sys::path::parent_path(H);
    for (const std::string &Name : lookOf(H).Names) {
      const Resolution &R = resolution(Dir, Name);
      for (const std::string &P : *R.Places)
        if (InDeps.insert(P).second)
          Deps.push_back(P);
      if (!R.Found.empty() && Seen.insert(R.Found).second)
        Work.push_back(R.Found);
    }
  }
  auto List = std::make_shared<const std::vector<std::string>>(std::move(Deps));
  std::lock_guard<ShortMutex> G(Lock);
  return Closures.try_emplace(Header, std::move(List)).first->second;
}

void Prefilter::headerDeps(
    llvm::StringRef Path, llvm::StringRef Text, const Sighting &S,
    std::vector<std::shared_ptr<const std::vector<std::string>>> &Shared) {
  llvm::StringRef Dir = llvm::sys::path::parent_path(Path);
  llvm::SmallPtrSet<const void *, 16> Have;
  auto Add = [&](std::shared_ptr<const std::vector<std::string>> L) {
    if (!L->empty() && Have.insert(L.get()).second)
      Shared.push_back(std::move(L));
  };
  for (const std::string &Name : includeNames(Text, S.Includes)) {
    const Resolution &R = resolution(Dir, Name);
    Add(R.Places);
    if (!R.Found.empty())
      Add(closureOf(R.Found));
  }
}

unsigned Prefilter::holds(const std::string &Header,
                          std::vector<std::string> &Visiting, size_t &Cut) {
  {
    std::lock_guard<ShortMutex> G(Lock);
    auto It = Holds.find(Header);
    if (It != Holds.end())
      return It->second;
  }
  // A header reached again through a cycle adds nothing the walk from it
  // does not find: cut there, and remember how far up the cut reached.
  auto Again = std::find(Visiting.begin(), Visiting.end(), Header);
  if (Again != Visiting.end() || Visiting.size() > 16) {
    Cut = Again == Visiting.end()
              ? 0 // the depth limit: nothing is final
              : std::min<size_t>(Cut, Again - Visiting.begin());
    return 0;
  }
  const HeaderLook &L = lookOf(Header);
  if (L.Unreadable)
    return 0;
  unsigned Bits = L.Bits;
  const size_t Depth = Visiting.size();
  if (!eligible(Bits)) {
    Visiting.push_back(Header);
    for (const std::string &H :
         foundIncludes(llvm::sys::path::parent_path(Header), L.Names))
      if (eligible(Bits |= holds(H, Visiting, Cut)))
        break;
    Visiting.pop_back();
  }
  // Final if every cut below led back to this header or below it (or it is
  // eligible whatever a cut left out); the headers above still wait.
  if (Cut >= Depth || eligible(Bits)) {
    if (Cut >= Depth)
      Cut = SIZE_MAX;
    std::lock_guard<ShortMutex> G(Lock);
    Holds[Header] = Bits;
  }
  return Bits;
}

bool Prefilter::headerHolds(llvm::StringRef Path, llvm::StringRef Text,
                            const Sighting &S) {
  std::vector<std::string> Visiting;
  unsigned Bits = bitsOf(S);
  for (const std::string &H : foundIncludes(llvm::sys::path::parent_path(Path),
                                            includeNames(Text, S.Includes))) {
    size_t Cut = SIZE_MAX;
    if (eligible(Bits |= holds(H, Visiting, Cut)))
      return true;
  }
  return false;
}

} // namespace verguard::driver
