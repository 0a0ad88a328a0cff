//===- Spans.cpp ----------------------------------------------------------===//
#include "cpp/Spans.h"

#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

namespace verguard::cpp {

using namespace clang;

namespace {
core::SourceSpan fromCharRange(const SourceManager &SM, CharSourceRange CR,
                               FileID *Out = nullptr) {
  core::SourceSpan S;
  if (CR.isInvalid())
    return S;
  SourceLocation B = CR.getBegin(), E = CR.getEnd();
  if (!B.isFileID() || !E.isFileID())
    return S;
  FileID F = SM.getFileID(B);
  if (F != SM.getFileID(E))
    return S;
  OptionalFileEntryRef Entry = SM.getFileEntryRefForID(F);
  if (!Entry)
    return S;
  StringRef Real = Entry->getFileEntry().tryGetRealPathName();
  S.File = Real.empty() ? Entry->getName().str() : Real.str();
  S.Begin = SM.getFileOffset(B);
  S.End = SM.getFileOffset(E);
  if (S.End < S.Begin) {
    S.Begin = S.End = UINT32_MAX;
    return S;
  }
  if (Out)
    *Out = F;
  S.Line = SM.getLineNumber(F, S.Begin);
  S.Col = SM.getColumnNumber(F, S.Begin);
  S.EndLine = SM.getLineNumber(F, S.End);
  S.EndCol = SM.getColumnNumber(F, S.End);
  return S;
}
} // namespace

static core::SourceSpan resolve(const ASTContext &Ctx, SourceRange R,
                                FileID *Out) {
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  if (R.isInvalid())
    return {};
  CharSourceRange CR =
      Lexer::makeFileCharRange(CharSourceRange::getTokenRange(R), SM, LO);
  core::SourceSpan S = fromCharRange(SM, CR, Out);
  if (S.valid())
    return S;
  // Both ends inside the same macro body of the project: edit the #define.
  SourceLocation B = SM.getSpellingLoc(R.getBegin());
  SourceLocation E = SM.getSpellingLoc(R.getEnd());
  if (B.isValid() && E.isValid() && SM.getFileID(B) == SM.getFileID(E) &&
      !SM.isInSystemHeader(B) && R.getBegin().isMacroID()) {
    SourceLocation EE = Lexer::getLocForEndOfToken(E, 0, SM, LO);
    if (EE.isValid() && !SM.isBeforeInTranslationUnit(EE, B))
      return fromCharRange(SM, CharSourceRange::getCharRange(B, EE), Out);
  }
  // Otherwise the whole macro invocation written in the file.
  CharSourceRange X(SourceRange(SM.getExpansionRange(R.getBegin()).getBegin(),
                                SM.getExpansionRange(R.getEnd()).getEnd()),
                    /*IsTokenRange=*/true);
  X = Lexer::makeFileCharRange(X, SM, LO);
  S = fromCharRange(SM, X, Out);
  if (S.valid() && SM.isInSystemHeader(X.getBegin()))
    return {};
  return S;
}

core::SourceSpan fileSpan(const ASTContext &Ctx, SourceRange R) {
  return resolve(Ctx, R, nullptr);
}

core::Spelling spelling(const ASTContext &Ctx, SourceRange R) {
  core::Spelling W;
  FileID F;
  W.Span = resolve(Ctx, R, &F);
  if (!W.Span.valid())
    return W;
  bool Invalid = false;
  StringRef Buf = Ctx.getSourceManager().getBufferData(F, &Invalid);
  if (Invalid || W.Span.End > Buf.size())
    return {};
  W.Text = Buf.slice(W.Span.Begin, W.Span.End).str();
  return W;
}

core::Spelling
atomSpelling(const ASTContext &Ctx, const Expr *E,
             llvm::function_ref<bool(const CallExpr *)> ComputesOnly) {
  core::Spelling W = spelling(Ctx, E->getSourceRange());
  std::vector<const Stmt *> Stack{E};
  while (!Stack.empty()) {
    const Stmt *S = Stack.back();
    Stack.pop_back();
    if (!S)
      continue;
    if (auto *CE = dyn_cast<CallExpr>(S)) {
      auto *MC = dyn_cast<CXXMemberCallExpr>(CE);
      bool Conversion =
          MC && isa_and_nonnull<CXXConversionDecl>(MC->getMethodDecl());
      if (!isa<CXXOperatorCallExpr>(CE) && !Conversion && !ComputesOnly(CE))
        W.Calls.push_back(fileSpan(Ctx, CE->getSourceRange()));
    }
    for (const Stmt *K : S->children())
      Stack.push_back(K);
  }
  return W;
}

core::SourceSpan definitionSpan(const ASTContext &Ctx, const Expr *E) {
  const SourceManager &SM = Ctx.getSourceManager();
  core::SourceSpan Use = fileSpan(Ctx, E->getSourceRange());
  core::SourceSpan Def;
  E = E->IgnoreParenImpCasts();
  if (E->getBeginLoc().isMacroID() && E->getEndLoc().isMacroID()) {
    // The tokens of the value as the macro body spells them.
    SourceLocation B = SM.getSpellingLoc(E->getBeginLoc());
    SourceLocation End = SM.getSpellingLoc(E->getEndLoc());
    if (B.isValid() && End.isValid() && SM.getFileID(B) == SM.getFileID(End) &&
        !SM.isInSystemHeader(B)) {
      SourceLocation EE =
          Lexer::getLocForEndOfToken(End, 0, SM, Ctx.getLangOpts());
      if (EE.isValid() && !SM.isBeforeInTranslationUnit(EE, B))
        Def = fromCharRange(SM, CharSourceRange::getCharRange(B, EE));
    }
  } else if (auto *D = dyn_cast<DeclRefExpr>(E)) {
    const Expr *Init = nullptr;
    if (auto *VD = dyn_cast<VarDecl>(D->getDecl()))
      Init = VD->getAnyInitializer();
    else if (auto *EC = dyn_cast<EnumConstantDecl>(D->getDecl()))
      Init = EC->getInitExpr();
    if (Init && !SM.isInSystemHeader(Init->getBeginLoc()))
      Def = fileSpan(Ctx, Init->getSourceRange());
  }
  if (!Def.valid() || Use.contains(Def))
    return {};
  return Def;
}

std::string lineIndent(const ASTContext &Ctx, SourceLocation Loc) {
  const SourceManager &SM = Ctx.getSourceManager();
  Loc = SM.getFileLoc(Loc);
  if (Loc.isInvalid())
    return "";
  auto [F, Off] = SM.getDecomposedLoc(Loc);
  bool Invalid = false;
  StringRef Buf = SM.getBufferData(F, &Invalid);
  if (Invalid)
    return "";
  size_t Start = Buf.rfind('\n', Off);
  Start = Start == StringRef::npos ? 0 : Start + 1;
  size_t End = Start;
  while (End < Buf.size() && (Buf[End] == ' ' || Buf[End] == '\t'))
    ++End;
  return Buf.slice(Start, End).str();
}

} // namespace verguard::cpp
