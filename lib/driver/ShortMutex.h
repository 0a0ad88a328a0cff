//===- ShortMutex.h - a lock held for a table lookup ------------*- C++ -*-===//
//
// The tables every file of a tree consults (where a quoted include is found,
// what a header holds, the stamps of dependencies) are looked up tens of
// thousands of times per run, each for well under a microsecond. With a
// plain mutex, two workers that meet there put one to sleep and wake it
// again (thousands of context switches in a cold audit at -j 2, a tenth of
// its time); this one spins a little first, as glibc's adaptive mutex does,
// and sleeps only if the holder takes longer.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_DRIVER_SHORTMUTEX_H
#define VERGUARD_DRIVER_SHORTMUTEX_H

#include <mutex>

#if defined(__GLIBC__)
#include <pthread.h>
#endif

namespace verguard::driver {

#if defined(__GLIBC__)
class ShortMutex {
public:
  ShortMutex() {
    pthread_mutexattr_t A;
    pthread_mutexattr_init(&A);
    pthread_mutexattr_settype(&A, PTHREAD_MUTEX_ADAPTIVE_NP);
    pthread_mutex_init(&M, &A);
    pthread_mutexattr_destroy(&A);
  }
  ~ShortMutex() { pthread_mutex_destroy(&M); }
  ShortMutex(const ShortMutex &) = delete;
  ShortMutex &operator=(const ShortMutex &) = delete;
  void lock() { pthread_mutex_lock(&M); }
  bool try_lock() { return pthread_mutex_trylock(&M) == 0; }
  void unlock() { pthread_mutex_unlock(&M); }

private:
  pthread_mutex_t M;
};
#else
using ShortMutex = std::mutex;
#endif

} // namespace verguard::driver

#endif
