#include "tools/wpctl/tracker_options.h"

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "tools/wpctl/args.h"

namespace wp::wpctl {

absl::StatusOr<std::vector<workstreams::v1::ImportWorkstreamTitle>> ParseWorkstreamTitles(
    absl::string_view text) {
  std::vector<workstreams::v1::ImportWorkstreamTitle> titles;
  for (absl::string_view pair : absl::StrSplit(text, '|', absl::SkipWhitespace())) {
    const size_t eq = pair.find('=');
    int number = 0;
    if (eq == absl::string_view::npos ||
        !absl::SimpleAtoi(absl::StripAsciiWhitespace(pair.substr(0, eq)), &number)) {
      return UsageError(absl::StrCat("--workstream-titles: \"", absl::StripAsciiWhitespace(pair),
                                     "\" is not NUMBER=TITLE (pairs separated by |, e.g. "
                                     "\"1=Wellbeing for Learning|2=Curriculum\")"));
    }
    workstreams::v1::ImportWorkstreamTitle title;
    title.set_number(number);
    title.set_title(std::string(absl::StripAsciiWhitespace(pair.substr(eq + 1))));
    titles.push_back(std::move(title));
  }
  return titles;
}

}  // namespace wp::wpctl
