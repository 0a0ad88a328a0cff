//===- ShardMerge.h - shard reports made one run's --------------*- C++ -*-===//
//
// `verguard --shard K/N` analyzes one part of a tree; `verguard merge` reads
// the shards' JSON or SARIF reports back (both carry every field of every
// finding, suppressed finding and note, and the run's counts) and makes them
// the result of one run over the whole tree, which then gives the same
// report, summary and exit code as a single run.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_DRIVER_SHARDMERGE_H
#define VERGUARD_DRIVER_SHARDMERGE_H

#include "core/Profile.h"
#include "driver/Driver.h"

#include "llvm/Support/Error.h"

namespace verguard::driver {

/// One report as the run that wrote it found it (no file contents). Its
/// relative paths are taken relative to Root. An unreadable file, another
/// tool's report, a field missing or of the wrong type, a SARIF report
/// truncated at --sarif-max-results or a report written with --baseline is
/// an error naming the file.
llvm::Expected<RunResult> readReport(llvm::StringRef Path, llvm::StringRef Root,
                                     const core::ProfileSet &Profiles);

/// The shards' results as one run's: counts added up, a finding that
/// several shards found (a header included from files of both) once, the
/// notes deduplicated, everything in the order of a single run.
RunResult mergeRuns(std::vector<RunResult> Shards);

} // namespace verguard::driver

#endif
