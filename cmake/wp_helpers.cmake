# Helpers every folder uses to declare its targets with explicit source lists.

set(WP_WARNINGS -Wall -Wextra -Wpedantic -Wno-unused-parameter)
if(WP_WERROR)
  list(APPEND WP_WARNINGS -Werror)
endif()

# Test code itself is never measured, and most of the build is tests: built
# unoptimised and without debug info it compiles about twice as fast (the
# libraries a test links keep the build type's flags). Off for Debug builds.
option(WP_LIGHT_TESTS "compile test sources with -O0 -g0" ON)
set(WP_TEST_OPTIONS)
if(WP_LIGHT_TESTS AND NOT CMAKE_BUILD_TYPE STREQUAL "Debug" AND NOT WP_FUZZ)
  set(WP_TEST_OPTIONS -O0 -g0)
endif()

include(wp_precompiled_headers)

# wp_cc_library(NAME name SRCS a.cc ... DEPS lib ... [TESTS a_test.cc ...]
#               [ENGINE_TESTS b_test.cc ...] [TEST_DEPS ...])
# Declares a library beside its unit tests. Each test file becomes one test binary.
# ENGINE_TESTS run on both store engines (libs/testing/test_store.h) and are
# registered once per engine, so that `ctest -L engine_postgres` picks one.
function(wp_cc_library)
  cmake_parse_arguments(ARG "" "NAME" "SRCS;DEPS;TESTS;ENGINE_TESTS;TEST_DEPS" ${ARGN})
  add_library(${ARG_NAME} STATIC ${ARG_SRCS})
  target_include_directories(${ARG_NAME} PUBLIC ${PROJECT_SOURCE_DIR})
  target_compile_options(${ARG_NAME} PRIVATE ${WP_WARNINGS})
  target_link_libraries(${ARG_NAME} PUBLIC ${ARG_DEPS})
  wp_use_precompiled_headers(${ARG_NAME})
  foreach(test_src IN LISTS ARG_TESTS)
    get_filename_component(test_name ${test_src} NAME_WE)
    wp_cc_test(NAME ${test_name} SRCS ${test_src} DEPS ${ARG_NAME} ${ARG_TEST_DEPS})
  endforeach()
  foreach(test_src IN LISTS ARG_ENGINE_TESTS)
    get_filename_component(test_name ${test_src} NAME_WE)
    wp_cc_test(NAME ${test_name} SRCS ${test_src} DEPS ${ARG_NAME} ${ARG_TEST_DEPS} ENGINE_SPLIT)
  endforeach()
endfunction()

# wp_cc_test(NAME name SRCS a.cc ... DEPS lib ... [LABELS ...] [ENGINE_SPLIT])
# ENGINE_SPLIT: two ctest entries, NAME.sqlite and NAME.postgres (labels
# engine_sqlite and engine_postgres), split on "Postgres" in the test names.
function(wp_cc_test)
  cmake_parse_arguments(ARG "ENGINE_SPLIT" "NAME" "SRCS;DEPS;LABELS" ${ARGN})
  add_executable(${ARG_NAME} ${ARG_SRCS})
  target_include_directories(${ARG_NAME} PRIVATE ${PROJECT_SOURCE_DIR})
  target_compile_options(${ARG_NAME} PRIVATE ${WP_WARNINGS} ${WP_TEST_OPTIONS})
  target_link_libraries(${ARG_NAME} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gtest_main GTest::gmock)
  wp_use_precompiled_headers(${ARG_NAME} TEST)
  if(ARG_ENGINE_SPLIT)
    add_test(NAME ${ARG_NAME}.sqlite COMMAND ${ARG_NAME} --gtest_filter=-*Postgres*)
    add_test(NAME ${ARG_NAME}.postgres COMMAND ${ARG_NAME} --gtest_filter=*Postgres*)
    set_tests_properties(${ARG_NAME}.sqlite PROPERTIES TIMEOUT 300 LABELS "engine_sqlite;${ARG_LABELS}")
    set_tests_properties(${ARG_NAME}.postgres PROPERTIES TIMEOUT 300 LABELS "engine_postgres;${ARG_LABELS}")
    return()
  endif()
  add_test(NAME ${ARG_NAME} COMMAND ${ARG_NAME})
  set_tests_properties(${ARG_NAME} PROPERTIES TIMEOUT 300)
  if(ARG_LABELS)
    set_tests_properties(${ARG_NAME} PROPERTIES LABELS "${ARG_LABELS}")
  endif()
endfunction()

# wp_cc_binary(NAME name SRCS a.cc ... DEPS lib ...)
function(wp_cc_binary)
  cmake_parse_arguments(ARG "" "NAME" "SRCS;DEPS" ${ARGN})
  add_executable(${ARG_NAME} ${ARG_SRCS})
  target_include_directories(${ARG_NAME} PRIVATE ${PROJECT_SOURCE_DIR})
  target_compile_options(${ARG_NAME} PRIVATE ${WP_WARNINGS})
  target_link_libraries(${ARG_NAME} PRIVATE ${ARG_DEPS})
  wp_use_precompiled_headers(${ARG_NAME})
endfunction()

# wp_proto_library(NAME name PROTOS path/a.proto ... [DEPS other_proto_lib ...] [GRPC])
# Generates C++ (and gRPC stubs when GRPC is given) from protos under proto/.
function(wp_proto_library)
  cmake_parse_arguments(ARG "GRPC" "NAME" "PROTOS;DEPS" ${ARGN})
  set(proto_root ${PROJECT_SOURCE_DIR}/proto)
  set(out_dir ${PROJECT_BINARY_DIR}/gen)
  file(MAKE_DIRECTORY ${out_dir})
  set(generated)
  foreach(proto IN LISTS ARG_PROTOS)
    string(REGEX REPLACE "\\.proto$" "" base ${proto})
    set(outs ${out_dir}/${base}.pb.cc ${out_dir}/${base}.pb.h)
    set(plugin_args)
    if(ARG_GRPC)
      list(APPEND outs ${out_dir}/${base}.grpc.pb.cc ${out_dir}/${base}.grpc.pb.h)
      set(plugin_args --grpc_out=${out_dir} --plugin=protoc-gen-grpc=${GRPC_CPP_PLUGIN})
    endif()
    add_custom_command(
      OUTPUT ${outs}
      COMMAND protobuf::protoc --proto_path=${proto_root} --cpp_out=${out_dir} ${plugin_args}
              ${proto_root}/${proto}
      DEPENDS ${proto_root}/${proto} protobuf::protoc
      COMMENT "protoc ${proto}")
    list(APPEND generated ${outs})
  endforeach()
  add_library(${ARG_NAME} STATIC ${generated})
  if(WP_FUZZ)
    # Generated code is not what the fuzzers test; uninstrumented and
    # unoptimised it compiles several times faster (see cmake/wp_fuzz.cmake).
    target_compile_options(${ARG_NAME} PRIVATE -fno-sanitize=all -O0)
  endif()
  target_include_directories(${ARG_NAME} PUBLIC ${out_dir})
  target_link_libraries(${ARG_NAME} PUBLIC ${ARG_DEPS} protobuf::libprotobuf)
  if(ARG_GRPC)
    target_link_libraries(${ARG_NAME} PUBLIC PkgConfig::GRPCPP)
  endif()
endfunction()
