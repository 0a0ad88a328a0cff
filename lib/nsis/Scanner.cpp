//===- Scanner.cpp - NSIS scripts as statements ---------------------------===//
#include "nsis/Scanner.h"

#include "llvm/ADT/StringExtras.h"

namespace verguard::nsis {

namespace {

bool isBlank(char C) { return C == ' ' || C == '\t' || C == '\r'; }

class Scan {
public:
  explicit Scan(llvm::StringRef T) : T(T) {}

  Script run() {
    while (I < T.size())
      line();
    return std::move(S);
  }

private:
  llvm::StringRef T;
  size_t I = 0;
  Script S;

  /// A `\` that continues the line at I: the offset after its line break.
  size_t continuation(size_t At) const {
    if (At >= T.size() || T[At] != '\\')
      return 0;
    size_t J = At + 1;
    if (J < T.size() && T[J] == '\r')
      ++J;
    if (J < T.size() && T[J] == '\n')
      return J + 1;
    return J == T.size() ? J : 0;
  }

  void problem(size_t At, std::string Msg) {
    S.Problems.push_back({uint32_t(At), std::move(Msg)});
  }

  /// Skips to the end of the logical line (a comment, or one too long).
  void skipLine() {
    while (I < T.size() && T[I] != '\n') {
      if (size_t N = continuation(I)) {
        I = N;
        continue;
      }
      ++I;
    }
    if (I < T.size())
      ++I;
  }

  void line() {
    size_t LineStart = I;
    Statement St;
    St.B = uint32_t(I);
    bool Any = false;
    while (I < T.size()) {
      char C = T[I];
      if (C == '\n') {
        ++I;
        break;
      }
      if (I - LineStart > MaxLine) {
        problem(LineStart, "a line longer than " + std::to_string(MaxLine) +
                               " characters is skipped");
        skipLine();
        return;
      }
      if (isBlank(C)) {
        ++I;
        continue;
      }
      if (size_t N = continuation(I)) {
        I = N;
        continue;
      }
      if (C == ';' || C == '#') {
        skipLine();
        break;
      }
      if (C == '/' && I + 1 < T.size() && T[I + 1] == '*') {
        size_t End = T.find("*/", I + 2);
        if (End == llvm::StringRef::npos) {
          problem(I, "`/*` comment without its `*/`: the rest of the file "
                     "is a comment");
          I = T.size();
          break;
        }
        I = End + 2;
        continue;
      }
      Word W = C == '"' || C == '\'' || C == '`' ? quoted(C) : plain();
      if (W.E - LineStart > MaxLine) {
        problem(LineStart, "a line longer than " + std::to_string(MaxLine) +
                               " characters is skipped");
        if (I > 0 && T[I - 1] != '\n')
          skipLine();
        return;
      }
      St.E = W.E;
      St.Words.push_back(std::move(W));
      Any = true;
    }
    if (!Any)
      return;
    St.B = St.Words.front().B;
    const Word &First = St.Words.front();
    llvm::StringRef F = First.Text;
    if (!First.Quote && F.size() > 1 && F.back() == ':' &&
        !llvm::StringRef("$!+-0123456789").contains(F.front())) {
      Statement L;
      L.B = First.B;
      L.E = First.E;
      L.Label = true;
      L.Name = F.drop_back().str();
      L.Words.push_back(First);
      S.Statements.push_back(std::move(L));
      St.Words.erase(St.Words.begin());
      if (St.Words.empty())
        return;
      St.B = St.Words.front().B;
    }
    S.Statements.push_back(std::move(St));
  }

  Word plain() {
    Word W;
    W.B = uint32_t(I);
    while (I < T.size() && !isBlank(T[I]) && T[I] != '\n') {
      if (size_t N = continuation(I)) {
        // `\` ends the line: the word ends here.
        I = N;
        W.E = uint32_t(I);
        return W;
      }
      W.Text += T[I++];
    }
    W.E = uint32_t(I);
    return W;
  }

  Word quoted(char Q) {
    Word W;
    W.Quote = Q;
    W.B = uint32_t(I);
    ++I;
    while (I < T.size()) {
      char C = T[I];
      if (C == Q) {
        ++I;
        W.E = uint32_t(I);
        return W;
      }
      if (C == '$' && I + 2 < T.size() && T[I + 1] == '\\' &&
          (T[I + 2] == Q || T[I + 2] == '"' || T[I + 2] == '\'' ||
           T[I + 2] == '`')) {
        W.Text.append(T.data() + I, 3);
        I += 3;
        continue;
      }
      if (size_t N = continuation(I)) {
        I = N;
        W.Raw = false;
        continue;
      }
      if (C == '\n')
        break;
      W.Text += C;
      ++I;
    }
    problem(W.B, std::string("string without its closing ") + Q +
                     ": it ends with its line");
    W.E = uint32_t(I);
    W.Raw = false;
    return W;
  }
};

} // namespace

Script scan(llvm::StringRef Text) { return Scan(Text).run(); }

} // namespace verguard::nsis
