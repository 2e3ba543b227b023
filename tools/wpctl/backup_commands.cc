// `wpctl backup create|list`: online backups of a service's own store
// (libs/runtime/store_admin_service.h), written on the service's machine to
// <data_dir>/backups/. Admins only; --service names whose store. Restoring is
// a start-up flag of the service itself (--restore_from, docs/operations.md).
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/time.h"
#include "libs/status/status_macros.h"
#include "tools/wpctl/commands.h"
#include "wp/common/v1/store_admin.grpc.pb.h"

namespace wp::wpctl {
namespace {

namespace common = ::wp::common::v1;
using Stub = common::StoreAdminService::Stub;

absl::StatusOr<std::unique_ptr<Stub>> StubFor(const CommandEnv& env, const Args& args) {
  WP_ASSIGN_OR_RETURN(std::shared_ptr<grpc::Channel> channel, ServiceChannel(env, args, /*required=*/true));
  return common::StoreAdminService::NewStub(channel);
}

std::string TimeText(const google::protobuf::Timestamp& t) {
  return absl::FormatTime("%Y-%m-%d %H:%M:%S", absl::FromUnixSeconds(t.seconds()), absl::UTCTimeZone());
}

std::string BackupsText(const common::ListBackupsResponse& all) {
  if (all.backups().empty()) return "No backups yet: take one with 'wpctl backup create'.\n";
  std::string out = absl::StrFormat("%-52s %-20s %12s %10s  %s\n", "NAME", "TAKEN (UTC)", "BYTES",
                                    "OUTBOX", "STORE");
  for (const common::Backup& b : all.backups()) {
    absl::StrAppendFormat(&out, "%-52s %-20s %12d %10d  %s\n", b.name(), TimeText(b.create_time()),
                          b.bytes(), b.last_outbox_seq(), b.store_id());
  }
  absl::StrAppend(&out, all.backups_size(), " backups in ",
                  all.backups(0).path().substr(0, all.backups(0).path().rfind('/')), "\n");
  return out;
}

}  // namespace

CommandResult BackupCreate(const CommandEnv& env, const Args& args) {
  absl::StatusOr<std::unique_ptr<Stub>> stub = StubFor(env, args);
  if (!stub.ok()) return stub.status();
  common::BackupStoreRequest request;
  request.set_label(args.Get("label", ""));
  auto backup = env.client->Call(stub->get(), &Stub::BackupStore, request);
  if (!backup.ok()) return backup.status();
  const absl::Duration took =
      absl::Seconds(backup->duration().seconds()) + absl::Nanoseconds(backup->duration().nanos());
  return Print(env, *backup,
               absl::StrCat("Backed up ", backup->bytes(), " bytes up to outbox position ",
                            backup->last_outbox_seq(), " in ", absl::FormatDuration(took), ":\n  ",
                            backup->path(), "\nRestore with the service stopped: start it once with "
                            "--restore_from=", backup->path(), "\n"));
}

CommandResult BackupList(const CommandEnv& env, const Args& args) {
  absl::StatusOr<std::unique_ptr<Stub>> stub = StubFor(env, args);
  if (!stub.ok()) return stub.status();
  auto all = env.client->Call(stub->get(), &Stub::ListBackups, common::ListBackupsRequest());
  if (!all.ok()) return all.status();
  return Print(env, *all, BackupsText(*all));
}

}  // namespace wp::wpctl
