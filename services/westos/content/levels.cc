#include "services/westos/content/levels.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "libs/status/field_errors.h"
#include "services/westos/usage/quoted_text.h"

namespace wp::westos {

const std::vector<std::string>& LevelNames() {
  static const auto* names = new std::vector<std::string>{
      "Early", "First", "Second", "Third", "Fourth", "National 4", "National 5", "Higher", "Advanced Higher"};
  return *names;
}

absl::StatusOr<std::string> ParseLevel(absl::string_view field, absl::string_view text) {
  const std::string word = absl::AsciiStrToLower(absl::StripAsciiWhitespace(text));
  for (const std::string& name : LevelNames()) {
    if (word == absl::AsciiStrToLower(name)) return name;
  }
  // Short forms teachers write: N5, Nat 5, H, AH, "Early level".
  const std::string compact = absl::StrReplaceAll(word, {{" ", ""}});
  if (compact == "n4" || compact == "nat4") return std::string("National 4");
  if (compact == "n5" || compact == "nat5") return std::string("National 5");
  if (compact == "h") return std::string("Higher");
  if (compact == "ah" || compact == "advhigher") return std::string("Advanced Higher");
  if (absl::EndsWith(word, " level")) {
    const absl::string_view stem = absl::string_view(word).substr(0, word.size() - 6);
    for (const std::string& name : LevelNames()) {
      if (stem == absl::AsciiStrToLower(name)) return name;
    }
  }
  if (word.empty()) return InvalidField(field, "is required");
  return InvalidField(field, absl::StrCat(Quoted(text, 60), " is not a level (",
                                          absl::StrJoin(LevelNames(), ", "), ")"));
}

size_t LevelOrder(absl::string_view name) {
  const auto& names = LevelNames();
  return static_cast<size_t>(std::find(names.begin(), names.end(), name) - names.begin());
}

}  // namespace wp::westos
