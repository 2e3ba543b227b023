#include "services/westos/ingest/statement_chunks.h"

#include "absl/strings/str_cat.h"

namespace wp::westos {

std::vector<size_t> ChunkSizes(size_t n) {
  std::vector<size_t> sizes;
  for (const size_t chunk : {kLargeChunk, kSmallChunk}) {
    for (; n >= chunk; n -= chunk) sizes.push_back(chunk);
  }
  if (n > 0) sizes.push_back(n);
  return sizes;
}

std::string QuestionMarks(size_t n) {
  std::string marks;
  marks.reserve(n * 3);
  for (size_t i = 0; i < n; ++i) absl::StrAppend(&marks, i == 0 ? "?" : ", ?");
  return marks;
}

std::string RowPlaceholders(size_t rows, int columns) {
  const std::string row = absl::StrCat("(", QuestionMarks(static_cast<size_t>(columns)), ")");
  std::string all;
  all.reserve(rows * (row.size() + 2));
  for (size_t i = 0; i < rows; ++i) absl::StrAppend(&all, i == 0 ? "" : ", ", row);
  return all;
}

}  // namespace wp::westos
