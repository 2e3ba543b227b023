// The two halves of a keyset-paged List, so that no List writes them out:
//
//   WP_ASSIGN_OR_RETURN(paging::PageKey after, paging::DecodePageKey(request.page_token(), 2));
//   ... read page_size + 1 rows after (after.Text(0), after.Int(1)) ...
//   response.set_next_page_token(paging::FillPage(rows, page_size, response.mutable_workstreams(),
//       [](const v1::Workstream& w) { return paging::KeyOf(w.plan_period(), w.number()); }));
//
// The "+1" read tells whether another page follows without counting; the
// page is also bounded by bytes (page_bytes.h); the token names the last row
// shown, never an offset, so inserts between calls do not shift pages.
//
// Thread-safe: pure functions; PageKey is a value.
#ifndef WP_LIBS_PAGING_KEYSET_PAGE_H_
#define WP_LIBS_PAGING_KEYSET_PAGE_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/repeated_ptr_field.h"
#include "libs/paging/page_bytes.h"
#include "libs/paging/page_token.h"

namespace wp::paging {

// The position a page token names: empty on the first page.
class PageKey {
 public:
  PageKey() = default;
  explicit PageKey(std::vector<std::string> parts) : parts_(std::move(parts)) {}

  bool first_page() const { return parts_.empty(); }
  // Part `i` as text; "" on the first page.
  std::string Text(size_t i) const { return first_page() ? std::string() : parts_[i]; }
  // Part `i` as a number; 0 on the first page; INVALID_ARGUMENT on
  // "page_token" when the part is not a number (a damaged token).
  absl::StatusOr<int64_t> Int(size_t i) const;

 private:
  std::vector<std::string> parts_;
};

// The key of a token made by FillPage with `parts` key parts (see
// DecodePageToken for the errors).
absl::StatusOr<PageKey> DecodePageKey(absl::string_view token, size_t parts);

// The key parts of a row, as FillPage's key_of returns them.
template <typename... Parts>
std::vector<std::string> KeyOf(const Parts&... parts) {
  return {absl::StrCat(parts)...};
}

// Moves the rows of one page from `fetched` (read with page_size + 1) into
// `page` and returns the next page token: empty when this is the last page.
template <typename Message, typename KeyFn>
std::string FillPage(std::vector<Message>& fetched, int page_size,
                     google::protobuf::RepeatedPtrField<Message>* page, KeyFn key_of) {
  const int shown = PageCount(fetched, page_size);
  for (int i = 0; i < shown; ++i) *page->Add() = std::move(fetched[i]);
  if (static_cast<int>(fetched.size()) <= shown) return std::string();
  return EncodePageToken(key_of(page->Get(shown - 1)));
}

}  // namespace wp::paging

#endif  // WP_LIBS_PAGING_KEYSET_PAGE_H_
