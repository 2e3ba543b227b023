// Pages bounded by bytes as well as by count: a page of large resources
// (plan items with long histories, say) must still fit a default gRPC
// client's 4 MB receive limit.
//
// Used with the keyset "+1" read: fetch page_size + 1 rows, show
// PageCount(...) of them, and hand out a next_page_token when more were
// fetched than shown (the token names the last one shown).
//
// Thread-safe: pure functions.
#ifndef WP_LIBS_PAGING_PAGE_BYTES_H_
#define WP_LIBS_PAGING_PAGE_BYTES_H_

#include <cstddef>
#include <vector>

namespace wp::paging {

// Half the default receive limit: room for the envelope and a margin.
inline constexpr size_t kMaxPageBytes = 2 * 1024 * 1024;

// How many of `fetched` (protobuf messages) go into one page: at most
// `page_size`, and no more than fit `max_bytes`; at least one when any was
// fetched, so that paging always moves on.
template <typename Message>
int PageCount(const std::vector<Message>& fetched, int page_size, size_t max_bytes = kMaxPageBytes) {
  int shown = 0;
  size_t bytes = 0;
  for (const Message& m : fetched) {
    if (shown >= page_size) break;
    bytes += m.ByteSizeLong() + 8;  // the field's tag and length
    if (shown > 0 && bytes > max_bytes) break;
    ++shown;
  }
  return shown;
}

}  // namespace wp::paging

#endif  // WP_LIBS_PAGING_PAGE_BYTES_H_
