#!/usr/bin/env bash
# docs/adding-a-service.md quotes services/workstreams/main.cc whole: the
# quote must stay the compiled code, not drift into a template of its own.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
quoted="$(awk '
  /`services\/workstreams\/main.cc`, whole:/ { found = 1; next }
  found && /^```cpp$/ { inside = 1; next }
  inside && /^```$/ { exit }
  inside { print }
' "$root/docs/adding-a-service.md")"
if [[ -z "$quoted" ]]; then
  echo "no quote of services/workstreams/main.cc found in docs/adding-a-service.md" >&2
  exit 1
fi
if ! diff -u "$root/services/workstreams/main.cc" <(printf '%s\n' "$quoted"); then
  echo "docs/adding-a-service.md: the quote of services/workstreams/main.cc is out of date" >&2
  exit 1
fi
echo "docs quote matches services/workstreams/main.cc"
