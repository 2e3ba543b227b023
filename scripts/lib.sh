# Shared by scripts/run and scripts/test: package installation and the build.
# Sourced, not executed.

# Debian packages the build and the local stack need.
WP_PACKAGES=(
  build-essential cmake ninja-build pkg-config
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler
  libabsl-dev libnats-dev nats-server libhiredis-dev redis-server redis-tools
  libsqlite3-dev libgtest-dev libgmock-dev
  sqlite3  # tools/bench/wp-bench-ingest: its baseline is the sqlite3 shell
  libpq-dev  # libs/store: the PostgreSQL engine
  libroaring-dev  # services/westos: exact distinct people as compressed bitmaps (CRoaring)
  postgresql-15  # the test harness starts it (libs/testing/postgres_server.h)
  libjwt-dev openssl
  prometheus-cpp-dev  # libs/metrics: the Prometheus endpoint
  clang-14 libclang-rt-14-dev  # scripts/fuzz: libFuzzer and the sanitizers
  python3-grpcio python3-protobuf  # tests/python_change_feed_test: the Python change-feed example
)

# The services scripts/run starts, in start order: one line each, with the
# name (also its data/<name>.db, logs/<name>.log, WP_<NAME>_PORT and event
# stream WP_<NAME>), its binary under build/ and its default gRPC port.
# [START services]
WP_SERVICES=(
  "governance   services/governance/governance    50051"
  "workstreams  services/workstreams/workstreams  50052"
  "learning     services/learning/learning        50053"
  "westos       services/westos/westos            50054"
)
# [END services]

wp_root() { cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd; }

# Installs whatever is missing, with apt-get update first, only when needed.
wp_install_packages() {
  local missing=()
  for p in "${WP_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then return 0; fi
  echo "installing: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# Configures once and builds incrementally into build/.
wp_build() {
  local root; root="$(wp_root)"
  local werror="${WP_WERROR:-ON}"
  if [ ! -f "$root/build/build.ninja" ]; then
    cmake -S "$root" -B "$root/build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWP_WERROR="$werror"
  fi
  cmake --build "$root/build" -j "$(nproc)"
}
