// wp-bench-import-memory: the peak memory of one tracker import, in process,
// on a fresh SQLite file. It builds a file of --mb megabytes in one of these
// shapes and imports it with TrackerImporter, then prints the peak resident
// size (VmHWM) before and after the import and the largest progress message:
//   one-line  "Ref,Task,Status,x,x,..." with no line break (one huge header)
//   long-row  a header, then one data row of --mb megabytes of short cells
//   bad-rows  a header, then short rows that are all rejected (bad ref)
//
//   wp-bench-import-memory --shape=one-line --mb=31
//   /usr/bin/time -v wp-bench-import-memory --shape=one-line --mb=31
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "libs/store/sqlite_database.h"
#include "libs/testing/server_process.h"
#include "services/workstreams/migrations.h"
#include "services/workstreams/tracker.h"
#include "services/workstreams/tracker_import.h"

ABSL_FLAG(std::string, shape, "one-line", "one-line, long-row or bad-rows");
ABSL_FLAG(int, mb, 31, "size of the file in megabytes");

namespace {

// Peak resident set size of this process so far, in kB (from /proc).
long PeakKb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

std::string MakeFile(const std::string& shape, size_t bytes) {
  std::string file;
  file.reserve(bytes + 64);
  if (shape == "one-line") {
    file = "Ref,Task,Status";
    while (file.size() < bytes) file += ",x";
  } else if (shape == "long-row") {
    file = "Ref,Task,Status\n1.1,A task,On track";
    while (file.size() < bytes) file += ",x";
  } else {
    file = "Ref,Task,Status\n";
    while (file.size() < bytes) file += "x.1,A task,On track\n";
  }
  return file;
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  using namespace wp;  // NOLINT: a small program
  const std::string dir = testing::MakeTempDir("wp-bench-import");
  auto db = store::OpenSqlite({dir + "/workstreams.db", 2}, workstreams::Migrations());
  if (!db.ok()) {
    std::fprintf(stderr, "%s\n", db.status().ToString().c_str());
    return 1;
  }
  server::Caller caller;
  caller.actor = "bench";
  caller.role = "officer";
  workstreams::Tracker tracker(**db);
  workstreams::v1::CreateWorkstreamRequest ws;
  ws.mutable_workstream()->set_plan_period("2018-21");
  ws.mutable_workstream()->set_number(1);
  ws.mutable_workstream()->set_title("Workstream 1");
  if (auto created = tracker.CreateWorkstream(caller, ws); !created.ok()) {
    std::fprintf(stderr, "%s\n", created.status().ToString().c_str());
    return 1;
  }

  workstreams::v1::ImportTrackerRequest request;
  request.set_plan_period("2018-21");
  request.set_content(
      MakeFile(absl::GetFlag(FLAGS_shape), static_cast<size_t>(absl::GetFlag(FLAGS_mb)) << 20));
  const long before = PeakKb();

  workstreams::TrackerImporter importer(**db);
  size_t messages = 0, largest = 0;
  workstreams::v1::ImportTrackerProgress last;
  const absl::Status s = importer.Import(caller, request, [&](const auto& progress) {
    ++messages;
    largest = std::max(largest, progress.ByteSizeLong());
    last = progress;
    return true;
  });
  const long after = PeakKb();
  std::printf("shape %s, file %zu bytes\n", absl::GetFlag(FLAGS_shape).c_str(),
              request.content().size());
  std::printf("import: %s; %zu messages, largest %zu bytes; rows %d, rejected %d\n",
              s.ok() ? "OK" : std::string(s.message().substr(0, 200)).c_str(), messages, largest,
              last.total_rows(), last.rejected());
  std::printf("peak RSS (VmHWM): %ld kB before the import, %ld kB after (+%ld kB)\n", before,
              after, after - before);
  db->reset();
  std::filesystem::remove_all(dir);
  return 0;
}
