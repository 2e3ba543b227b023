// What every subcommand shares: printing a result as text or JSON, and the
// channel of the service --service names.
#include "tools/wpctl/commands.h"

#include <ostream>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

#include "tools/wpctl/files.h"
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

CommandResult WriteExport(const CommandEnv& env, const Args& args, const std::string& content) {
  if (!args.Has("output")) {
    *env.out << content << std::flush;
    return kExitOk;
  }
  const std::string path = args.Get("output");
  if (absl::Status s = WriteWholeFile(path, content); !s.ok()) return s;
  *env.err << "wrote " << content.size() << " bytes to " << path << "\n";
  return kExitOk;
}

absl::StatusOr<std::shared_ptr<grpc::Channel>> ServiceChannel(const CommandEnv& env, const Args& args,
                                                              bool required) {
  std::vector<std::string> known;
  for (const ServiceAddress& s : Services()) known.push_back(s.service);
  if (required && !args.Has("service")) {
    return UsageError(absl::StrCat("--service is required: one of ", absl::StrJoin(known, ", ")));
  }
  const std::string service = args.Get("service", "workstreams");
  if (std::shared_ptr<grpc::Channel> channel = env.client->channel(service)) return channel;
  return UsageError(absl::StrCat("--service: \"", service, "\" is not one of ", absl::StrJoin(known, ", ")));
}

}  // namespace wp::wpctl
