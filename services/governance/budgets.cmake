# Budgets: lines per workstream or project per financial year, their
# ledger of movements, reallocations between lines, and the summary.
wp_cc_library(NAME wp_governance_budgets
  SRCS budget_store.cc budget_checks.cc budget_lines.cc reallocations.cc budget_summary.cc
  DEPS wp_governance_base wp_governance_domain wp_paging wp_calendar wp_store wp_status wp_server
       absl::status absl::statusor absl::strings absl::time
  TESTS budget_lines_test.cc reallocations_test.cc budget_summary_test.cc
  TEST_DEPS wp_testing)
