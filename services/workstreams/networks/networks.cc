#include "services/workstreams/networks/networks.h"

#include <algorithm>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "libs/calendar/dates.h"
#include "libs/paging/page_bytes.h"
#include "libs/paging/keyset_page.h"
#include "libs/region/authorities.h"
#include "libs/status/field_errors.h"
#include "libs/status/status_macros.h"
#include "libs/store/create_once.h"
#include "libs/store/database.h"
#include "libs/text/blank.h"
#include "services/workstreams/events.h"
#include "services/workstreams/networks/network_store.h"
#include "services/workstreams/networks/network_watch.h"
#include "services/workstreams/plan_item_rules.h"
#include "services/workstreams/tracker_store.h"

namespace wp::workstreams {
namespace {

bool IsValidNetworkId(const std::string& id) {
  if (id.size() < 2 || id.size() > 63 || id.front() == '-' || id.back() == '-') return false;
  for (char c : id) {
    if (!(absl::ascii_islower(static_cast<unsigned char>(c)) ||
          absl::ascii_isdigit(static_cast<unsigned char>(c)) || c == '-')) {
      return false;
    }
  }
  return true;
}

absl::Status ParseNetworkName(const std::string& name, const std::string& field, std::string* id) {
  if (!absl::StartsWith(name, "networks/") || !IsValidNetworkId(name.substr(9))) {
    return InvalidField(field, "must be networks/{id}, e.g. networks/maths-leads");
  }
  *id = name.substr(9);
  return absl::OkStatus();
}

void AddViolations(const absl::Status& status, FieldViolations* v) {
  for (const auto& f : FieldViolationsOf(status)) v->Add(f.field, f.description);
}

void CheckCoordinator(const v1::Coordinator& c, const std::string& field, FieldViolations* v) {
  if (!region::IsAuthorityCode(c.authority())) {
    v->Add(field + ".authority", "must be one of EDC, ERC, GCC, INV, NLC, REN, SLC, WDC");
  }
  if (c.person().find('\n') != std::string::npos || c.person().size() > 200) {
    v->Add(field + ".person", "must be a single line of at most 200 bytes");
  }
  // The term: real days, and an end not before the start.
  const bool has_start = c.has_start_date();
  const bool has_end = c.has_term_end_date();
  const absl::Status start = has_start ? calendar::Validate(c.start_date(), field + ".start_date", false)
                                       : absl::OkStatus();
  const absl::Status end = has_end ? calendar::Validate(c.term_end_date(), field + ".term_end_date", false)
                                   : absl::OkStatus();
  AddViolations(start, v);
  AddViolations(end, v);
  if (has_start && has_end && start.ok() && end.ok() &&
      calendar::ToIsoText(c.term_end_date()) < calendar::ToIsoText(c.start_date())) {
    v->Add(field + ".term_end_date", absl::StrCat("must not be before start_date (", calendar::ToIsoText(c.start_date()), ")"));
  }
}

// A weekly cadence at most; 0 (on create only) means the default.
void CheckCadence(int per_year, bool zero_allowed, const std::string& field, FieldViolations* v) {
  if ((per_year == 0 && zero_allowed) || (per_year >= 1 && per_year <= 52)) return;
  v->Add(field, absl::StrCat("must be between 1 and 52 meetings a year, not ", per_year));
}

// The day to judge on: `as_of`, or today (UTC) when unset.
absl::StatusOr<absl::CivilDay> AsOfDay(const wp::common::v1::Date& as_of, bool has_as_of, const std::string& field) {
  if (!has_as_of) return UtcDay(absl::Now());
  WP_RETURN_IF_ERROR(calendar::Validate(as_of, field, false));
  return calendar::LastDayCovered(as_of);
}

int Gravity(v1::NetworkSustainabilityStatus status) {
  switch (status) {
    case v1::NETWORK_LAPSING: return 0;
    case v1::NETWORK_AT_RISK: return 1;
    case v1::NETWORK_HEALTHY: return 2;
    default: return 3;
  }
}

// Emits a NetworkChanged event with the network as stored now, judged today.
absl::StatusOr<v1::Network> EmitChanged(store::Transaction& tx, const server::Caller& caller,
                                        const SustainabilityRule& rule, const std::string& id,
                                        const std::string& verb) {
  WP_ASSIGN_OR_RETURN(auto stored, LoadJudgedNetwork(tx, rule, id, UtcDay(absl::Now())));
  v1::NetworkChanged event;
  *event.mutable_network() = stored;
  WP_RETURN_IF_ERROR(EmitEvent(tx, caller, "network", verb, stored.name(), event).status());
  return stored;
}

bool IsAuthorityOfficer(const server::Caller& caller) { return caller.role == "authority_officer"; }

// Everyone else acts for the whole region.
bool MayActFor(const server::Caller& caller, const std::string& authority) {
  if (!IsAuthorityOfficer(caller)) return true;
  return std::find(caller.authorities.begin(), caller.authorities.end(), authority) !=
         caller.authorities.end();
}

// Coordinators of other authorities are removed from what an authority
// officer reads (and their ending terms); counts and the rest stay visible.
void ScopeToCaller(const server::Caller& caller, v1::NetworkSustainability* sustainability) {
  if (!IsAuthorityOfficer(caller)) return;
  auto* ending = sustainability->mutable_ending_terms();
  for (int i = ending->size() - 1; i >= 0; --i) {
    if (!MayActFor(caller, ending->Get(i).authority())) ending->DeleteSubrange(i, 1);
  }
}

void ScopeToCaller(const server::Caller& caller, v1::Network* network) {
  if (!IsAuthorityOfficer(caller)) return;
  auto* coordinators = network->mutable_coordinators();
  for (int i = coordinators->size() - 1; i >= 0; --i) {
    if (!MayActFor(caller, coordinators->Get(i).authority())) coordinators->DeleteSubrange(i, 1);
  }
  ScopeToCaller(caller, network->mutable_sustainability());
}

}  // namespace

absl::Status ValidateActionPlan(const std::vector<std::string>& priorities, const std::string& field) {
  if (priorities.size() < 2 || priorities.size() > 3) {
    return InvalidField(field, absl::StrCat("an action plan has 2 or 3 priorities, not ", priorities.size()));
  }
  for (size_t i = 0; i < priorities.size(); ++i) {
    if (text::IsBlank(priorities[i]) || priorities[i].find('\n') != std::string::npos ||
        priorities[i].size() > 500) {
      return InvalidField(absl::StrCat(field, "[", i, "]"),
                          "must be a non-empty single line of at most 500 bytes");
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<v1::Network> Networks::Change(
    const server::Caller& caller, const std::string& id, const std::string& etag,
    const std::string& request_id, const std::string& verb, const std::function<absl::Status(store::Transaction&)>& apply) {
  const absl::Time now = absl::Now();
  return store::WriteValue<v1::Network>(db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::Network> {
    WP_ASSIGN_OR_RETURN(v1::Network current, LoadNetwork(tx, id));
    // Request ids are scoped by the change (verb).
    return store::CreateOnce<v1::Network>(
        tx, {verb, request_id, now},
        // A retry of a recorded request changes nothing: the network as it is now.
        /*replay=*/[&](const std::string&) -> absl::StatusOr<v1::Network> { return current; },
        /*create=*/[&]() -> absl::StatusOr<v1::Network> {
          const int64_t version = VersionOf(current.etag());
          WP_RETURN_IF_ERROR(CheckEtag(etag, version, current.name()));
          WP_RETURN_IF_ERROR(apply(tx));
          WP_RETURN_IF_ERROR(TouchNetwork(tx, id, version, now));
          WP_ASSIGN_OR_RETURN(v1::Network changed, EmitChanged(tx, caller, rule_, id, verb));
          WP_RETURN_IF_ERROR(PublishIfChanged(tx, caller, rule_, id, UtcDay(now)).status());
          return changed;
        });
  });
}

absl::StatusOr<v1::Network> Networks::Create(const server::Caller& caller,
                                             const v1::CreateNetworkRequest& request) {
  const v1::Network& network = request.network();
  FieldViolations v;
  if (!IsValidNetworkId(request.network_id())) {
    v.Add("network_id", "must be 2..63 lower-case letters, digits and hyphens");
  }
  if (text::IsBlank(network.title())) v.Add("network.title", "must not be empty");
  if (network.kind() == v1::NETWORK_KIND_UNSPECIFIED || !v1::NetworkKind_IsValid(network.kind())) {
    v.Add("network.kind", "is required");
  }
  std::string period;
  int number = 0;
  absl::Status owner = ParseWorkstreamName(network.owning_workstream(), "network.owning_workstream",
                                           &period, &number);
  for (const auto& f : FieldViolationsOf(owner)) v.Add(f.field, f.description);
  std::set<std::string> seen;
  for (int i = 0; i < network.coordinators_size(); ++i) {
    const std::string field = absl::StrCat("network.coordinators[", i, "]");
    CheckCoordinator(network.coordinators(i), field, &v);
    if (!seen.insert(network.coordinators(i).authority()).second) {
      v.Add(field + ".authority", "has a coordinator already: one per authority");
    }
  }
  CheckCadence(network.expected_meetings_per_year(), /*zero_allowed=*/true, "network.expected_meetings_per_year", &v);
  if (network.has_established_date()) {
    absl::Status established = calendar::Validate(network.established_date(), "network.established_date", false);
    AddViolations(established, &v);
    if (established.ok() && calendar::LastDayCovered(network.established_date()) > UtcDay(absl::Now())) {
      v.Add("network.established_date", "must not be in the future");
    }
  }
  if (network.priorities_size() > 0) {
    absl::Status plan = ValidateActionPlan({network.priorities().begin(), network.priorities().end()},
                                           "network.priorities");
    for (const auto& f : FieldViolationsOf(plan)) v.Add(f.field, f.description);
  }
  if (request.request_id().size() > 100) v.Add("request_id", "must be at most 100 bytes");
  WP_RETURN_IF_ERROR(v.ToStatus());

  const absl::Time now = absl::Now();
  return store::WriteValue<v1::Network>(db_, [&](store::Transaction& tx) {
    return store::CreateOnce<v1::Network>(
        tx, {"CreateNetwork", request.request_id(), now},
        /*replay=*/[&](const std::string& first) { return LoadNetwork(tx, first.substr(9)); },
        /*create=*/[&]() -> absl::StatusOr<v1::Network> {
          auto ws = LoadWorkstream(tx, period, number);
          if (absl::IsNotFound(ws.status())) {
            return absl::FailedPreconditionError(network.owning_workstream() + " does not exist");
          }
          if (!ws.ok()) return ws.status();
          WP_RETURN_IF_ERROR(InsertNetwork(tx, request.network_id(), network, period, number, now));
          WP_RETURN_IF_ERROR(RecordFirstStatus(tx, rule_, request.network_id(), UtcDay(now)));
          return EmitChanged(tx, caller, rule_, request.network_id(), "created");
        });
  });
}

absl::StatusOr<v1::Network> Networks::Get(const v1::GetNetworkRequest& request) {
  std::string id;
  WP_RETURN_IF_ERROR(ParseNetworkName(request.name(), "name", &id));
  WP_ASSIGN_OR_RETURN(absl::CivilDay day, AsOfDay(request.as_of(), request.has_as_of(), "as_of"));
  return store::ReadValue<v1::Network>(
      db_, [&](store::Transaction& tx) { return LoadJudgedNetwork(tx, rule_, id, day); });
}

absl::StatusOr<v1::ListNetworksResponse> Networks::List(const v1::ListNetworksRequest& request) {
  std::string period;
  int number = 0;
  if (!request.owning_workstream().empty()) {
    WP_RETURN_IF_ERROR(ParseWorkstreamName(request.owning_workstream(), "owning_workstream", &period, &number));
  }
  if (!v1::NetworkKind_IsValid(request.kind())) return InvalidField("kind", "is not a network kind");
  WP_ASSIGN_OR_RETURN(auto page_size, paging::PageSize(request.page_size(), 100, 1000));
  WP_ASSIGN_OR_RETURN(paging::PageKey after, paging::DecodePageKey(request.page_token(), 1));
  return store::ReadValue<v1::ListNetworksResponse>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::ListNetworksResponse> {
        WP_ASSIGN_OR_RETURN(auto list,
                            ListNetworks(tx, period, number, request.kind(), after.Text(0), page_size + 1));
        const absl::CivilDay today = UtcDay(absl::Now());
        for (v1::Network& n : list) {
          WP_ASSIGN_OR_RETURN(auto days, LoadMeetingDays(tx, n.name().substr(9)));
          *n.mutable_sustainability() = rule_.Evaluate(n, days, today);
        }
        v1::ListNetworksResponse response;
        response.set_next_page_token(paging::FillPage(
            list, page_size, response.mutable_networks(),
            [](const v1::Network& n) { return paging::KeyOf(n.name().substr(9)); }));
        return response;
      });
}

absl::StatusOr<v1::Network> Networks::Get(const server::Caller& caller,
                                          const v1::GetNetworkRequest& request) {
  absl::StatusOr<v1::Network> network = Get(request);
  if (network.ok()) ScopeToCaller(caller, &*network);
  return network;
}

absl::StatusOr<v1::ListNetworksResponse> Networks::List(const server::Caller& caller,
                                                        const v1::ListNetworksRequest& request) {
  absl::StatusOr<v1::ListNetworksResponse> response = List(request);
  if (response.ok()) {
    for (v1::Network& network : *response->mutable_networks()) ScopeToCaller(caller, &network);
  }
  return response;
}

absl::StatusOr<v1::Network> Networks::SetCoordinator(const server::Caller& caller,
                                                     const v1::SetCoordinatorRequest& request) {
  std::string id;
  WP_RETURN_IF_ERROR(ParseNetworkName(request.name(), "name", &id));
  // Checked before the scope, so a refusal only ever names a real authority
  // code, never whatever (huge, binary) text the request sent.
  FieldViolations v;
  CheckCoordinator(request.coordinator(), "coordinator", &v);
  WP_RETURN_IF_ERROR(v.ToStatus());
  if (!MayActFor(caller, request.coordinator().authority())) {
    return absl::PermissionDeniedError(absl::StrCat("an authority officer for ",
                                                    absl::StrJoin(caller.authorities, ", "),
                                                    " may not set the coordinator for ",
                                                    request.coordinator().authority()));
  }
  absl::StatusOr<v1::Network> changed =
      Change(caller, id, request.etag(), request.request_id(), "coordinator_set", [&](store::Transaction& tx) {
        return SetNetworkCoordinator(tx, id, request.coordinator());
      });
  if (changed.ok()) ScopeToCaller(caller, &*changed);
  return changed;
}

absl::StatusOr<v1::Network> Networks::SetActionPlan(const server::Caller& caller,
                                                    const v1::SetActionPlanRequest& request) {
  std::string id;
  WP_RETURN_IF_ERROR(ParseNetworkName(request.name(), "name", &id));
  const std::vector<std::string> priorities(request.priorities().begin(), request.priorities().end());
  WP_RETURN_IF_ERROR(ValidateActionPlan(priorities, "priorities"));
  return Change(caller, id, request.etag(), /*request_id=*/"", "action_plan_set", [&](store::Transaction& tx) {
    return SetNetworkPriorities(tx, id, priorities, absl::Now());
  });
}

absl::StatusOr<v1::NetworkMeeting> Networks::RecordMeeting(const server::Caller& caller,
                                                           const v1::RecordMeetingRequest& request) {
  std::string id;
  WP_RETURN_IF_ERROR(ParseNetworkName(request.name(), "name", &id));
  const v1::NetworkMeeting& meeting = request.meeting();
  FieldViolations v;
  if (!meeting.has_meeting_date()) {
    v.Add("meeting.meeting_date", "is required");
  } else {
    absl::Status date = calendar::Validate(meeting.meeting_date(), "meeting.meeting_date", false);
    for (const auto& f : FieldViolationsOf(date)) v.Add(f.field, f.description);
  }
  if (meeting.attendance() < 0 || meeting.attendance() > 100000) {
    v.Add("meeting.attendance", "must be between 0 and 100000");
  }
  std::set<std::string> present;
  for (int i = 0; i < meeting.authorities_present_size(); ++i) {
    if (!region::IsAuthorityCode(meeting.authorities_present(i)) ||
        !present.insert(meeting.authorities_present(i)).second) {
      v.Add(absl::StrCat("meeting.authorities_present[", i, "]"),
            "must be a distinct authority code (EDC, ERC, GCC, INV, NLC, REN, SLC, WDC)");
    }
  }
  if (meeting.notes().size() > 20000) v.Add("meeting.notes", "must be at most 20000 bytes");
  if (request.request_id().size() > 100) v.Add("request_id", "must be at most 100 bytes");
  WP_RETURN_IF_ERROR(v.ToStatus());

  const absl::Time now = absl::Now();
  return store::WriteValue<v1::NetworkMeeting>(db_, [&](store::Transaction& tx) {
    return store::CreateOnce<v1::NetworkMeeting>(
        tx, {"RecordMeeting", request.request_id(), now},
        /*replay=*/[&](const std::string& first) -> absl::StatusOr<v1::NetworkMeeting> {
          WP_ASSIGN_OR_RETURN(auto meetings, LoadMeetings(tx, id));
          v1::NetworkMeeting found;
          for (const auto& m : meetings) {
            if (m.name() == first) found = m;
          }
          return found;
        },
        /*create=*/[&]() -> absl::StatusOr<v1::NetworkMeeting> {
          WP_ASSIGN_OR_RETURN(auto current, LoadNetwork(tx, id));
          WP_ASSIGN_OR_RETURN(v1::NetworkMeeting stored, InsertMeeting(tx, id, meeting, now));
          WP_RETURN_IF_ERROR(TouchNetwork(tx, id, VersionOf(current.etag()), now));
          v1::NetworkMeetingHeld event;
          event.set_network(current.name());
          *event.mutable_meeting() = stored;
          WP_RETURN_IF_ERROR(
              EmitEvent(tx, caller, "network", "meeting_held", current.name(), event).status());
          WP_RETURN_IF_ERROR(PublishIfChanged(tx, caller, rule_, id, UtcDay(now)).status());
          return stored;
        });
  });
}

absl::StatusOr<v1::ListMeetingsResponse> Networks::ListMeetings(const v1::ListMeetingsRequest& request) {
  std::string id;
  WP_RETURN_IF_ERROR(ParseNetworkName(request.name(), "name", &id));
  return store::ReadValue<v1::ListMeetingsResponse>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::ListMeetingsResponse> {
        WP_RETURN_IF_ERROR(LoadNetwork(tx, id).status());
        WP_ASSIGN_OR_RETURN(auto meetings, LoadMeetings(tx, id));
        v1::ListMeetingsResponse response;
        for (auto& m : meetings) *response.add_meetings() = std::move(m);
        return response;
      });
}

absl::StatusOr<v1::Network> Networks::SetMeetingCadence(const server::Caller& caller,
                                                        const v1::SetMeetingCadenceRequest& request) {
  std::string id;
  WP_RETURN_IF_ERROR(ParseNetworkName(request.name(), "name", &id));
  FieldViolations v;
  CheckCadence(request.expected_meetings_per_year(), /*zero_allowed=*/false, "expected_meetings_per_year", &v);
  WP_RETURN_IF_ERROR(v.ToStatus());
  return Change(caller, id, request.etag(), /*request_id=*/"", "cadence_set", [&](store::Transaction& tx) {
    return SetNetworkCadence(tx, id, request.expected_meetings_per_year());
  });
}

absl::StatusOr<v1::ListNetworkSustainabilityResponse> Networks::ListSustainability(
    const server::Caller& caller, const v1::ListNetworkSustainabilityRequest& request) {
  WP_ASSIGN_OR_RETURN(absl::CivilDay day, AsOfDay(request.as_of(), request.has_as_of(), "as_of"));
  return store::ReadValue<v1::ListNetworkSustainabilityResponse>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::ListNetworkSustainabilityResponse> {
        WP_ASSIGN_OR_RETURN(std::vector<std::string> ids, ListNetworkIds(tx));
        std::vector<v1::NetworkSustainability> judged;
        for (const std::string& id : ids) {
          WP_ASSIGN_OR_RETURN(v1::Network network, LoadJudgedNetwork(tx, rule_, id, day));
          judged.push_back(network.sustainability());
          ScopeToCaller(caller, &judged.back());
        }
        std::stable_sort(judged.begin(), judged.end(),
                         [](const v1::NetworkSustainability& a, const v1::NetworkSustainability& b) {
                           if (Gravity(a.status()) != Gravity(b.status())) {
                             return Gravity(a.status()) < Gravity(b.status());
                           }
                           return a.title() < b.title();
                         });
        v1::ListNetworkSustainabilityResponse response;
        *response.mutable_as_of() = calendar::FromCivilDay(day);
        for (v1::NetworkSustainability& s : judged) {
          if (s.status() == v1::NETWORK_LAPSING) response.set_lapsing(response.lapsing() + 1);
          if (s.status() == v1::NETWORK_AT_RISK) response.set_at_risk(response.at_risk() + 1);
          if (s.status() == v1::NETWORK_HEALTHY) response.set_healthy(response.healthy() + 1);
          *response.add_networks() = std::move(s);
        }
        return response;
      });
}

}  // namespace wp::workstreams
