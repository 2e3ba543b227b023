# The gRPC layer, the cached aggregates, the overdue watch and the binary.
wp_cc_library(NAME wp_governance_service
  SRCS access_policy.cc cached_aggregates.cc governance_grpc.cc overdue_watch.cc
  DEPS wp_governance_org wp_governance_meetings wp_governance_plans wp_governance_budgets
       wp_governance_base wp_authz wp_cache wp_log wp_server wp_status)

wp_cc_binary(NAME governance
  SRCS main.cc
  DEPS wp_governance_service wp_runtime)

# End-to-end: the binary against real nats-server, redis-server and SQLite
# (and the workstreams binary, for the sponsors it learns from governance).
wp_cc_test(NAME governance_service_test
  SRCS governance_service_test.cc
  DEPS wp_testing_service wp_testing_auth wp_bus wp_status wp_governance_proto wp_workstreams_proto
       PkgConfig::HIREDIS
  LABELS integration)
target_compile_definitions(governance_service_test PRIVATE
  WP_GOVERNANCE_BIN="$<TARGET_FILE:governance>" WP_WORKSTREAMS_BIN="$<TARGET_FILE:workstreams>")
add_dependencies(governance_service_test governance workstreams)

wp_cc_test(NAME governance_security_test
  SRCS governance_security_test.cc
  DEPS wp_testing_service wp_testing_auth wp_auth wp_authz wp_governance_service wp_audit_proto wp_outbox_proto
       wp_service_status_proto wp_logging_proto wp_store_admin_proto wp_governance_proto
  LABELS integration)
target_compile_definitions(governance_security_test PRIVATE WP_GOVERNANCE_BIN="$<TARGET_FILE:governance>")
add_dependencies(governance_security_test governance)
