// Scottish school sessions, named as the governance service names them:
// "2022-23" runs from August 2022 to June 2023. July, the summer holiday,
// counts with the session that ends in it, so every day has one session.
#ifndef WP_LIBS_POPULATIONS_SCHOOL_SESSION_H_
#define WP_LIBS_POPULATIONS_SCHOOL_SESSION_H_

#include <string>

#include "absl/time/civil_time.h"

namespace wp::populations {

// The session holding `day`, e.g. 2023-02-15 -> "2022-23", 2023-08-01 -> "2023-24".
std::string SchoolSessionOf(absl::CivilDay day);

}  // namespace wp::populations

#endif  // WP_LIBS_POPULATIONS_SCHOOL_SESSION_H_
