#!/usr/bin/env bash
# The three lists that name the services agree: WP_SERVICES in scripts/lib.sh
# (what scripts/run starts), the demo loader's parts (tools/demo) and wpctl's
# service addresses (as `wpctl help` prints them). Every binary in
# WP_SERVICES is built, and every service the demo loader or wpctl names is in
# WP_SERVICES with the same default port.
#   service_lists_test.sh WPCTL BUILD_DIR
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
wpctl="$1"
build="$2"
# shellcheck source=../scripts/lib.sh
source "$root/scripts/lib.sh"

failures=0
fail() { echo "$1" >&2; failures=$((failures + 1)); }

declare -A port_of
for entry in "${WP_SERVICES[@]}"; do
  read -r name binary port extra <<<"$entry"
  [[ -n "$name" && -n "$binary" && "$port" =~ ^[0-9]+$ && -z "${extra:-}" ]] ||
    fail "scripts/lib.sh: \"$entry\" is not NAME BINARY PORT"
  [[ -x "$build/$binary" ]] || fail "scripts/lib.sh: $name's binary $binary is not built under $build"
  [[ -z "${port_of[$name]:-}" ]] || fail "scripts/lib.sh: $name is listed twice"
  port_of[$name]="$port"
done
((${#port_of[@]} > 0)) || fail "scripts/lib.sh: WP_SERVICES is empty"

# name and default address of each entry: "the NAME service (default HOST:PORT)".
check() {
  local where="$1" name="$2" address="$3"
  if [[ -z "${port_of[$name]:-}" ]]; then
    fail "$where names $name, which is not in WP_SERVICES (scripts/lib.sh)"
  elif [[ "${address##*:}" != "${port_of[$name]}" ]]; then
    fail "$where: $name defaults to $address, but WP_SERVICES gives port ${port_of[$name]}"
  fi
}

seen=0
while read -r name address; do
  check "wpctl help" "$name" "$address"
  seen=$((seen + 1))
done < <("$wpctl" help | sed -nE 's/^ +the ([a-z_]+) service \(default ([^)]+)\)$/\1 \2/p')
((seen > 0)) || fail "wpctl help lists no service addresses"

seen=0
while read -r name address; do
  check "tools/demo/demo_load_main.cc" "$name" "$address"
  seen=$((seen + 1))
done < <(awk '/\[START demo_parts\]/ { inside = 1; next } /\[END demo_parts\]/ { inside = 0 } inside' \
           "$root/tools/demo/demo_load_main.cc" |
         sed -nE 's/^ *\{"([a-z_]+)", "([^"]+)",.*$/\1 \2/p')
((seen > 0)) || fail "tools/demo/demo_load_main.cc: no demo parts found between the markers"

((failures == 0)) || exit 1
echo "WP_SERVICES, the demo parts and wpctl's addresses agree (${#port_of[@]} services)"
