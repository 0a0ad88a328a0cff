//===- Scheduler.cpp ------------------------------------------------------===//
#include "driver/Scheduler.h"

#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <vector>

namespace verguard::driver {

struct Scheduler::State {
  unsigned Jobs;
  unsigned Workers = 1;
  ProgressFn Progress;
  std::mutex ProgressLock;
  size_t Added = 0, Done = 0, FindingsSoFar = 0, Total = 0; // 0: adding
  // Tasks are taken in batches in a large tree: most take microseconds,
  // and a queue's lock and wake-up per task cost more.
  using Batch = std::vector<Task>;
  Batch Pending;
  struct {
    std::mutex M;
    std::condition_variable Ready;
    std::deque<Batch> Batches;
    bool Closed = false;
  } Queue;
  struct Postponed {
    uint64_t Key; // larger: run earlier
    Task T;
  };
  struct {
    std::mutex M;
    std::condition_variable Open;
    std::vector<Postponed> Items;
    size_t Next = 0;
    unsigned Busy = 0;  // threads still in the first pass
    unsigned Early = 0; // threads running a postponed task in it
  } Second;
  std::optional<llvm::DefaultThreadPool> Pool;

  void finished(size_t Findings) {
    if (!Progress)
      return;
    std::lock_guard<std::mutex> G(ProgressLock);
    FindingsSoFar += Findings;
    Progress(++Done, Total, FindingsSoFar);
  }

  void runTask(Task &T, unsigned Worker, bool Defer) {
    TaskStep Step = T(Worker, Defer);
    if (Step.Postpone) {
      std::lock_guard<std::mutex> G(Second.M);
      Second.Items.push_back({*Step.Postpone, std::move(T)});
      return;
    }
    finished(Step.Findings);
  }

  // The second pass, for each thread: wait for the others to finish the
  // first (they may still postpone tasks), then take tasks one by one.
  void secondPass(unsigned Worker) {
    {
      std::unique_lock<std::mutex> L(Second.M);
      if (--Second.Busy == 0) {
        // The list's order is the threads' (no result depends on it).
        std::stable_sort(Second.Items.begin(), Second.Items.end(),
                         [](const Postponed &A, const Postponed &B) {
                           return A.Key > B.Key;
                         });
        Second.Open.notify_all();
      } else {
        Second.Open.wait(L, [&] { return Second.Busy == 0; });
      }
    }
    while (true) {
      Task T;
      {
        std::lock_guard<std::mutex> L(Second.M);
        if (Second.Next == Second.Items.size())
          break;
        T = std::move(Second.Items[Second.Next++].T);
      }
      TaskStep Step = T(Worker, /*Defer=*/false);
      finished(Step.Findings);
    }
  }

  // During the first pass, all threads but one may start a postponed task
  // (the largest so far): a long parse left for the end would run alone
  // while the others wait, and the many short tasks fill the other thread.
  bool runEarly(unsigned Worker) {
    Task T;
    {
      std::lock_guard<std::mutex> L(Second.M);
      if (Second.Items.empty() || Second.Early + 1 >= Workers)
        return false;
      auto Max = std::max_element(
          Second.Items.begin(), Second.Items.end(),
          [](const Postponed &A, const Postponed &B) { return A.Key < B.Key; });
      T = std::move(Max->T);
      *Max = std::move(Second.Items.back());
      Second.Items.pop_back();
      ++Second.Early;
    }
    TaskStep Step = T(Worker, /*Defer=*/false);
    finished(Step.Findings);
    std::lock_guard<std::mutex> L(Second.M);
    --Second.Early;
    return true;
  }

  void consume(unsigned Worker) {
    while (true) {
      while (runEarly(Worker)) {
      }
      Batch B;
      {
        std::unique_lock<std::mutex> L(Queue.M);
        Queue.Ready.wait(
            L, [&] { return !Queue.Batches.empty() || Queue.Closed; });
        if (Queue.Batches.empty())
          break;
        B = std::move(Queue.Batches.front());
        Queue.Batches.pop_front();
      }
      for (Task &T : B)
        runTask(T, Worker, /*Defer=*/true);
    }
    secondPass(Worker);
  }

  void submit() {
    if (Pending.empty())
      return;
    {
      std::lock_guard<std::mutex> L(Queue.M);
      Queue.Batches.push_back(std::move(Pending));
    }
    Queue.Ready.notify_one();
    Pending.clear();
  }
};

Scheduler::Scheduler(unsigned Jobs, ProgressFn Progress)
    : S(std::make_unique<State>()) {
  S->Jobs = Jobs ? Jobs : llvm::hardware_concurrency().compute_thread_count();
  S->Progress = std::move(Progress);
  if (S->Jobs > 1) {
    S->Pool.emplace(llvm::hardware_concurrency(S->Jobs - 1));
    // One task per pool thread, never more: every thread waits at the end
    // of the first pass for all the others, so a task queued behind
    // another on the same thread would never start.
    S->Second.Busy = 1 + std::min(S->Jobs - 1, S->Pool->getMaxConcurrency());
    S->Workers = S->Second.Busy;
    for (unsigned I = 1; I < S->Workers; ++I)
      S->Pool->async([this, I] { S->consume(I); });
  }
}

Scheduler::~Scheduler() {
  if (S->Pool && !S->Queue.Closed)
    finish();
}

unsigned Scheduler::workers() const { return S->Workers; }

void Scheduler::add(Task T) {
  ++S->Added;
  if (!S->Pool) {
    TaskStep Step = T(0, /*Defer=*/false);
    S->finished(Step.Findings);
    return;
  }
  // One at a time at first: a handful of files (a pre-commit hook, a list)
  // would otherwise all land on one worker.
  S->Pending.push_back(std::move(T));
  if (S->Pending.size() == (S->Added <= 512 ? 1u : 32u))
    S->submit();
}

void Scheduler::finish() {
  if (S->Pool) {
    S->submit();
    {
      std::lock_guard<std::mutex> L(S->Queue.M);
      S->Queue.Closed = true;
    }
    S->Queue.Ready.notify_all();
  }
  if (S->Progress) {
    std::lock_guard<std::mutex> G(S->ProgressLock);
    S->Total = S->Added;
    if (S->Done == S->Total) // all finished while adding
      S->Progress(S->Done, S->Total, S->FindingsSoFar);
  }
  if (S->Pool) {
    S->consume(0);
    S->Pool->wait();
  }
}

} // namespace verguard::driver
