// How a batch is cut into multi-row statements: many rows per round trip
// (PostgreSQL answers each statement over the wire), from few distinct
// statement texts (each engine prepares a text once and reuses it).
#ifndef WP_SERVICES_WESTOS_INGEST_STATEMENT_CHUNKS_H_
#define WP_SERVICES_WESTOS_INGEST_STATEMENT_CHUNKS_H_

#include <cstddef>
#include <string>
#include <vector>

namespace wp::westos {

// 1,000 rows of 16 columns is 16,000 parameters: inside SQLite's 32,766
// and PostgreSQL's 65,535.
inline constexpr size_t kLargeChunk = 1000;
inline constexpr size_t kSmallChunk = 64;

// The sizes `n` rows are cut into: kLargeChunk while they fill one, then
// kSmallChunk, then the rest; so at most kSmallChunk + 1 texts per statement.
std::vector<size_t> ChunkSizes(size_t n);

// "?, ?, ?" for an IN list of n.
std::string QuestionMarks(size_t n);

// "(?, ?), (?, ?)" for `rows` rows of `columns` placeholders.
std::string RowPlaceholders(size_t rows, int columns);

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_INGEST_STATEMENT_CHUNKS_H_
