# Tracker spreadsheet import/export (pure logic: CSV/TSV text <-> tracker rows;
# the CSV/TSV grammar itself is libs/table).
# Included by services/workstreams/CMakeLists.txt, and by scratch projects that
# build it alone, so every path is taken from this file's own location rather
# than from PROJECT_SOURCE_DIR or the including folder.
set(WP_TRACKER_FILES_DIR ${CMAKE_CURRENT_LIST_DIR})
get_filename_component(WP_TRACKER_FILES_REPO_ROOT ${CMAKE_CURRENT_LIST_DIR}/../.. ABSOLUTE)

wp_cc_library(NAME wp_workstreams_tracker_files
  SRCS ${WP_TRACKER_FILES_DIR}/tracker_row.cc
       ${WP_TRACKER_FILES_DIR}/utf8_text.cc
  DEPS wp_table wp_text absl::flat_hash_map absl::status absl::statusor absl::strings absl::str_format
  TESTS ${WP_TRACKER_FILES_DIR}/tracker_row_test.cc
        ${WP_TRACKER_FILES_DIR}/utf8_text_test.cc)

# "services/workstreams/..." includes resolve even when PROJECT_SOURCE_DIR is
# not the repository root (a scratch project).
target_include_directories(wp_workstreams_tracker_files PUBLIC ${WP_TRACKER_FILES_REPO_ROOT})

# The demo tracker the test reads (deploy/local/demo/tracker-2018-21.csv).
target_compile_definitions(tracker_row_test PRIVATE
  WP_DEMO_DIR="${WP_TRACKER_FILES_REPO_ROOT}/deploy/local/demo")
