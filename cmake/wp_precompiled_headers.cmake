# Precompiled headers, one set per area (a service, wpctl, the shared libraries).
#
# Most of the build's time is the compiler reading the same headers again:
# every file of a service reads its generated protos (tens of thousands of
# lines each), protobuf's descriptor.pb.h (which field_limits.proto pulls
# into every message header), Abseil and, in tests, GoogleTest. An area
# declares those once with wp_precompiled_headers(); every library, binary
# and test declared after it in that folder and the folders below it reuses
# the compiled result (wp_cc_library, wp_cc_binary and wp_cc_test call
# wp_use_precompiled_headers). Two copies are compiled per area, because a
# precompiled header is only valid for the flags it was compiled with: one
# with the build type's flags, one with the lighter flags of test sources.
#
# Off with -DWP_PCH=OFF, and always off in the fuzz build (clang).

option(WP_PCH "reuse precompiled headers per area (cmake/wp_precompiled_headers.cmake)" ON)

# What nearly every file includes, whatever its area.
set(WP_PCH_COMMON_HEADERS
  <algorithm> <cstdint> <functional> <map> <memory> <optional> <set> <string>
  <utility> <vector>
  <absl/container/flat_hash_map.h> <absl/status/status.h> <absl/status/statusor.h>
  <absl/strings/ascii.h> <absl/strings/match.h> <absl/strings/numbers.h>
  <absl/strings/str_cat.h> <absl/strings/str_format.h> <absl/strings/str_join.h>
  <absl/strings/str_split.h> <absl/strings/string_view.h>
  <absl/synchronization/mutex.h> <absl/time/civil_time.h> <absl/time/clock.h>
  <absl/time/time.h>
  <google/protobuf/descriptor.pb.h> <google/protobuf/message.h>)

# wp_precompiled_headers(AREA name [PROTOS wp/x/v1/y.pb.h ...] [DEPS target ...])
# PROTOS: generated headers most files of the area include; DEPS: the proto
# libraries that generate them. Sets WP_PCH_AREA for this folder and below.
function(wp_precompiled_headers)
  cmake_parse_arguments(ARG "" "AREA" "PROTOS;DEPS" ${ARGN})
  if(NOT WP_PCH OR WP_FUZZ)
    return()
  endif()
  set(headers ${WP_PCH_COMMON_HEADERS})
  foreach(proto_header IN LISTS ARG_PROTOS)
    list(APPEND headers <${proto_header}>)
  endforeach()
  set(host_source ${CMAKE_CURRENT_BINARY_DIR}/wp_pch_${ARG_AREA}.cc)
  file(CONFIGURE OUTPUT ${host_source}
       CONTENT "// Compiles the precompiled headers of ${ARG_AREA}; see cmake/wp_precompiled_headers.cmake.\n")

  set(host wp_pch_${ARG_AREA})
  add_library(${host} OBJECT ${host_source})
  target_include_directories(${host} PRIVATE ${PROJECT_SOURCE_DIR})
  target_compile_options(${host} PRIVATE ${WP_WARNINGS})
  target_link_libraries(${host} PRIVATE ${ARG_DEPS} protobuf::libprotobuf absl::status)
  target_precompile_headers(${host} PRIVATE ${headers})

  set(test_host wp_pch_${ARG_AREA}_test)
  add_library(${test_host} OBJECT ${host_source})
  target_include_directories(${test_host} PRIVATE ${PROJECT_SOURCE_DIR})
  target_compile_options(${test_host} PRIVATE ${WP_WARNINGS} ${WP_TEST_OPTIONS})
  target_link_libraries(${test_host} PRIVATE ${ARG_DEPS} protobuf::libprotobuf absl::status
                        GTest::gtest)
  target_precompile_headers(${test_host} PRIVATE ${headers} <gtest/gtest.h>)

  set(WP_PCH_AREA ${ARG_AREA} PARENT_SCOPE)
endfunction()

# wp_use_precompiled_headers(target [TEST]): the area's set, when there is one.
function(wp_use_precompiled_headers target)
  cmake_parse_arguments(ARG "TEST" "" "" ${ARGN})
  if(NOT WP_PCH_AREA OR NOT WP_PCH OR WP_FUZZ)
    return()
  endif()
  if(ARG_TEST)
    target_precompile_headers(${target} REUSE_FROM wp_pch_${WP_PCH_AREA}_test)
  else()
    target_precompile_headers(${target} REUSE_FROM wp_pch_${WP_PCH_AREA})
  endif()
endfunction()
