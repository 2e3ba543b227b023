#include "libs/store/postgres_connection.h"

#include <libpq-fe.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "absl/strings/cord.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/strip.h"
#include "libs/store/postgres_dialect.h"

namespace wp::store {
namespace {

// Type oids (pg_type.dat); stable across PostgreSQL versions.
constexpr Oid kBoolOid = 16;
constexpr Oid kByteaOid = 17;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kTextOid = 25;
constexpr Oid kOidOid = 26;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;

using Result = std::unique_ptr<PGresult, decltype(&PQclear)>;

std::string Trimmed(const char* message) {
  return std::string(absl::StripTrailingAsciiWhitespace(message == nullptr ? "" : message));
}

Oid TypeOf(const Value& v) {
  if (std::holds_alternative<int64_t>(v)) return kInt8Oid;
  if (std::holds_alternative<double>(v)) return kFloat8Oid;
  if (std::holds_alternative<std::string>(v)) return kTextOid;
  if (std::holds_alternative<Blob>(v)) return kByteaOid;
  return 0;  // NULL: the server infers the type
}

std::string DoubleText(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  return absl::StrFormat("%.17g", d);
}

Value ValueOf(const PGresult* result, int row, int col) {
  if (PQgetisnull(result, row, col)) return Value();
  const char* text = PQgetvalue(result, row, col);
  const int length = PQgetlength(result, row, col);
  switch (PQftype(result, col)) {
    case kInt2Oid:
    case kInt4Oid:
    case kInt8Oid:
    case kOidOid: {
      int64_t n = 0;
      return absl::SimpleAtoi(text, &n) ? Value(n) : Value(std::string(text, length));
    }
    case kBoolOid: return Value(int64_t{text[0] == 't' ? 1 : 0});
    case kNumericOid: {
      // SUM of integers is NUMERIC: keep a whole number exact, as SQLite's
      // integer SUM is, and only fractions become doubles.
      int64_t n = 0;
      if (absl::SimpleAtoi(text, &n)) return Value(n);
      [[fallthrough]];
    }
    case kFloat4Oid:
    case kFloat8Oid: {
      double d = 0;
      return absl::SimpleAtod(text, &d) ? Value(d) : Value(std::string(text, length));
    }
    case kByteaOid: {
      size_t size = 0;
      unsigned char* bytes = PQunescapeBytea(reinterpret_cast<const unsigned char*>(text), &size);
      if (bytes == nullptr) return Value(Blob{});
      Blob blob{std::string(reinterpret_cast<const char*>(bytes), size)};
      PQfreemem(bytes);
      return Value(std::move(blob));
    }
    default: return Value(std::string(text, length));
  }
}

}  // namespace

absl::Status PostgresConnection::LockOutboxAppends() {
  // Keyed by the schema, so that stores sharing one database (a schema each)
  // do not wait for one another; held until the transaction ends.
  return Query("SELECT pg_advisory_xact_lock(hashtextextended('wp-outbox-append:' || current_schema(), 0))",
                 {})
      .status();
}

std::string DescribePostgresUrl(const std::string& url) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  if (options == nullptr) {
    if (error != nullptr) PQfreemem(error);
    return "(unparseable PostgreSQL url)";
  }
  std::string host = "localhost", port = "5432", db;
  for (PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
    if (o->val == nullptr || o->val[0] == '\0') continue;
    if (std::strcmp(o->keyword, "host") == 0 || std::strcmp(o->keyword, "hostaddr") == 0) host = o->val;
    if (std::strcmp(o->keyword, "port") == 0) port = o->val;
    if (std::strcmp(o->keyword, "dbname") == 0) db = o->val;
  }
  PQconninfoFree(options);
  return absl::StrCat(host, ":", port, "/", db);
}

absl::StatusOr<std::unique_ptr<PostgresConnection>> PostgresConnection::Connect(const std::string& url,
                                                                               absl::Duration timeout) {
  const std::string where = DescribePostgresUrl(url);
  // Whole seconds (libpq raises anything under 2 to 2).
  const std::string seconds =
      absl::StrCat(std::max<int64_t>(1, absl::ToInt64Seconds(absl::Ceil(timeout, absl::Seconds(1)))));
  // After the url, so they win over it; the url may still name the application.
  const char* keywords[] = {"dbname", "connect_timeout", "fallback_application_name", nullptr};
  const char* values[] = {url.c_str(), seconds.c_str(), "wp-store", nullptr};
  PGconn* conn = PQconnectdbParams(keywords, values, /*expand_dbname=*/1);
  if (conn == nullptr) {
    return absl::UnavailableError(absl::StrCat("cannot connect to PostgreSQL at ", where, ": out of memory"));
  }
  if (PQstatus(conn) != CONNECTION_OK) {
    // libpq's message names host and port but never the password.
    absl::Status status = absl::UnavailableError(
        absl::StrCat("cannot connect to PostgreSQL at ", where, ": ", Trimmed(PQerrorMessage(conn))));
    PQfinish(conn);
    return status;
  }
  // Notices ("table exists, skipping") are not errors; keep stderr quiet.
  PQsetNoticeProcessor(conn, [](void*, const char*) {}, nullptr);
  return std::unique_ptr<PostgresConnection>(new PostgresConnection(conn, where));
}

PostgresConnection::~PostgresConnection() { PQfinish(conn_); }

bool PostgresConnection::broken() const { return PQstatus(conn_) == CONNECTION_BAD; }

absl::Status PostgresConnection::Reconnect() {
  statements_.clear();
  PQreset(conn_);
  if (!broken()) return absl::OkStatus();
  return absl::UnavailableError(
      absl::StrCat("cannot reconnect to PostgreSQL at ", where_, ": ", Trimmed(PQerrorMessage(conn_))));
}

absl::Status PostgresConnection::ErrorOf(const PGresult* result, absl::string_view what) {
  const char* state = result == nullptr ? nullptr : PQresultErrorField(result, PG_DIAG_SQLSTATE);
  const std::string message =
      Trimmed(result == nullptr ? PQerrorMessage(conn_) : PQresultErrorMessage(result));
  const absl::string_view code = state == nullptr ? "" : state;
  if (broken() || absl::StartsWith(code, "08") || absl::StartsWith(code, "57P")) {
    return absl::UnavailableError(
        absl::StrCat("lost the connection to PostgreSQL at ", where_, ": ", message));
  }
  const std::string text = absl::StrCat(what, ": ", message, " (SQLSTATE ", code, ")");
  if (code == "23505") return absl::AlreadyExistsError(text);
  if (absl::StartsWith(code, "23")) return absl::FailedPreconditionError(text);
  if (code == "40001" || code == "40P01") {
    lost_conflict_ = true;
    absl::Status status = absl::AbortedError(text);
    status.SetPayload(kRetryableConflict, absl::Cord(code));
    return status;
  }
  return absl::InternalError(text);
}

absl::Status PostgresConnection::Exec(absl::string_view sql) {
  Result result(PQexec(conn_, std::string(sql).c_str()), &PQclear);
  const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return absl::OkStatus();
  return ErrorOf(result.get(), sql);
}

absl::Status PostgresConnection::Commit() {
  Result result(PQexec(conn_, "COMMIT"), &PQclear);
  if (!result || PQresultStatus(result.get()) != PGRES_COMMAND_OK) return ErrorOf(result.get(), "COMMIT");
  if (std::strcmp(PQcmdStatus(result.get()), "COMMIT") == 0) return absl::OkStatus();
  return absl::InternalError(
      "the transaction was rolled back, not committed: one of its statements failed and the "
      "transaction body went on as if it had not");
}

absl::StatusOr<const PostgresConnection::Prepared*> PostgresConnection::Prepare(
    absl::string_view sql, const std::vector<Value>& params) {
  std::vector<Oid> types;
  types.reserve(params.size());
  std::string key(sql);
  key.push_back('\0');
  for (const Value& v : params) {
    types.push_back(TypeOf(v));
    absl::StrAppend(&key, types.back(), ",");
  }
  auto it = statements_.find(key);
  if (it != statements_.end()) return &it->second;
  const NumberedSql numbered = NumberPlaceholders(sql);
  if (numbered.parameters != static_cast<int>(params.size())) {
    return absl::InternalError(absl::StrCat("statement wants ", numbered.parameters, " parameters, got ",
                                            params.size(), ": ", sql));
  }
  Prepared prepared{absl::StrCat("wp_", statements_.size() + 1), numbered.parameters};
  Result result(PQprepare(conn_, prepared.name.c_str(), numbered.sql.c_str(), numbered.parameters,
                          types.data()),
                &PQclear);
  if (!result || PQresultStatus(result.get()) != PGRES_COMMAND_OK) {
    return ErrorOf(result.get(), absl::StrCat("prepare ", sql));
  }
  return &statements_.emplace(std::move(key), std::move(prepared)).first->second;
}

absl::StatusOr<int64_t> PostgresConnection::Run(absl::string_view sql, const std::vector<Value>& params,
                                                std::vector<Row>* rows) {
  absl::StatusOr<const Prepared*> prepared = Prepare(sql, params);
  if (!prepared.ok()) return prepared.status();
  const int n = static_cast<int>(params.size());
  std::vector<std::string> texts(params.size());
  std::vector<const char*> values(params.size(), nullptr);
  std::vector<int> lengths(params.size(), 0);
  std::vector<int> formats(params.size(), 0);  // text, except bytea
  for (size_t i = 0; i < params.size(); ++i) {
    const Value& v = params[i];
    if (const auto* number = std::get_if<int64_t>(&v)) {
      texts[i] = absl::StrCat(*number);
    } else if (const auto* d = std::get_if<double>(&v)) {
      texts[i] = DoubleText(*d);
    } else if (const auto* s = std::get_if<std::string>(&v)) {
      values[i] = s->c_str();
      continue;
    } else if (const auto* b = std::get_if<Blob>(&v)) {
      values[i] = b->bytes.data();  // never null, even when empty
      lengths[i] = static_cast<int>(b->bytes.size());
      formats[i] = 1;
      continue;
    } else {
      continue;  // NULL
    }
    values[i] = texts[i].c_str();
  }
  Result result(PQexecPrepared(conn_, (*prepared)->name.c_str(), n, values.data(), lengths.data(),
                               formats.data(), /*resultFormat=*/0),
                &PQclear);
  const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) return ErrorOf(result.get(), sql);
  if (rows != nullptr) {
    const int row_count = PQntuples(result.get());
    const int columns = PQnfields(result.get());
    rows->reserve(row_count);
    for (int r = 0; r < row_count; ++r) {
      std::vector<Value> row;
      row.reserve(columns);
      for (int c = 0; c < columns; ++c) row.push_back(ValueOf(result.get(), r, c));
      rows->emplace_back(std::move(row));
    }
  }
  int64_t changed = 0;
  return absl::SimpleAtoi(PQcmdTuples(result.get()), &changed) ? changed : 0;
}

absl::StatusOr<int64_t> PostgresConnection::Execute(absl::string_view sql, const std::vector<Value>& params) {
  return Run(sql, params, nullptr);
}

absl::StatusOr<std::vector<Row>> PostgresConnection::Query(absl::string_view sql,
                                                           const std::vector<Value>& params) {
  std::vector<Row> rows;
  absl::StatusOr<int64_t> ran = Run(sql, params, &rows);
  if (!ran.ok()) return ran.status();
  return rows;
}

}  // namespace wp::store
