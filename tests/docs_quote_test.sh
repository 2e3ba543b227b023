#!/usr/bin/env bash
# docs/adding-a-service.md shows no code of its own, so it cannot drift from
# the code: every fenced block in it is quoted from a real file, and the
# comment line just before the block says which:
#   <!-- quote: examples/notices/main.cc -->              the whole file
#   <!-- quote: examples/notices/notice_board.cc#post --> the lines between
#                                 "[START post]" and "[END post]" in the file
# The test fails when a block quotes nothing, when a marker or a region is
# missing or found twice, when a block differs from its source, or when a
# path the page names in backticks does not exist.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
page="$root/docs/adding-a-service.md"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

failures=0
quotes=0
fail() {
  echo "docs/adding-a-service.md:$1: $2" >&2
  failures=$((failures + 1))
}

# Prints what SOURCE (PATH or PATH#REGION) names; exit status 1 when the file
# is missing or the region is not marked exactly once.
source_text() {
  local path="${1%%#*}" name=""
  [[ "$1" == *"#"* ]] && name="${1#*#}"
  [[ -f "$root/$path" ]] || return 1
  if [[ -z "$name" ]]; then
    cat "$root/$path"
    return 0
  fi
  awk -v start="[START $name]" -v end="[END $name]" '
    index($0, start) { if (seen) bad = 1; seen = 1; inside = 1; next }
    index($0, end) { if (!inside) bad = 1; inside = 0; next }
    inside { print }
    END { if (!seen || inside || bad) exit 1 }
  ' "$root/$path"
}

lineno=0
pending=""       # the source named by the marker just read
pending_line=0
in_block=0
block_source=""
block_line=0
while IFS= read -r line || [[ -n "$line" ]]; do
  lineno=$((lineno + 1))
  if ((in_block)); then
    if [[ "$line" =~ ^[[:space:]]*\`\`\`[[:space:]]*$ ]]; then
      in_block=0
      quotes=$((quotes + 1))
      if [[ -z "$block_source" ]]; then
        :  # already reported: the block quotes no file
      elif ! source_text "$block_source" >"$work/source"; then
        fail "$block_line" "quotes $block_source, which does not exist or is not marked exactly once"
      elif ! diff -u --label "$block_source" --label "docs/adding-a-service.md:$block_line" \
          "$work/source" "$work/block" >&2; then
        fail "$block_line" "the block differs from $block_source (diff above)"
      fi
    else
      printf '%s\n' "$line" >>"$work/block"
    fi
    continue
  fi
  if [[ "$line" =~ ^\<!--\ quote:\ ([^[:space:]]+)\ --\>$ ]]; then
    [[ -n "$pending" ]] && fail "$pending_line" "quote marker without a code block after it"
    pending="${BASH_REMATCH[1]}"
    pending_line=$lineno
    continue
  fi
  if [[ "$line" =~ ^[[:space:]]*\`\`\` ]]; then
    if [[ -z "$pending" ]]; then
      fail "$lineno" "a code block that quotes no file (put <!-- quote: PATH#REGION --> before it)"
    fi
    [[ "$line" =~ ^\`\`\` ]] || fail "$lineno" "an indented code block cannot be compared; unindent it"
    in_block=1
    block_source="$pending"
    block_line=$lineno
    pending=""
    : >"$work/block"
    continue
  fi
  if [[ -n "$pending" && -n "${line//[[:space:]]/}" ]]; then
    fail "$pending_line" "quote marker not followed by a code block"
    pending=""
  fi
done <"$page"
((in_block)) && fail "$block_line" "code block never closed"
[[ -n "$pending" ]] && fail "$pending_line" "quote marker without a code block after it"

# Paths the page names in backticks, such as `libs/runtime/service_runtime.h`.
while IFS=: read -r at path; do
  [[ -e "$root/$path" ]] || fail "$at" "names \`$path\`, which does not exist"
done < <(grep -no '`[^`]*`' "$page" | tr -d '`' |
           grep -E ':(examples|libs|tools|scripts|proto|tests|services|docs|cmake|deploy)/[A-Za-z0-9_./-]*$' || true)

if ((quotes < 10)); then
  fail 1 "only $quotes quoted blocks found; the page walks through the example in quotes"
fi
if ((failures > 0)); then
  echo "docs/adding-a-service.md: $failures problem(s); quote the real files (see the top of $0)" >&2
  exit 1
fi
echo "docs/adding-a-service.md: $quotes quoted blocks match their files"
