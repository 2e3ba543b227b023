// `wpctl outbox dead-letters|redrive`: the events a service's outbox moved
// aside because the bus refused them for good (libs/bus/outbox_admin_service.h).
// Admins only; --service picks whose outbox (workstreams by default).
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "libs/status/status_macros.h"
#include "tools/wpctl/commands.h"
#include "wp/common/v1/outbox.grpc.pb.h"

namespace wp::wpctl {
namespace {

namespace common = ::wp::common::v1;
using Stub = common::OutboxAdminService::Stub;

absl::StatusOr<std::unique_ptr<Stub>> StubFor(const CommandEnv& env, const Args& args) {
  WP_ASSIGN_OR_RETURN(std::shared_ptr<grpc::Channel> channel, ServiceChannel(env, args));
  return common::OutboxAdminService::NewStub(channel);
}

std::string TimeText(const google::protobuf::Timestamp& t) {
  return absl::FormatTime("%Y-%m-%d %H:%M:%S", absl::FromUnixSeconds(t.seconds()), absl::UTCTimeZone());
}

std::string DeadLettersText(const common::ListDeadLettersResponse& all) {
  if (all.dead_letters().empty()) return "No dead letters: every event was published.\n";
  std::string out = absl::StrFormat("%-8s %-20s %-40s %9s  %s\n", "SEQ", "FAILED (UTC)", "SUBJECT",
                                    "BYTES", "REASON");
  for (const common::DeadLetter& d : all.dead_letters()) {
    absl::StrAppendFormat(&out, "%-8d %-20s %-40s %9d  %s\n", d.seq(), TimeText(d.fail_time()),
                          d.subject(), d.payload_bytes(), d.reason());
  }
  absl::StrAppend(&out, all.dead_letters_size(), " dead letters; re-drive with "
                  "'wpctl outbox redrive SEQ...' once the cause is fixed.\n");
  return out;
}

}  // namespace

CommandResult OutboxDeadLetters(const CommandEnv& env, const Args& args) {
  absl::StatusOr<std::unique_ptr<Stub>> stub = StubFor(env, args);
  if (!stub.ok()) return stub.status();
  common::ListDeadLettersRequest request;
  auto all = env.client->CallAllPages(stub->get(), &Stub::ListDeadLetters, request);
  if (!all.ok()) return all.status();
  return Print(env, *all, DeadLettersText(*all));
}

CommandResult OutboxRedrive(const CommandEnv& env, const Args& args) {
  absl::StatusOr<std::unique_ptr<Stub>> stub = StubFor(env, args);
  if (!stub.ok()) return stub.status();
  common::RedriveDeadLettersRequest request;
  request.set_all(args.Has("all"));
  for (const std::string& word : args.positional) {
    int64_t seq = 0;
    if (!absl::SimpleAtoi(word, &seq) || seq <= 0) {
      return absl::InvalidArgumentError(absl::StrCat("\"", word, "\" is not a dead letter's SEQ"));
    }
    request.add_seqs(seq);
  }
  auto done = env.client->Call(stub->get(), &Stub::RedriveDeadLetters, request);
  if (!done.ok()) return done.status();
  return Print(env, *done, absl::StrCat(done->redriven(), " dead letters back in the outbox.\n"));
}

}  // namespace wp::wpctl
