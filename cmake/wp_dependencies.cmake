# Finds every third-party dependency once, from Debian packages.
# Debian 12 quirks (see docs/operations.md): gRPC, cnats and hiredis are found
# through pkg-config because their CMake configs are missing or broken.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(Protobuf REQUIRED)
find_package(absl REQUIRED)
find_package(GTest REQUIRED)
find_package(SQLite3 REQUIRED)
# libpq-dev: target PostgreSQL::PostgreSQL (libs/store/postgres_database.h).
find_package(PostgreSQL REQUIRED)
# libroaring-dev (CRoaring): target roaring::roaring; exact distinct people as bitmaps.
find_package(roaring REQUIRED)
# prometheus-cpp-dev: targets prometheus-cpp::core and prometheus-cpp::pull.
find_package(prometheus-cpp CONFIG REQUIRED)

pkg_check_modules(GRPCPP REQUIRED IMPORTED_TARGET grpc++)
pkg_check_modules(NATS REQUIRED IMPORTED_TARGET libnats)
pkg_check_modules(HIREDIS REQUIRED IMPORTED_TARGET hiredis)
pkg_check_modules(JWT REQUIRED IMPORTED_TARGET libjwt)

find_program(GRPC_CPP_PLUGIN grpc_cpp_plugin REQUIRED)
find_library(GRPCPP_REFLECTION grpc++_reflection REQUIRED)

# Servers the integration tests start for themselves.
find_program(NATS_SERVER_BIN nats-server PATHS /usr/sbin /usr/bin)
find_program(REDIS_SERVER_BIN redis-server PATHS /usr/bin /usr/sbin)
