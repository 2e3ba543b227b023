# Meetings (agenda, attendance and quorum, the meeting pack), the decisions
# taken at them and the actions that follow.
wp_cc_library(NAME wp_governance_meetings
  SRCS agenda.cc request_checks.cc meeting_store.cc decision_store.cc action_store.cc meeting_pack.cc
       meetings.cc decisions.cc actions.cc
  DEPS wp_governance_base wp_governance_domain wp_paging wp_calendar wp_store wp_status absl::strings
       absl::time
  TESTS meetings_test.cc meeting_pack_test.cc decisions_test.cc actions_test.cc
  TEST_DEPS wp_testing)
