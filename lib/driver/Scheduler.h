//===- Scheduler.h - parallel analysis in two passes ------------*- C++ -*-===//
#ifndef VERGUARD_DRIVER_SCHEDULER_H
#define VERGUARD_DRIVER_SCHEDULER_H

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

namespace verguard::driver {

/// What a task did: finished (with the findings it found, for progress),
/// or postponed to the second pass, where larger keys run first.
struct TaskStep {
  std::optional<uint64_t> Postpone;
  size_t Findings = 0;
};

/// A task: one file's analysis. Worker is the index (0..workers()-1) of the
/// thread running it, for per-thread state; with Defer, a task that needs a
/// long step (a parse) may postpone itself, and is then run again with
/// Defer false in the second pass.
using Task = std::function<TaskStep(unsigned Worker, bool Defer)>;

/// Called after each finished task, serialized: tasks done, tasks in all (0
/// while tasks are still being added) and the findings so far.
using ProgressFn =
    std::function<void(size_t Done, size_t Total, size_t Findings)>;

/// Runs tasks as they are added, on Jobs threads. With one job, add() runs
/// each task at once on the caller's thread (Defer false). With N, N-1 pool
/// threads take tasks in batches while the caller adds them, and the
/// caller joins them in finish(): N threads on N cores, never more. The
/// first pass finishes what needs no long step, while up to N-1 threads
/// already run the postponed tasks (between batches, the largest postponed
/// so far); once every thread is through it, those left run, largest key
/// first, one at a time to whichever thread is free: a parse cannot be
/// shared between threads, so one left for the end would keep the others
/// idle.
class Scheduler {
public:
  Scheduler(unsigned Jobs, ProgressFn Progress = nullptr);
  ~Scheduler();
  Scheduler(const Scheduler &) = delete;
  Scheduler &operator=(const Scheduler &) = delete;

  /// Threads that run tasks (Worker indexes are below this).
  unsigned workers() const;
  /// Only from one thread, the one that calls finish().
  void add(Task T);
  /// No more tasks: runs what is left, returns when every task is done.
  void finish();

private:
  struct State;
  std::unique_ptr<State> S;
};

} // namespace verguard::driver

#endif
