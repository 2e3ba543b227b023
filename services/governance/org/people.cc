#include "services/governance/org/people.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "libs/paging/keyset_page.h"
#include "libs/paging/page_bytes.h"
#include "libs/paging/page_token.h"
#include "libs/status/field_errors.h"
#include "libs/status/status_macros.h"
#include "libs/store/create_once.h"
#include "libs/store/etag_update.h"
#include "libs/store/request_ids.h"
#include "libs/text/blank.h"
#include "services/governance/core/events.h"
#include "services/governance/core/fields.h"
#include "services/governance/core/names.h"
#include "services/governance/org/org_checks.h"
#include "services/governance/org/person_store.h"

namespace wp::governance {
namespace {

constexpr char kCreateMethod[] = "CreatePerson";
// Suffixes tried before giving up on a derived id; real names never get near.
constexpr int kMaxIdSuffix = 10000;

const std::vector<std::string>& PersonPaths() {
  static const auto* paths = new std::vector<std::string>{"display_name", "authority", "organisation"};
  return *paths;
}

// `base`, or base-2, base-3, ... : the first id nobody holds.
absl::StatusOr<std::string> FreeId(store::Transaction& tx, const std::string& base) {
  for (int n = 1; n <= kMaxIdSuffix; ++n) {
    std::string id = base;
    if (n > 1) {
      const std::string suffix = absl::StrCat("-", n);
      id = id.substr(0, 63 - suffix.size());
      while (!id.empty() && id.back() == '-') id.pop_back();
      id += suffix;
    }
    WP_ASSIGN_OR_RETURN(auto taken, PersonExists(tx, id));
    if (!taken) return id;
  }
  return absl::FailedPreconditionError(
      absl::StrCat("no free person id from ", base, "; send a person_id"));
}

}  // namespace

absl::StatusOr<v1::Person> People::CreatePerson(const server::Caller& caller,
                                                const v1::CreatePersonRequest& request) {
  const v1::Person& person = request.person();
  FieldViolations v;
  if (!request.person_id().empty() && !IsValidId(request.person_id())) {
    v.Add("person_id", "must be 2..63 lower-case letters, digits and hyphens, not starting or ending with one");
  }
  CheckRequiredLine(person.display_name(), "person.display_name", &v);
  CheckOptionalAuthority(person.authority(), "person.authority", &v);
  CheckOptionalLine(person.organisation(), "person.organisation", &v);
  AddViolationsOf(store::ValidateRequestId(request.request_id()), &v);
  const bool derived = request.person_id().empty();
  const std::string base = derived ? IdFromDisplayName(person.display_name()) : request.person_id();
  if (derived && base.empty() && !text::IsBlank(person.display_name())) {
    v.Add("person_id", "is required when the display name has no letters or digits to make one from");
  }
  WP_RETURN_IF_ERROR(v.ToStatus());

  const absl::Time now = absl::Now();
  return store::WriteValue<v1::Person>(db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::Person> {
    return store::CreateOnce<v1::Person>(
        tx, {kCreateMethod, request.request_id(), now},
        [&](const std::string& made) -> absl::StatusOr<v1::Person> {
          WP_ASSIGN_OR_RETURN(auto parts, ParseName(made, kPersonPattern, "request_id"));
          return LoadPerson(tx, parts[0]);
        },
        [&]() -> absl::StatusOr<v1::Person> {
          std::string id = base;
          if (derived) {
            WP_ASSIGN_OR_RETURN(auto free, FreeId(tx, base));
            id = free;
          }
          WP_RETURN_IF_ERROR(InsertPerson(tx, id, person, now));
          WP_ASSIGN_OR_RETURN(auto stored, LoadPerson(tx, id));
          if (auto seq = EmitEvent(tx, caller, "person", "created", stored.name(), stored); !seq.ok()) {
            return seq.status();
          }
          return stored;
        });
  });
}

absl::StatusOr<v1::Person> People::GetPerson(const server::Caller& /*caller*/,
                                             const v1::GetPersonRequest& request) {
  WP_ASSIGN_OR_RETURN(auto parts, ParseName(request.name(), kPersonPattern, "name"));
  return store::ReadValue<v1::Person>(db_, [&](store::Transaction& tx) { return LoadPerson(tx, parts[0]); });
}

absl::StatusOr<v1::ListPeopleResponse> People::ListPeople(const server::Caller& /*caller*/,
                                                          const v1::ListPeopleRequest& request) {
  FieldViolations v;
  CheckOptionalAuthority(request.authority(), "authority", &v);
  CheckOptionalLine(request.query(), "query", &v);
  auto page_size = paging::PageSize(request.page_size(), 100, 1000);
  AddViolationsOf(page_size.status(), &v);
  auto token = paging::DecodePageKey(request.page_token(), 2);
  AddViolationsOf(token.status(), &v);
  WP_RETURN_IF_ERROR(v.ToStatus());
  if (!page_size.ok()) return page_size.status();
  if (!token.ok()) return token.status();

  const PeopleFilter filter{request.authority(), absl::AsciiStrToLower(request.query())};
  const PersonKey after{token->Text(0), token->Text(1)};
  return store::ReadValue<v1::ListPeopleResponse>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::ListPeopleResponse> {
        WP_ASSIGN_OR_RETURN(auto rows, ListPeopleRows(tx, filter, after, *page_size + 1));
        v1::ListPeopleResponse response;
        response.set_next_page_token(
            paging::FillPage(rows, *page_size, response.mutable_people(), [](const v1::Person& last) {
              return paging::KeyOf(last.display_name(), last.name().substr(sizeof("people/") - 1));
            }));
        return response;
      });
}

absl::StatusOr<v1::Person> People::UpdatePerson(const server::Caller& caller,
                                                const v1::UpdatePersonRequest& request) {
  const v1::Person& in = request.person();
  WP_ASSIGN_OR_RETURN(auto parts, ParseName(in.name(), kPersonPattern, "person.name"));
  const std::string id = parts[0];
  WP_ASSIGN_OR_RETURN(auto paths, MaskPaths(request.update_mask(), PersonPaths()));
  FieldViolations v;
  if (paths.count("display_name") > 0) {
    CheckRequiredLine(in.display_name(), "person.display_name", &v);
  }
  if (paths.count("authority") > 0) CheckOptionalAuthority(in.authority(), "person.authority", &v);
  if (paths.count("organisation") > 0) CheckOptionalLine(in.organisation(), "person.organisation", &v);
  WP_RETURN_IF_ERROR(v.ToStatus());

  const absl::Time now = absl::Now();
  return store::WriteValue<v1::Person>(db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::Person> {
    v1::Person before;  // for the audit record's changes (names masked)
    return store::UpdateWithEtag<v1::Person>(
        in.etag(),
        [&]() -> absl::StatusOr<v1::Person> {
          WP_ASSIGN_OR_RETURN(before, LoadPerson(tx, id));
          return before;
        },
        [&](v1::Person& next) {
          if (paths.count("display_name") > 0) next.set_display_name(in.display_name());
          if (paths.count("authority") > 0) next.set_authority(in.authority());
          if (paths.count("organisation") > 0) next.set_organisation(in.organisation());
          return absl::OkStatus();
        },
        [&](const v1::Person& next, int64_t version) -> absl::StatusOr<v1::Person> {
          WP_RETURN_IF_ERROR(SavePerson(tx, id, next, version, now));
          WP_ASSIGN_OR_RETURN(auto stored, LoadPerson(tx, id));
          if (auto seq = EmitEvent(tx, caller, "person", "updated", stored.name(), stored, {&before}); !seq.ok()) {
            return seq.status();
          }
          return stored;
        },
        [](const v1::Person& a, const v1::Person& b) {
          return a.display_name() == b.display_name() && a.authority() == b.authority() &&
                 a.organisation() == b.organisation();
        });
  });
}

}  // namespace wp::governance
