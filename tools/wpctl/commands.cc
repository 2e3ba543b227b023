// What every subcommand shares: printing a result as text or JSON.
#include "tools/wpctl/commands.h"

#include <ostream>

#include "tools/wpctl/output.h"

namespace wp::wpctl {

CommandResult Print(const CommandEnv& env, const google::protobuf::Message& message,
                    const std::string& text) {
  if (!env.json) {
    *env.out << text;
    return kExitOk;
  }
  absl::StatusOr<std::string> json = ToJson(message, /*one_line=*/false);
  if (!json.ok()) return json.status();
  *env.out << *json;
  return kExitOk;
}

}  // namespace wp::wpctl
