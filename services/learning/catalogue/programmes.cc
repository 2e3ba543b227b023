#include "services/learning/catalogue/programmes.h"

#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "libs/fields/field_checks.h"
#include "libs/paging/keyset_page.h"
#include "libs/status/field_errors.h"
#include "libs/status/status_macros.h"
#include "libs/store/etag_update.h"
#include "services/learning/catalogue/catalogue_store.h"
#include "services/learning/catalogue/programme_rules.h"
#include "services/learning/core/events.h"
#include "services/learning/core/known_links.h"
#include "services/learning/core/names.h"

namespace wp::learning {
namespace {

// The links of a programme must be ones the workstreams service published.
absl::Status CheckLinks(store::Transaction& tx, const v1::Programme& programme, const std::string& prefix) {
  WP_RETURN_IF_ERROR(CheckKnownWorkstream(tx, programme.workstream(), prefix + "workstream"));
  if (!programme.network().empty()) {
    WP_RETURN_IF_ERROR(CheckKnownNetwork(tx, programme.network(), prefix + "network"));
  }
  return absl::OkStatus();
}

absl::Status Emit(store::Transaction& tx, const server::Caller& caller, const char* verb,
                  const v1::Programme& programme) {
  v1::ProgrammeChanged payload;
  *payload.mutable_programme() = programme;
  return EmitEvent(tx, caller, "programme", verb, programme.name(), payload).status();
}

}  // namespace

absl::StatusOr<v1::Programme> Programmes::Create(const server::Caller& caller,
                                                 const v1::CreateProgrammeRequest& request, absl::Time now) {
  FieldViolations v;
  fields::CheckId(request.programme_id(), "programme_id", &v);
  AddViolationsOf(CheckProgramme(request.programme(), "programme."), &v);
  WP_RETURN_IF_ERROR(v.ToStatus());
  const std::string& id = request.programme_id();
  return store::WriteValue<v1::Programme>(db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::Programme> {
    WP_ASSIGN_OR_RETURN(auto existing, tx.Query("SELECT 1 FROM programmes WHERE id = ?", {id}));
    if (!existing.empty()) return absl::AlreadyExistsError(absl::StrCat(ProgrammeName(id), " already exists"));
    WP_RETURN_IF_ERROR(CheckLinks(tx, request.programme(), "programme."));
    WP_RETURN_IF_ERROR(InsertProgramme(tx, id, request.programme(), now));
    WP_ASSIGN_OR_RETURN(v1::Programme stored, LoadProgramme(tx, id));
    WP_RETURN_IF_ERROR(Emit(tx, caller, "created", stored));
    return stored;
  });
}

absl::StatusOr<v1::Programme> Programmes::Get(const v1::GetProgrammeRequest& request) {
  WP_ASSIGN_OR_RETURN(std::string id, ProgrammeIdOf(request.name(), "name"));
  return store::ReadValue<v1::Programme>(db_, [&](store::Transaction& tx) { return LoadProgramme(tx, id); });
}

absl::StatusOr<v1::ListProgrammesResponse> Programmes::List(const v1::ListProgrammesRequest& request) {
  if (!request.workstream().empty() && !IsWorkstreamName(request.workstream())) {
    return InvalidField("workstream", "must be planPeriods/{period}/workstreams/{number}");
  }
  WP_ASSIGN_OR_RETURN(int page_size, paging::PageSize(request.page_size(), 100, 1000));
  WP_ASSIGN_OR_RETURN(paging::PageKey after, paging::DecodePageKey(request.page_token(), 1));
  return store::ReadValue<v1::ListProgrammesResponse>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::ListProgrammesResponse> {
        WP_ASSIGN_OR_RETURN(std::vector<v1::Programme> rows,
                            ListProgrammeRows(tx, request.workstream(), after.Text(0), page_size + 1));
        v1::ListProgrammesResponse response;
        response.set_next_page_token(
            paging::FillPage(rows, page_size, response.mutable_programmes(), [](const v1::Programme& p) {
              return paging::KeyOf(p.name().substr(sizeof("programmes/") - 1));
            }));
        return response;
      });
}

absl::StatusOr<v1::Programme> Programmes::Update(const server::Caller& caller,
                                                 const v1::UpdateProgrammeRequest& request, absl::Time now) {
  const v1::Programme& in = request.programme();
  WP_ASSIGN_OR_RETURN(std::string id, ProgrammeIdOf(in.name(), "programme.name"));
  WP_ASSIGN_OR_RETURN(std::set<std::string> paths,
                      fields::MaskPaths(request.update_mask(),
                                        {"title", "description", "workstream", "network", "completion_min_events"}));
  return store::WriteValue<v1::Programme>(db_, [&](store::Transaction& tx) {
    return store::UpdateWithEtag<v1::Programme>(
        in.etag(), /*load=*/[&] { return LoadProgramme(tx, id); },
        /*change=*/
        [&](v1::Programme& next) -> absl::Status {
          if (paths.count("title")) next.set_title(in.title());
          if (paths.count("description")) next.set_description(in.description());
          if (paths.count("workstream")) next.set_workstream(in.workstream());
          if (paths.count("network")) next.set_network(in.network());
          if (paths.count("completion_min_events")) next.set_completion_min_events(in.completion_min_events());
          WP_RETURN_IF_ERROR(CheckProgramme(next, "programme."));
          if (paths.count("workstream") || paths.count("network")) WP_RETURN_IF_ERROR(CheckLinks(tx, next, "programme."));
          return absl::OkStatus();
        },
        /*save=*/
        [&](const v1::Programme& next, int64_t version) -> absl::StatusOr<v1::Programme> {
          WP_RETURN_IF_ERROR(SaveProgramme(tx, id, next, version, now));
          WP_ASSIGN_OR_RETURN(v1::Programme stored, LoadProgramme(tx, id));
          WP_RETURN_IF_ERROR(Emit(tx, caller, "updated", stored));
          return stored;
        });
  });
}

}  // namespace wp::learning
