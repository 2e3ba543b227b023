# Plans: their content and lifecycle, amendments, and workstream sponsorship
# (PlansService, first three sections of plans.proto).
wp_cc_library(NAME wp_governance_plans
  SRCS plan_content.cc plan_store.cc decided_at.cc plans.cc plan_steps.cc plan_amendments.cc
       sponsorship_store.cc sponsorships.cc
  DEPS wp_governance_base wp_governance_domain wp_paging wp_calendar wp_store wp_status wp_server
       absl::status absl::statusor absl::strings absl::time
  TESTS plans_test.cc plan_amendments_test.cc sponsorships_test.cc
  TEST_DEPS wp_testing)
