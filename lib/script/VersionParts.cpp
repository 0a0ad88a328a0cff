//===- VersionParts.cpp ---------------------------------------------------===//
#include "script/VersionParts.h"

using namespace verguard::core;

namespace verguard::script {

ExprPtr versionSplitPart(const ExprPtr &S, int64_t I) {
  if (!S || S->Kind != Op::Split || S->Kids.size() != 2 ||
      S->Kids[0]->Kind != Op::Quantity || S->Kids[1]->Kind != Op::StrConst ||
      S->Kids[1]->Str != ".")
    return nullptr;
  const Expr &K = *S->Kids[0];
  if (K.Q != Quantity::Version && K.Q != Quantity::DotNetVersion &&
      K.Q != Quantity::FileVersion)
    return nullptr;
  std::string P = K.Provenance + " part " + std::to_string(I);
  static const Quantity Parts[] = {Quantity::Major, Quantity::Minor,
                                   Quantity::Build};
  if (I < 0 || I > 2)
    return nullptr;
  return unary(Op::ToStr, quantity(Parts[I], std::move(P)));
}

} // namespace verguard::script
