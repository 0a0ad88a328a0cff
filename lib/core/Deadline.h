//===- Deadline.h - the per-file time limit ---------------------*- C++ -*-===//
//
// The driver sets a deadline for the file a thread is analyzing; long loops in
// the frontends (tree walks) ask `deadlinePassed()` and stop early. The driver
// then reports the file as cut short: a time limit is never silent.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_CORE_DEADLINE_H
#define VERGUARD_CORE_DEADLINE_H

#include <chrono>
#include <cstdint>

namespace verguard::core {

/// Sets (Millis > 0) or clears (0) this thread's deadline.
void setDeadline(uint64_t Millis);
/// True once this thread's deadline has passed (cheap: reads the clock only
/// every few hundred calls).
bool deadlinePassed();
/// True if deadlinePassed() returned true since the last setDeadline().
bool deadlineHit();

} // namespace verguard::core

#endif
