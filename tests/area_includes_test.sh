#!/usr/bin/env bash
# The folders of a service are its architecture, and its includes must say
# the same thing as its CMake (docs/architecture.md, "Folders and libraries"):
#   1. A file in a folder of a service (services/S/A/) includes another
#      folder's header (services/S/B/..., or services/S/x.h at the top) only
#      when A's CMakeLists.txt names a library defined in that folder: an area
#      of governance includes core/ and nothing of another area.
#   2. No service includes another service's headers (services/T/...).
#   3. No header of a service outside a from_*/ folder reaches <nats/nats.h>
#      through its includes: the domain libraries hold no NATS; consumers of
#      other services' events live in from_<service>/.
set -euo pipefail
root="${1:-$(cd "$(dirname "$0")/.." && pwd)}"
cd "$root"
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# The quoted includes of a file, one a line.
includes_of() { sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$1"; }
# The libraries a CMake file defines.
targets_defined_in() { sed -n 's/.*wp_cc_library(NAME[[:space:]]*\([A-Za-z0-9_]*\).*/\1/p' "$@"; }

for service_dir in services/*/; do
  service_dir="${service_dir%/}"
  service="${service_dir#services/}"
  [[ -f "$service_dir/CMakeLists.txt" ]] || continue
  # folder -> the libraries it defines ("." is the service's top folder,
  # whose CMakeLists.txt may include *.cmake files of the same folder).
  declare -A defines=()
  defines["."]="$(targets_defined_in "$service_dir"/CMakeLists.txt "$service_dir"/*.cmake 2>/dev/null || true)"
  for cmake in "$service_dir"/*/CMakeLists.txt; do
    [[ -f "$cmake" ]] || continue
    folder="$(basename "$(dirname "$cmake")")"
    defines["$folder"]="$(targets_defined_in "$cmake")"
  done

  while IFS= read -r file; do
    rel="${file#"$service_dir"/}"
    if [[ "$rel" == */* ]]; then own="${rel%%/*}"; else own="."; fi
    if [[ "$own" == "." ]]; then own_cmake=("$service_dir"/CMakeLists.txt); else own_cmake=("$service_dir/$own/CMakeLists.txt"); fi
    while IFS= read -r inc; do
      case "$inc" in
        services/"$service"/*) ;;
        services/*)
          fail "$file includes $inc: a service includes no other service's headers"
          continue ;;
        *) continue ;;
      esac
      inner="${inc#services/"$service"/}"
      if [[ "$inner" == */* ]]; then other="${inner%%/*}"; else other="."; fi
      [[ "$other" == "$own" ]] && continue
      allowed=false
      for target in ${defines[$other]:-}; do
        if grep -qw -- "$target" "${own_cmake[@]}"; then allowed=true; break; fi
      done
      if ! $allowed; then
        fail "$file includes $inc, but ${own_cmake[*]} links no library of $service_dir/${other#.}"
      fi
    done < <(includes_of "$file")
  done < <(find "$service_dir" -name '*.h' -o -name '*.cc' | sort)
  unset defines
done

# 3. NATS stays in from_*/ folders: follow each header's includes through the repository.
declare -A reaches_nats=()  # file -> the chain to <nats/nats.h>, or "no"; memoised
chain=""
# Sets `chain` to the include chain from $1 to <nats/nats.h>; fails if none.
nats_path() {
  local file="$1" inc
  if [[ -n "${reaches_nats[$file]+x}" ]]; then
    chain="${reaches_nats[$file]}"
    [[ "$chain" != no ]]
    return
  fi
  reaches_nats[$file]=no  # also breaks include cycles
  if grep -q '^[[:space:]]*#[[:space:]]*include[[:space:]]*<nats/nats.h>' "$file"; then
    chain="$file -> <nats/nats.h>"
    reaches_nats[$file]="$chain"
    return 0
  fi
  local -a incs
  mapfile -t incs < <(includes_of "$file")
  for inc in "${incs[@]}"; do
    [[ -f "$inc" ]] || continue  # generated protos, third-party headers
    if nats_path "$inc"; then
      chain="$file -> $chain"
      reaches_nats[$file]="$chain"
      return 0
    fi
  done
  return 1
}
while IFS= read -r header; do
  if nats_path "$header"; then
    fail "$chain: only headers in a from_*/ folder may reach NATS"
  fi
done < <(find services -name '*.h' -not -path '*/from_*/*' | sort)

if ((failures > 0)); then
  echo "$failures include rule(s) broken" >&2
  exit 1
fi
echo "includes follow the folders"
