//===- Finding.cpp --------------------------------------------------------===//
#include "core/Finding.h"

namespace verguard::core {

const char *severityName(Severity S) {
  switch (S) {
  case Severity::Note:
    return "note";
  case Severity::Warning:
    return "warning";
  case Severity::Error:
    return "error";
  }
  return "note";
}

const char *fixAvailabilityName(FixAvailability F) {
  return F == FixAvailability::Never ? "never" : "sometimes";
}

} // namespace verguard::core
