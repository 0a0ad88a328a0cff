//===- RuleTestSupport.h - guards written by hand for rule tests -*- C++
//-*-===//
#ifndef VERGUARD_TESTS_RULETESTSUPPORT_H
#define VERGUARD_TESTS_RULETESTSUPPORT_H

#include "core/Expr.h"

#include <string>

namespace verguard::ruletest {

/// Text written at bytes [B, E) of line 1 of t.c.
inline core::Spelling at(uint32_t B, uint32_t E, std::string Text) {
  core::Spelling S;
  S.Span.File = "t.c";
  S.Span.Begin = B;
  S.Span.End = E;
  S.Span.Line = 1;
  S.Span.Col = B + 1;
  S.Text = std::move(Text);
  return S;
}

} // namespace verguard::ruletest

#endif
