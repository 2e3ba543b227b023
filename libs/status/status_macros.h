// Early-return helpers for absl::Status and absl::StatusOr<T>, so a call
// site says "stop on error" once instead of writing the same three lines:
//
//   WP_RETURN_IF_ERROR(tx.Exec(...));            // expr is an absl::Status
//   WP_ASSIGN_OR_RETURN(v1::Plan plan, ReadPlan(tx, id));
//   WP_ASSIGN_OR_RETURN(existing, ReadPlan(tx, id));   // assigns
//
// Both return the error status unchanged, from any function that returns
// absl::Status or absl::StatusOr<T>. WP_ASSIGN_OR_RETURN moves the value out,
// so move-only types work; it expands to several statements, so it cannot
// be the body of an unbraced if/else, and a `lhs` holding a comma (a
// std::pair<A, B> declaration) needs a type alias.
//
// The WP_ prefix keeps clear of the unprefixed RETURN_IF_ERROR and
// ASSIGN_OR_RETURN of protobuf's internal stubs/status_macros.h (not
// installed today, but a same-named macro would silently win or clash).
//
// Thread-safety: macros; as safe as the expressions given to them.
#ifndef WP_LIBS_STATUS_STATUS_MACROS_H_
#define WP_LIBS_STATUS_STATUS_MACROS_H_

#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

// Evaluates `expr` (an absl::Status) once; returns it when it is not OK.
#define WP_RETURN_IF_ERROR(expr)                                          \
  do {                                                                    \
    ::absl::Status wp_status_macros_status = (expr);                      \
    if (!wp_status_macros_status.ok()) return wp_status_macros_status;    \
  } while (false)

// Evaluates `rexpr` (an absl::StatusOr<T>) once; returns its status when it
// is not OK, else moves its value into `lhs` (a declaration or an lvalue).
#define WP_ASSIGN_OR_RETURN(lhs, rexpr) \
  WP_STATUS_MACROS_ASSIGN_OR_RETURN_IMPL_(WP_STATUS_MACROS_CONCAT_(wp_statusor_, __LINE__), lhs, rexpr)

// Internal details of the macros above.
#define WP_STATUS_MACROS_CONCAT_INNER_(a, b) a##b
#define WP_STATUS_MACROS_CONCAT_(a, b) WP_STATUS_MACROS_CONCAT_INNER_(a, b)
#define WP_STATUS_MACROS_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, rexpr) \
  auto statusor = (rexpr);                                            \
  if (!statusor.ok()) return std::move(statusor).status();            \
  lhs = std::move(statusor).value()

#endif  // WP_LIBS_STATUS_STATUS_MACROS_H_
