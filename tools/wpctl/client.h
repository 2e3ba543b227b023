// The connections to the services: one channel per service of the list
// Services() (workstreams with its two stubs, governance with its two), and
// per-call contexts carrying the bearer token and a deadline. Channels
// connect on first use, so a command only needs the service it calls.
// Call() and CallAllPages() turn grpc::Status into absl::Status with the field
// violations kept (libs/status). Not thread-safe to configure; calls may be
// made from any thread, as with any gRPC stub.
#ifndef WP_TOOLS_WPCTL_CLIENT_H_
#define WP_TOOLS_WPCTL_CLIENT_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/status/status.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "grpcpp/channel.h"
#include "grpcpp/client_context.h"
#include "libs/status/grpc_status.h"
#include "wp/governance/v1/governance.grpc.pb.h"
#include "wp/governance/v1/plans.grpc.pb.h"
#include "wp/workstreams/v1/networks.grpc.pb.h"
#include "wp/workstreams/v1/projects.grpc.pb.h"
#include "wp/workstreams/v1/workstreams.grpc.pb.h"

namespace wp::wpctl {

namespace v1 = ::wp::workstreams::v1;
namespace gov = ::wp::governance::v1;

// A service wpctl talks to: its name (as `--service` and the commands name
// it), the global option that sets its address (also WP_<OPTION>, e.g.
// WP_GOVERNANCE_SERVER) and its default address.
struct ServiceAddress {
  const char* service;
  const char* option;
  const char* default_address;
};

// Every service wpctl talks to; a new service is one entry (client.cc).
const std::vector<ServiceAddress>& Services();
// The entry named `service`, or nullptr.
const ServiceAddress* FindService(absl::string_view service);

struct ClientOptions {
  // host:port of each service by name (Services()); a service not named here
  // gets its default address.
  std::map<std::string, std::string> addresses;
  std::string token;   // sent as "authorization: Bearer <token>"; omitted when empty
  std::string tls_ca_file;  // PEM CA to trust; plaintext when empty
  // Per call; absl::InfiniteDuration() (or zero) for no deadline.
  absl::Duration timeout = absl::Seconds(30);
};

// A fresh request id for a call that adds something (random, 128 bits).
std::string NewRequestId();

// The "wp-replay-of" trailing metadata of a finished call ("" when absent):
// what the service had already recorded under the call's request id.
std::string ReplayOf(const grpc::ClientContext& context);

class Client {
 public:
  static constexpr int kIdempotentAttempts = 4;

  // NOT_FOUND when the CA file cannot be read.
  static absl::StatusOr<Client> Create(ClientOptions options);

  v1::WorkstreamsService::Stub* workstreams() { return workstreams_.get(); }
  v1::NetworksService::Stub* networks() { return networks_.get(); }
  v1::ProjectsService::Stub* projects() { return projects_.get(); }
  gov::GovernanceService::Stub* governance() { return governance_.get(); }
  gov::PlansService::Stub* plans() { return plans_.get(); }
  const ClientOptions& options() const { return options_; }
  // The channel to a service of Services() by name (nullptr for another
  // name), for the services every process serves besides its own (audit,
  // outbox, health).
  std::shared_ptr<grpc::Channel> channel(absl::string_view service) const;
  // Where `service` is reached ("" for a name not in Services()).
  std::string address(absl::string_view service) const;
  std::shared_ptr<grpc::Channel> workstreams_channel() const { return channel("workstreams"); }
  std::shared_ptr<grpc::Channel> governance_channel() const { return channel("governance"); }

  // Sets the bearer token and the deadline on a fresh context.
  void Prepare(grpc::ClientContext* context) const;

  // One unary call, e.g. Call(client.workstreams(), &Stub::GetWorkstream, request).
  // `replay_of`, when given, gets the resource the service says the call's
  // request id had already recorded (its "wp-replay-of" metadata), or "".
  template <typename Stub, typename Request, typename Response>
  absl::StatusOr<Response> Call(Stub* stub,
                                grpc::Status (Stub::*rpc)(grpc::ClientContext*, const Request&,
                                                          Response*),
                                const Request& request, std::string* replay_of = nullptr) const {
    grpc::ClientContext context;
    Prepare(&context);
    Response response;
    grpc::Status status = (stub->*rpc)(&context, request, &response);
    if (!status.ok()) return FromGrpcStatus(status);
    if (replay_of != nullptr) *replay_of = ReplayOf(context);
    return response;
  }

  // A unary call that carries a request_id, so that sending it again cannot
  // apply it twice: retried with the same request on UNAVAILABLE (the
  // service may have applied it before the connection dropped) a few times,
  // with a short pause. `replay_of` as for Call: set when this call (or the
  // user's own earlier one) had already been recorded.
  template <typename Stub, typename Request, typename Response>
  absl::StatusOr<Response> CallIdempotent(Stub* stub,
                                          grpc::Status (Stub::*rpc)(grpc::ClientContext*,
                                                                    const Request&, Response*),
                                          const Request& request,
                                          std::string* replay_of = nullptr) const {
    absl::StatusOr<Response> result = Call(stub, rpc, request, replay_of);
    for (int attempt = 1; attempt < kIdempotentAttempts && absl::IsUnavailable(result.status());
         ++attempt) {
      absl::SleepFor(absl::Milliseconds(250) * attempt);
      result = Call(stub, rpc, request, replay_of);
    }
    return result;
  }

  // Every page of a List call, following next_page_token; the pages'
  // repeated fields are concatenated (MergeFrom appends repeated fields).
  template <typename Stub, typename Request, typename Response>
  absl::StatusOr<Response> CallAllPages(Stub* stub,
                                        grpc::Status (Stub::*rpc)(grpc::ClientContext*,
                                                                  const Request&, Response*),
                                        Request request) const {
    Response all;
    while (true) {
      absl::StatusOr<Response> page = Call(stub, rpc, request);
      if (!page.ok()) return page.status();
      all.MergeFrom(*page);
      if (page->next_page_token().empty()) break;
      // A token that does not move would page forever.
      if (page->next_page_token() == request.page_token()) {
        return absl::InternalError(
            absl::StrCat("the server returned the same page token twice: ", request.page_token()));
      }
      request.set_page_token(page->next_page_token());
    }
    all.clear_next_page_token();
    return all;
  }

 private:
  Client() = default;
  ClientOptions options_;
  std::map<std::string, std::shared_ptr<grpc::Channel>, std::less<>> channels_;
  std::unique_ptr<v1::WorkstreamsService::Stub> workstreams_;
  std::unique_ptr<v1::NetworksService::Stub> networks_;
  std::unique_ptr<v1::ProjectsService::Stub> projects_;
  std::unique_ptr<gov::GovernanceService::Stub> governance_;
  std::unique_ptr<gov::PlansService::Stub> plans_;
};

}  // namespace wp::wpctl

#endif  // WP_TOOLS_WPCTL_CLIENT_H_
