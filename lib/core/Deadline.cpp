//===- Deadline.cpp -------------------------------------------------------===//
#include "core/Deadline.h"

namespace verguard::core {

namespace {
struct State {
  bool Active = false;
  bool Hit = false;
  unsigned Calls = 0;
  std::chrono::steady_clock::time_point End;
};
thread_local State S;
} // namespace

void setDeadline(uint64_t Millis) {
  S = State();
  if (Millis) {
    S.Active = true;
    S.End =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(Millis);
  }
}

bool deadlinePassed() {
  if (!S.Active)
    return false;
  if (S.Hit)
    return true;
  if (++S.Calls % 256)
    return false;
  if (std::chrono::steady_clock::now() >= S.End)
    S.Hit = true;
  return S.Hit;
}

bool deadlineHit() { return S.Hit; }

} // namespace verguard::core
