#include "services/learning/core/known_links.h"

#include "absl/strings/str_cat.h"
#include "libs/status/status_macros.h"

namespace wp::learning {
namespace {

absl::Status Remember(store::Transaction& tx, const char* table, const std::string& name, const std::string& title) {
  return tx
      .Execute(absl::StrCat("INSERT INTO ", table, " (name, title) VALUES (?, ?) ",
                            "ON CONFLICT (name) DO UPDATE SET title = excluded.title"),
               {name, title})
      .status();
}

absl::Status CheckKnown(store::Transaction& tx, const char* table, const char* what, const std::string& name,
                        const std::string& field) {
  WP_ASSIGN_OR_RETURN(auto rows, tx.Query(absl::StrCat("SELECT 1 FROM ", table, " WHERE name = ?"), {name}));
  if (!rows.empty()) return absl::OkStatus();
  return absl::FailedPreconditionError(absl::StrCat(field, ": ", name, " is not a ", what,
                                                    " the workstreams service has published"));
}

}  // namespace

absl::Status RememberWorkstream(store::Transaction& tx, const std::string& name, const std::string& title) {
  return Remember(tx, "known_workstreams", name, title);
}

absl::Status RememberNetwork(store::Transaction& tx, const std::string& name, const std::string& title) {
  return Remember(tx, "known_networks", name, title);
}

absl::Status CheckKnownWorkstream(store::Transaction& tx, const std::string& name, const std::string& field) {
  return CheckKnown(tx, "known_workstreams", "workstream", name, field);
}

absl::Status CheckKnownNetwork(store::Transaction& tx, const std::string& name, const std::string& field) {
  return CheckKnown(tx, "known_networks", "network", name, field);
}

}  // namespace wp::learning
