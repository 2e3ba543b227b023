// What a handler needs to know about the caller of the current RPC.
//
// Services get it from the authentication interceptor's verdict
// (libs/authz/call_guard.h), built from the verified token: never from
// anything the client merely claims. Thread-safe: plain data.
#ifndef WP_LIBS_SERVER_REQUEST_CONTEXT_H_
#define WP_LIBS_SERVER_REQUEST_CONTEXT_H_

#include <string>
#include <vector>


namespace wp::server {

struct Caller {
  std::string actor;     // who: the token's subject ("anonymous" when nobody said)
  // The call's trace (libs/trace/trace_context.h): the W3C trace-id of the
  // client's traceparent, else its x-request-id, else a fresh trace id.
  std::string trace_id;
  // The W3C traceparent of this call's own span (a child of the client's);
  // events the call writes carry it to their consumers.
  std::string traceparent;
  std::string role;      // the token's role, e.g. "officer" (empty before authentication)
  std::vector<std::string> authorities;  // authority codes an authority_officer may act for
  std::string method;    // full RPC name, e.g. "/wp.workstreams.v1.WorkstreamsService/GetPlanItem"
};

// A fresh random id (UUID v4 text).
std::string NewId();

}  // namespace wp::server

#endif  // WP_LIBS_SERVER_REQUEST_CONTEXT_H_
