#include "services/learning/practitioners/practitioners.h"

#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "libs/fields/field_checks.h"
#include "libs/paging/keyset_page.h"
#include "libs/region/authorities.h"
#include "libs/status/field_errors.h"
#include "libs/status/status_macros.h"
#include "libs/store/etag_update.h"
#include "services/learning/core/events.h"
#include "services/learning/core/names.h"
#include "services/learning/practitioners/practitioner_attendance.h"
#include "services/learning/practitioners/practitioner_store.h"

namespace wp::learning {
namespace {

absl::Status Emit(store::Transaction& tx, const server::Caller& caller, const char* verb,
                  const v1::Practitioner& practitioner) {
  v1::PractitionerChanged payload;
  *payload.mutable_practitioner() = practitioner;
  return EmitEvent(tx, caller, "practitioner", verb, practitioner.name(), payload).status();
}

}  // namespace

absl::StatusOr<v1::Practitioner> Practitioners::Create(const server::Caller& caller,
                                                       const v1::CreatePractitionerRequest& request, absl::Time now) {
  FieldViolations v;
  if (!IsValidPractitionerId(request.practitioner_id())) {
    v.Add("practitioner_id", "must be 1 to 64 of letters, digits, '-', '_' and '.'");
  }
  AddViolationsOf(CheckPractitioner(request.practitioner(), "practitioner."), &v);
  WP_RETURN_IF_ERROR(v.ToStatus());
  const std::string& id = request.practitioner_id();
  return store::WriteValue<v1::Practitioner>(db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::Practitioner> {
    WP_ASSIGN_OR_RETURN(auto existing, tx.Query("SELECT 1 FROM practitioners WHERE id = ?", {id}));
    if (!existing.empty()) return absl::AlreadyExistsError(absl::StrCat(PractitionerName(id), " already exists"));
    WP_RETURN_IF_ERROR(InsertPractitioner(tx, id, request.practitioner(), now));
    WP_ASSIGN_OR_RETURN(v1::Practitioner stored, LoadPractitioner(tx, id));
    WP_RETURN_IF_ERROR(Emit(tx, caller, "created", stored));
    return stored;
  });
}

absl::StatusOr<v1::Practitioner> Practitioners::Get(const v1::GetPractitionerRequest& request) {
  WP_ASSIGN_OR_RETURN(std::string id, PractitionerIdOf(request.name(), "name"));
  return store::ReadValue<v1::Practitioner>(db_, [&](store::Transaction& tx) { return LoadPractitioner(tx, id); });
}

absl::StatusOr<v1::ListPractitionersResponse> Practitioners::List(const v1::ListPractitionersRequest& request) {
  if (!request.authority().empty() && !region::IsAuthorityCode(request.authority())) {
    return InvalidField("authority", "must be one of EDC, ERC, GCC, INV, NLC, REN, SLC, WDC");
  }
  WP_ASSIGN_OR_RETURN(int page_size, paging::PageSize(request.page_size(), 100, 1000));
  WP_ASSIGN_OR_RETURN(paging::PageKey after, paging::DecodePageKey(request.page_token(), 1));
  return store::ReadValue<v1::ListPractitionersResponse>(
      db_, [&](store::Transaction& tx) -> absl::StatusOr<v1::ListPractitionersResponse> {
        WP_ASSIGN_OR_RETURN(std::vector<v1::Practitioner> rows,
                            ListPractitionerRows(tx, request.authority(), after.Text(0), page_size + 1));
        v1::ListPractitionersResponse response;
        response.set_next_page_token(
            paging::FillPage(rows, page_size, response.mutable_practitioners(), [](const v1::Practitioner& p) {
              return paging::KeyOf(p.name().substr(sizeof("practitioners/") - 1));
            }));
        return response;
      });
}

absl::StatusOr<v1::Practitioner> Practitioners::Update(const server::Caller& caller,
                                                       const v1::UpdatePractitionerRequest& request, absl::Time now) {
  const v1::Practitioner& in = request.practitioner();
  WP_ASSIGN_OR_RETURN(std::string id, PractitionerIdOf(in.name(), "practitioner.name"));
  WP_ASSIGN_OR_RETURN(std::set<std::string> paths,
                      fields::MaskPaths(request.update_mask(), {"authority", "establishment", "sector", "role"}));
  return store::WriteValue<v1::Practitioner>(db_, [&](store::Transaction& tx) {
    return store::UpdateWithEtag<v1::Practitioner>(
        in.etag(), /*load=*/[&] { return LoadPractitioner(tx, id); },
        /*change=*/
        [&](v1::Practitioner& next) -> absl::Status {
          if (paths.count("authority")) next.set_authority(in.authority());
          if (paths.count("establishment")) next.set_establishment(in.establishment());
          if (paths.count("sector")) next.set_sector(in.sector());
          if (paths.count("role")) next.set_role(in.role());
          return CheckPractitioner(next, "practitioner.");
        },
        /*save=*/
        [&](const v1::Practitioner& next, int64_t version) -> absl::StatusOr<v1::Practitioner> {
          WP_RETURN_IF_ERROR(SavePractitioner(tx, id, next, version, now));
          WP_ASSIGN_OR_RETURN(v1::Practitioner stored, LoadPractitioner(tx, id));
          WP_RETURN_IF_ERROR(Emit(tx, caller, "updated", stored));
          return stored;
        });
  });
}

absl::StatusOr<v1::PractitionerAttendance> Practitioners::Attendance(
    const v1::GetPractitionerAttendanceRequest& request) {
  return GetPractitionerAttendance(db_, request);
}

}  // namespace wp::learning
