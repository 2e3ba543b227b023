#include "libs/populations/population_events.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "libs/store/etag.h"
#include "wp/governance/v1/governance.pb.h"

namespace wp::populations {
namespace {

namespace gov = wp::governance::v1;

}  // namespace

absl::Status ApplyPopulationEvent(store::Transaction& tx, const wp::common::v1::Event& event) {
  if (event.type() != kPopulationUpdated) return absl::OkStatus();
  gov::AuthorityPopulationUpdated payload;
  if (!event.payload().UnpackTo(&payload)) {
    return absl::InvalidArgumentError(absl::StrCat("event ", event.id(), ": payload is not AuthorityPopulationUpdated"));
  }
  const gov::Population& p = payload.population();
  // authorities/{code}/populations/{session}
  const std::vector<std::string> parts = absl::StrSplit(p.name(), '/');
  if (parts.size() != 4 || parts[0] != "authorities" || parts[2] != "populations" || parts[1].empty() ||
      parts[3].empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("event ", event.id(), ": population name \"", p.name(), "\" is not authorities/*/populations/*"));
  }
  const int64_t version = store::VersionOf(p.etag());
  // Upsert that keeps the newer version (an older event arriving late loses).
  return tx
      .Execute(
          "INSERT INTO authority_populations (authority, session, learners, teachers, version) "
          "VALUES (?, ?, ?, ?, ?) ON CONFLICT (authority, session) DO UPDATE SET "
          "learners = excluded.learners, teachers = excluded.teachers, version = excluded.version "
          "WHERE excluded.version > authority_populations.version",
          {parts[1], parts[3], int64_t{p.learners()}, int64_t{p.teachers_and_practitioners()}, version})
      .status();
}

}  // namespace wp::populations
