# The org area: authorities and their population figures, people, bodies
# and memberships.
wp_cc_library(NAME wp_governance_org
  SRCS org_checks.cc authority_store.cc authorities.cc person_store.cc people.cc
       body_store.cc bodies.cc membership_store.cc memberships.cc
  DEPS wp_governance_base wp_governance_domain wp_paging wp_calendar wp_region wp_store
       wp_status absl::strings absl::time
  TESTS authorities_test.cc people_test.cc bodies_test.cc memberships_test.cc
  TEST_DEPS wp_testing)
