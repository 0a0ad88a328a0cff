//===- Condition.h - Windows Installer and Burn conditions ------*- C++ -*-===//
//
// The condition languages of an installer written in WiX: Windows
// Installer's ("Conditional Statement Syntax": `AND OR NOT XOR EQV IMP`,
// `= <> < <= > >= >< << >>`, `~` for case-insensitive string comparisons,
// properties, "strings", integers, `%ENV`, `$ ? & !` component and feature
// states) and Burn's (the same operators over numbers, strings and
// versions `v6.0.6002`). A condition is read where it is written in the XML:
// in an attribute or element text, whose entities (`&lt;`) are decoded, or
// in a CDATA section, whose text is taken as it is; every token keeps its
// place in the file, so a fix rewrites the XML text.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_WIX_CONDITION_H
#define VERGUARD_WIX_CONDITION_H

#include "core/Expr.h"
#include "script/Spelling.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <functional>
#include <optional>
#include <string>

namespace verguard::wix {

enum class ConditionLanguage : uint8_t { Msi, Burn };

/// What a name in a condition holds: an OS property, a property set from a
/// known value, or a preprocessor variable. A type says how it compares.
enum class ValueKind : uint8_t { Unknown, Int, Str, Version };
struct Value {
  core::ExprPtr E; // null: unknown
  ValueKind Kind = ValueKind::Unknown;
};

/// The raw text of a condition: Src[Begin, End) of the file's UTF-8 text,
/// with entities decoded unless it is a CDATA section's.
struct ConditionText {
  uint32_t Begin = 0, End = 0;
  bool Entities = true;
};

struct ConditionEnv {
  ConditionLanguage Lang = ConditionLanguage::Msi;
  core::Dialect Syntax = core::Dialect::Wix;
  /// The value of property (or Burn variable) Name; Unknown if nothing is
  /// known about it.
  std::function<Value(llvm::StringRef Name)> Property;
  /// The value of a preprocessor reference `$(var.Name)` written at
  /// Use (a constant respelled at its use), or nullopt if not defined.
  std::function<std::optional<Value>(llvm::StringRef Name,
                                     const core::Spelling &Use)>
      Define;
};

struct Lowered {
  core::ExprPtr Cond; // null if the text is not a condition
  std::string Error;  // why not
  uint32_t ErrorAt = 0;
};

/// Lowers the condition written at T in Src (the file's UTF-8 text).
Lowered lowerCondition(llvm::StringRef Src, const ConditionText &T,
                       const script::Speller &Sp, const ConditionEnv &Env);

/// The text of Src[Begin, End) with XML entities (`&lt;`, `&#60;`)
/// decoded, and for each of its bytes the offset in Src it came from (one
/// more entry: End).
std::string decodeEntities(llvm::StringRef Src, uint32_t Begin, uint32_t End,
                           std::vector<uint32_t> *Map = nullptr);

/// Windows Installer's reading of a property's text as an integer (an
/// optional sign and decimal digits, nothing else), or nullopt.
std::optional<int64_t> msiInteger(llvm::StringRef S);

} // namespace verguard::wix

#endif
