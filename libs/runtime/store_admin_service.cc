#include "libs/runtime/store_admin_service.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "libs/audit/audit_log.h"
#include "libs/calendar/timestamps.h"
#include "libs/log/log.h"
#include "libs/status/field_errors.h"
#include "libs/status/grpc_status.h"
#include "libs/status/status_macros.h"
#include "libs/store/backup.h"
#include "libs/trace/trace_context.h"
#include "libs/validation/request_check.h"

namespace wp::runtime {
namespace {

namespace fs = std::filesystem;
namespace v1 = wp::common::v1;

constexpr size_t kMaxLabel = 32;
// ListBackups shows at most this many (the newest).
constexpr size_t kMaxListed = 10000;

v1::Backup BackupOf(const store::StoreFile& file) {
  v1::Backup out;
  out.set_name(fs::path(file.path).filename().string());
  out.set_path(file.path);
  out.set_bytes(file.bytes);
  out.set_last_outbox_seq(file.last_outbox_seq);
  out.set_store_id(file.store_id);
  struct stat info;
  if (::stat(file.path.c_str(), &info) == 0) {
    *out.mutable_create_time() = calendar::TimestampOf(absl::FromUnixSeconds(info.st_mtime));
  }
  return out;
}

}  // namespace

absl::StatusOr<std::string> BackupFileName(absl::string_view service, absl::string_view label,
                                           absl::Time now) {
  if (label.size() > kMaxLabel) {
    return InvalidField("label", absl::StrCat("at most ", kMaxLabel, " characters"));
  }
  for (char c : label) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
      return InvalidField("label", "only a-z, 0-9 and '-'");
    }
  }
  return absl::StrCat(service, "-", absl::FormatTime("%Y%m%dT%H%M%SZ", now, absl::UTCTimeZone()),
                      label.empty() ? "" : "-", label, ".db");
}

StoreAdminGrpc::StoreAdminGrpc(store::Database& db, std::string service, std::string backup_dir,
                               AuthorizeStoreAdminFn authorize)
    : db_(db),
      service_(std::move(service)),
      backup_dir_(std::move(backup_dir)),
      authorize_(std::move(authorize)) {}

absl::StatusOr<v1::Backup> StoreAdminGrpc::TakeBackup(const server::Caller& caller,
                                                      const v1::BackupStoreRequest& request) {
  const absl::Time now = absl::Now();
  WP_ASSIGN_OR_RETURN(const std::string name, BackupFileName(service_, request.label(), now));
  if (!backup_mu_.TryLock()) {
    return absl::FailedPreconditionError("a backup of this store is running; try again when it is done");
  }
  absl::StatusOr<store::BackupResult> backup = [&]() -> absl::StatusOr<store::BackupResult> {
    std::error_code error;
    fs::create_directories(backup_dir_, error);
    if (error) {
      return absl::UnavailableError(absl::StrCat("cannot create ", backup_dir_, ": ", error.message()));
    }
    return store::BackupTo(db_, absl::StrCat(backup_dir_, "/", name));
  }();
  backup_mu_.Unlock();
  if (!backup.ok()) {
    log::Warn("store backup failed", {{"name", name}, {"error", std::string(backup.status().message())}});
    return backup.status();
  }
  const std::string summary =
      absl::StrCat("backed up ", backup->file.bytes, " bytes at outbox position ",
                   backup->file.last_outbox_seq, " in ", absl::FormatDuration(backup->took));
  WP_RETURN_IF_ERROR(db_.Write([&](store::Transaction& tx) {
    return audit::RecordAudit(tx, audit::EntryFor(caller, absl::StrCat("backups/", name), summary, now));
  }));
  log::Info("store backed up", {{"name", name}, {"summary", summary}, {"actor", caller.actor}});
  v1::Backup out = BackupOf(backup->file);
  *out.mutable_create_time() = calendar::TimestampOf(now);
  out.mutable_duration()->set_seconds(absl::ToInt64Seconds(backup->took));
  out.mutable_duration()->set_nanos(
      static_cast<int32_t>(absl::ToInt64Nanoseconds(backup->took % absl::Seconds(1))));
  return out;
}

absl::StatusOr<v1::ListBackupsResponse> StoreAdminGrpc::List() const {
  v1::ListBackupsResponse response;
  std::error_code error;
  if (!fs::exists(backup_dir_, error)) return response;
  std::vector<std::string> names;
  for (fs::directory_iterator it(backup_dir_, error), end; !error && it != end; it.increment(error)) {
    const std::string name = it->path().filename().string();
    // "<service>-...db": a backup of this service; "*.db.partial" is one being written.
    if (it->is_regular_file(error) && absl::StartsWith(name, service_ + "-") &&
        absl::EndsWith(name, ".db")) {
      names.push_back(name);
    }
  }
  if (error) return absl::UnavailableError(absl::StrCat("cannot list ", backup_dir_, ": ", error.message()));
  // The names carry the time: in name order is oldest first.
  std::sort(names.begin(), names.end());
  if (names.size() > kMaxListed) names.erase(names.begin(), names.end() - kMaxListed);
  for (const std::string& name : names) {
    const std::string path = absl::StrCat(backup_dir_, "/", name);
    absl::StatusOr<store::StoreFile> file = store::InspectStoreFile(path, store::FileCheck::kNone);
    if (!file.ok()) {
      // Still listed, so it can be looked at; nothing read from it.
      store::StoreFile unread;
      unread.path = path;
      unread.bytes = static_cast<int64_t>(fs::file_size(path, error));
      file = unread;
    }
    *response.add_backups() = BackupOf(*file);
  }
  return response;
}

grpc::Status StoreAdminGrpc::BackupStore(grpc::ServerContext* context,
                                         const v1::BackupStoreRequest* request, v1::Backup* response) {
  absl::StatusOr<server::Caller> caller = authorize_(*context);
  if (!caller.ok()) return ToGrpcStatus(caller.status());
  trace::Scope trace({caller->trace_id, caller->traceparent});  // log lines carry it
  if (absl::Status s = validation::CheckRequest(*request); !s.ok()) return ToGrpcStatus(s);
  absl::StatusOr<v1::Backup> result = TakeBackup(*caller, *request);
  if (!result.ok()) return ToGrpcStatus(result.status());
  *response = *std::move(result);
  return grpc::Status::OK;
}

grpc::Status StoreAdminGrpc::ListBackups(grpc::ServerContext* context,
                                         const v1::ListBackupsRequest* request,
                                         v1::ListBackupsResponse* response) {
  absl::StatusOr<server::Caller> caller = authorize_(*context);
  if (!caller.ok()) return ToGrpcStatus(caller.status());
  trace::Scope trace({caller->trace_id, caller->traceparent});  // log lines carry it
  if (absl::Status s = validation::CheckRequest(*request); !s.ok()) return ToGrpcStatus(s);
  absl::StatusOr<v1::ListBackupsResponse> result = List();
  if (!result.ok()) return ToGrpcStatus(result.status());
  *response = *std::move(result);
  return grpc::Status::OK;
}

}  // namespace wp::runtime
