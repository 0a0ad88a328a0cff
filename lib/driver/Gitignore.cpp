//===- Gitignore.cpp ------------------------------------------------------===//
#include "driver/Gitignore.h"

#include "llvm/ADT/StringExtras.h"

namespace verguard::driver {

namespace {

enum Outcome { NoMatch, Match, AbortAll, AbortToStarStar };

bool inClass(llvm::StringRef Class, unsigned char C) {
  if (Class == "alnum")
    return llvm::isAlnum(C);
  if (Class == "alpha")
    return llvm::isAlpha(C);
  if (Class == "blank")
    return C == ' ' || C == '\t';
  if (Class == "cntrl")
    return C < 32 || C == 127;
  if (Class == "digit")
    return llvm::isDigit(C);
  if (Class == "graph")
    return C > 32 && C < 127;
  if (Class == "lower")
    return llvm::isLower(C);
  if (Class == "print")
    return llvm::isPrint(C);
  if (Class == "punct")
    return llvm::isPrint(C) && !llvm::isAlnum(C) && C != ' ';
  if (Class == "space")
    return llvm::isSpace(C);
  if (Class == "upper")
    return llvm::isUpper(C);
  if (Class == "xdigit")
    return llvm::isHexDigit(C);
  return false;
}

/// git's dowild() (wildmatch.c) with WM_PATHNAME. P and T index Pat and Text;
/// recursion depth is bounded by the number of `*` in the pattern.
Outcome dowild(llvm::StringRef Pat, size_t P, llvm::StringRef Text, size_t T) {
  auto At = [&](size_t I) -> unsigned char {
    return I < Pat.size() ? Pat[I] : 0;
  };
  for (; P < Pat.size(); ++P, ++T) {
    unsigned char PC = Pat[P];
    unsigned char TC = T < Text.size() ? Text[T] : 0;
    if (T >= Text.size() && PC != '*')
      return AbortAll;
    switch (PC) {
    case '\\':
      PC = At(++P);
      [[fallthrough]];
    default:
      if (TC != PC)
        return NoMatch;
      continue;
    case '?':
      if (TC == '/')
        return NoMatch;
      continue;
    case '*': {
      bool MatchSlash;
      if (At(++P) == '*') {
        size_t Prev = P - 2; // the character before the `**`
        bool AtStart = P < 2;
        while (At(++P) == '*') {
        }
        if ((AtStart || Pat[Prev] == '/') &&
            (P >= Pat.size() || At(P) == '/' ||
             (At(P) == '\\' && At(P + 1) == '/'))) {
          // `**/`: also zero directories.
          if (At(P) == '/' && dowild(Pat, P + 1, Text, T) == Match)
            return Match;
          MatchSlash = true;
        } else {
          MatchSlash = false; // `**` inside a name is `*`
        }
      } else {
        MatchSlash = false;
      }
      if (P >= Pat.size()) {
        // A trailing `**` matches everything; a trailing `*` no `/`.
        if (!MatchSlash && Text.find('/', T) != llvm::StringRef::npos)
          return NoMatch;
        return Match;
      }
      if (!MatchSlash && At(P) == '/') {
        // One `*` then `/`: the rest of this component.
        size_t Slash = Text.find('/', T);
        if (Slash == llvm::StringRef::npos)
          return NoMatch;
        T = Slash;
        break; // the loop's increment consumes the slash on both sides
      }
      for (;; ++T) {
        if (T >= Text.size())
          break;
        TC = Text[T];
        Outcome M = dowild(Pat, P, Text, T);
        if (M != NoMatch) {
          if (!MatchSlash || M != AbortToStarStar)
            return M;
        } else if (!MatchSlash && TC == '/') {
          return AbortToStarStar;
        }
      }
      return AbortAll;
    }
    case '[': {
      PC = At(++P);
      if (PC == '^')
        PC = '!';
      bool Negated = PC == '!';
      if (Negated)
        PC = At(++P);
      unsigned char PrevC = 0;
      bool Matched = false;
      do {
        if (P >= Pat.size())
          return AbortAll;
        if (PC == '\\') {
          PC = At(++P);
          if (P >= Pat.size())
            return AbortAll;
          if (TC == PC)
            Matched = true;
        } else if (PC == '-' && PrevC && P + 1 < Pat.size() &&
                   Pat[P + 1] != ']') {
          PC = At(++P);
          if (PC == '\\') {
            PC = At(++P);
            if (P >= Pat.size())
              return AbortAll;
          }
          if (TC <= PC && TC >= PrevC)
            Matched = true;
          PC = 0; // the next character starts no range
        } else if (PC == '[' && At(P + 1) == ':') {
          size_t End = Pat.find(":]", P + 2);
          if (End == llvm::StringRef::npos) {
            if (TC == '[') // not a class: a plain `[`
              Matched = true;
          } else {
            if (inClass(Pat.slice(P + 2, End), TC))
              Matched = true;
            P = End + 1;
            PC = 0;
          }
        } else if (TC == PC) {
          Matched = true;
        }
        PrevC = PC;
        PC = At(++P);
      } while (P < Pat.size() && PC != ']');
      if (P >= Pat.size())
        return AbortAll;
      if (Matched == Negated || TC == '/')
        return NoMatch;
      continue;
    }
    }
  }
  return T < Text.size() ? NoMatch : Match;
}

bool hasWildcard(llvm::StringRef S) {
  return S.find_first_of("*?[\\") != llvm::StringRef::npos;
}

} // namespace

bool wildmatch(llvm::StringRef Pattern, llvm::StringRef Text) {
  return dowild(Pattern, 0, Text, 0) == Match;
}

bool GlobRule::matches(llvm::StringRef Rel, bool IsDir) const {
  if (DirOnly && !IsDir)
    return false;
  llvm::StringRef Target = Rel;
  if (!Anchored) {
    size_t Slash = Rel.rfind('/');
    if (Slash != llvm::StringRef::npos)
      Target = Rel.drop_front(Slash + 1);
  }
  switch (How) {
  case Kind::Literal:
    return Target == Glob;
  case Kind::Suffix:
    return Target.ends_with(llvm::StringRef(Glob).drop_front());
  case Kind::Wild:
    return wildmatch(Glob, Target);
  }
  return false;
}

std::optional<GlobRule> parseGlobRule(llvm::StringRef Line, bool AllowComment) {
  GlobRule R;
  R.Text = Line.str();
  Line.consume_back("\r");
  if (Line.empty() || (AllowComment && Line.starts_with("#")))
    return std::nullopt;
  // Trailing spaces go, unless the last one is escaped.
  while (Line.ends_with(" ") && !Line.ends_with("\\ "))
    Line = Line.drop_back();
  if (Line.consume_front("!"))
    R.Negated = true;
  if (Line.consume_back("/"))
    R.DirOnly = true;
  R.Anchored = Line.contains('/');
  Line.consume_front("/");
  if (Line.empty())
    return std::nullopt;
  R.Glob = Line.str();
  if (!hasWildcard(R.Glob))
    R.How = GlobRule::Kind::Literal;
  else if (!R.Anchored && R.Glob[0] == '*' && !hasWildcard(Line.drop_front()))
    R.How = GlobRule::Kind::Suffix;
  return R;
}

GlobList::GlobList(std::vector<GlobRule> Rules, bool TrackUse)
    : Rules(std::move(Rules)) {
  if (TrackUse) {
    Used = std::make_unique<std::atomic<bool>[]>(this->Rules.size());
    for (size_t I = 0; I < this->Rules.size(); ++I)
      Used[I].store(false, std::memory_order_relaxed);
  }
}

const GlobRule *GlobList::match(llvm::StringRef Rel, bool IsDir) const {
  const GlobRule *Last = nullptr;
  if (!Used) {
    for (size_t I = Rules.size(); I-- > 0;)
      if (Rules[I].matches(Rel, IsDir))
        return &Rules[I];
    return nullptr;
  }
  for (size_t I = 0; I < Rules.size(); ++I)
    if (Rules[I].matches(Rel, IsDir)) {
      Last = &Rules[I];
      if (!Used[I].load(std::memory_order_relaxed))
        Used[I].store(true, std::memory_order_relaxed);
    }
  return Last;
}

const GlobRule *GlobList::decidingRule(llvm::StringRef Rel) const {
  const GlobRule *Decides = nullptr;
  for (size_t Slash = Rel.find('/'); Slash != llvm::StringRef::npos;
       Slash = Rel.find('/', Slash + 1))
    if (const GlobRule *R = match(Rel.take_front(Slash), /*IsDir=*/true))
      Decides = R;
  if (const GlobRule *R = match(Rel, /*IsDir=*/false))
    Decides = R;
  return Decides;
}

std::optional<bool> GlobList::decide(llvm::StringRef Rel) const {
  if (const GlobRule *R = decidingRule(Rel))
    return !R->Negated;
  return std::nullopt;
}

std::vector<const GlobRule *> GlobList::unused() const {
  std::vector<const GlobRule *> Out;
  if (Used)
    for (size_t I = 0; I < Rules.size(); ++I)
      if (!Used[I].load(std::memory_order_relaxed))
        Out.push_back(&Rules[I]);
  return Out;
}

GlobList parseGitignore(llvm::StringRef Text) {
  std::vector<GlobRule> Rules;
  unsigned LineNo = 0;
  while (!Text.empty()) {
    auto [Line, Rest] = Text.split('\n');
    Text = Rest;
    ++LineNo;
    if (auto R = parseGlobRule(Line)) {
      R->Line = LineNo;
      R->Col = 1;
      Rules.push_back(std::move(*R));
    }
  }
  return GlobList(std::move(Rules));
}

} // namespace verguard::driver
