// Routes the protobuf library's own log output (for example "String field
// ... contains invalid UTF-8 data when parsing a protocol buffer", written
// when a client sends undecodable bytes) through libs/log, so every line a
// service writes is in the project's format:
//   ts=... level=warn svc=workstreams msg=protobuf detail="String field ..." source=wire_format_lite.cc:618
//
// Thread-safe: installs once (ServiceHost::Start calls it); later calls do nothing.
#ifndef WP_LIBS_SERVER_PROTOBUF_LOG_H_
#define WP_LIBS_SERVER_PROTOBUF_LOG_H_

namespace wp::server {

void RouteProtobufLogs();

}  // namespace wp::server

#endif  // WP_LIBS_SERVER_PROTOBUF_LOG_H_
