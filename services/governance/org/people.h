// People: anyone who sits on a body, owns an action or sponsors a
// workstream. Every change publishes wp.governance.person.created/updated.
//
// Thread-safe.
#ifndef WP_SERVICES_GOVERNANCE_ORG_PEOPLE_H_
#define WP_SERVICES_GOVERNANCE_ORG_PEOPLE_H_

#include "absl/status/statusor.h"
#include "libs/server/request_context.h"
#include "libs/store/database.h"
#include "wp/governance/v1/governance.pb.h"

namespace wp::governance {

class People {
 public:
  explicit People(store::Database& db) : db_(db) {}

  // Without a person_id the id comes from the display name ("Jane Smith" ->
  // jane-smith), made unique with -2, -3, ...; an explicit id that is taken
  // is ALREADY_EXISTS.
  absl::StatusOr<v1::Person> CreatePerson(const server::Caller& caller, const v1::CreatePersonRequest& request);
  absl::StatusOr<v1::Person> GetPerson(const server::Caller& caller, const v1::GetPersonRequest& request);
  absl::StatusOr<v1::ListPeopleResponse> ListPeople(const server::Caller& caller,
                                                    const v1::ListPeopleRequest& request);
  // An update that changes nothing returns the person as it is, with no event.
  absl::StatusOr<v1::Person> UpdatePerson(const server::Caller& caller, const v1::UpdatePersonRequest& request);

 private:
  store::Database& db_;
};

}  // namespace wp::governance

#endif  // WP_SERVICES_GOVERNANCE_ORG_PEOPLE_H_
