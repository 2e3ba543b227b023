#include "tools/bench/usage_workload.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "absl/strings/str_cat.h"
#include "tools/demo/usage_csv_export.h"

namespace wp::bench {
namespace {

namespace v1 = wp::westos::v1;

// A CSV file written in large pieces.
class CsvFile {
 public:
  static absl::StatusOr<std::unique_ptr<CsvFile>> Create(const std::string& path) {
    FILE* f = std::fopen(path.c_str(), "w");
    if (f == nullptr) return absl::InternalError(absl::StrCat("cannot write ", path, ": ", std::strerror(errno)));
    auto file = std::unique_ptr<CsvFile>(new CsvFile(f));
    file->buffer_ = demo::UsageCsvHeader();
    return file;
  }
  ~CsvFile() {
    if (f_ != nullptr) std::fclose(f_);
  }

  void Add(const v1::UsageEvent& event) {
    demo::AppendUsageCsvRow(event, &buffer_);
    if (buffer_.size() > (8u << 20)) Flush();
  }
  absl::Status Close() {
    Flush();
    const bool ok = !std::ferror(f_) && std::fclose(f_) == 0;
    f_ = nullptr;
    return ok ? absl::OkStatus() : absl::InternalError("cannot write a workload CSV file");
  }

 private:
  explicit CsvFile(FILE* f) : f_(f) {}
  void Flush() {
    std::fwrite(buffer_.data(), 1, buffer_.size(), f_);
    buffer_.clear();
  }

  FILE* f_;
  std::string buffer_;
};

void Append(const v1::UsageEvent& event, int batch_size, UsagePass* pass) {
  if (pass->batches.empty() || pass->batches.back().events_size() >= batch_size) {
    pass->batches.emplace_back();
    pass->batches.back().mutable_events()->Reserve(batch_size);
  }
  *pass->batches.back().add_events() = event;
  ++pass->events;
}

}  // namespace

absl::StatusOr<UsageWorkload> BuildUsageWorkload(const UsageWorkloadSettings& s) {
  if (s.resend_fraction <= 0 || s.resend_fraction > 1 || s.conflict_every < 1 || s.batch_size < 1) {
    return absl::InvalidArgumentError("resend_fraction must be in (0, 1], conflict_every and batch_size >= 1");
  }
  auto first_csv = CsvFile::Create(s.first_csv_path);
  if (!first_csv.ok()) return first_csv.status();
  auto second_csv = CsvFile::Create(s.second_csv_path);
  if (!second_csv.ok()) return second_csv.status();

  UsageWorkload w;
  w.first_day = s.usage.first_day;
  w.last_day = s.usage.first_day + (s.usage.days - 1);
  const int64_t resend_every = std::max<int64_t>(1, static_cast<int64_t>(1.0 / s.resend_fraction + 0.5));
  int64_t n = 0, resent = 0;
  v1::UsageEvent changed;
  demo::GenerateUsage(s.usage, [&](const v1::UsageEvent& event) {
    Append(event, s.batch_size, &w.first);
    (*first_csv)->Add(event);
    if (n++ % resend_every != 0) return;
    if (++resent % s.conflict_every == 0) {
      changed = event;
      changed.set_seconds(event.seconds() + 1);
      Append(changed, s.batch_size, &w.second);
      (*second_csv)->Add(changed);
      ++w.conflicts;
    } else {
      Append(event, s.batch_size, &w.second);
      (*second_csv)->Add(event);
    }
  });
  if (absl::Status st = (*first_csv)->Close(); !st.ok()) return st;
  if (absl::Status st = (*second_csv)->Close(); !st.ok()) return st;
  return w;
}

}  // namespace wp::bench
