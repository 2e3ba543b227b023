#!/usr/bin/env bash
# Smoke test of the README's run command: it starts the whole stack on free
# ports with a fresh data folder, loads the demo data, answers wpctl, and
# stops everything cleanly on SIGTERM (as on Ctrl-C).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
wpctl="$1"

# Free ports, one per variable named (bash only: no other tool is assumed
# installed). They come from 20000-32767, below Linux's ephemeral range
# (32768-60999), where any outgoing connection could take a port between the
# pick and the server's bind; no two are the same.
export_free_ports() {
  local picked=" " name port
  for name in "$@"; do
    while true; do
      port=$((20000 + RANDOM % 12768))
      [[ "$picked" == *" $port "* ]] && continue
      (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
      picked+="$port "
      export "$name=$port"
      break
    done
  done
}
work="$(mktemp -d)"
export WP_DATA_DIR="$work/data"
export_free_ports WP_NATS_PORT WP_REDIS_PORT WP_WORKSTREAMS_PORT WP_GOVERNANCE_PORT \
  WP_WORKSTREAMS_METRICS_PORT WP_GOVERNANCE_METRICS_PORT WP_WESTOS_PORT WP_WESTOS_METRICS_PORT \
  WP_LEARNING_PORT WP_LEARNING_METRICS_PORT

"$root/scripts/run" >"$work/run.log" 2>&1 &
run_pid=$!
cleanup() { kill -TERM "$run_pid" 2>/dev/null || true; }
trap cleanup EXIT
# On a failure: what run printed and the end of every log, then the reason.
fail() {
  cat "$work/run.log"
  for log in "$WP_DATA_DIR"/logs/*.log; do
    [ -f "$log" ] && { echo "--- $log"; tail -n 15 "$log"; }
  done
  echo "$1"
  exit 1
}

for _ in $(seq 1 600); do
  grep -q "Press Ctrl-C to stop" "$work/run.log" && break
  kill -0 "$run_pid" 2>/dev/null || fail "run exited early"
  sleep 0.2
done
grep -q "demo data loaded" "$work/run.log" || fail "no demo data"
# Learning: the programme, its sessions and the conference.
grep -q "learning: 10 practitioners, 5 events" "$work/run.log" || fail "no learning demo data"
# Without a token the API refuses; health checks stay open.
if WP_TOKEN= "$wpctl" --server "127.0.0.1:$WP_WORKSTREAMS_PORT" tracker summary --period 2018-21 \
    >"$work/anon.txt" 2>&1; then
  echo "a call without a token was accepted"; exit 1
fi
grep -q UNAUTHENTICATED "$work/anon.txt" || { cat "$work/anon.txt"; exit 1; }

export WP_TOKEN="$(cat "$WP_DATA_DIR/admin.token")"
summary="$("$wpctl" --server "127.0.0.1:$WP_WORKSTREAMS_PORT" tracker summary --period 2018-21 --json)"
echo "$summary" | grep -Eq '"total": ?50' || { echo "unexpected summary: $summary"; exit 1; }
items="$("$wpctl" --server "127.0.0.1:$WP_WORKSTREAMS_PORT" items list --period 2022-23)"
echo "$items" | grep -q "3.3" || { echo "unexpected items: $items"; exit 1; }
# Governance: the demo plans are there, and the workstreams service shows the
# Board sponsors it learned from governance's events.
plans="$("$wpctl" --governance_server "127.0.0.1:$WP_GOVERNANCE_PORT" plans list --json)"
echo "$plans" | grep -q '"plans/2022-23"' || { echo "unexpected plans: $plans"; exit 1; }
sponsored=no
for _ in $(seq 1 100); do
  if "$wpctl" --server "127.0.0.1:$WP_WORKSTREAMS_PORT" workstreams get planPeriods/2022-23/workstreams/1 --json |
      grep -q '"sponsors"'; then
    sponsored=yes; break
  fi
  sleep 0.2
done
[ "$sponsored" = yes ] || { echo "no Board sponsors reached the workstreams service"; exit 1; }
# Project action plans: the interim plan's seven prioritised projects have
# their tasks, and the paused project's task is on hold, not overdue.
grep -q "action plans 2020-23: created 19, updated 0, unchanged 0, rejected 0" "$work/run.log" ||
  fail "no project action plans in the demo"
projects="$("$wpctl" --server "127.0.0.1:$WP_WORKSTREAMS_PORT" projects list --period 2020-23 --status prioritised)"
echo "$projects" | grep -q "7 projects" || { echo "unexpected projects: $projects"; exit 1; }
headship="$("$wpctl" --server "127.0.0.1:$WP_WORKSTREAMS_PORT" projects get thinking-about-headship --period 2020-23)"
echo "$headship" | grep -q "(project paused)" || { echo "unexpected paused project: $headship"; exit 1; }
# The current plan: the plan of the session holding today (August to July),
# active in governance, with tracker rows past their dates in workstreams, and
# the next Board's pack on it with an overdue action.
year="$(date -u +%Y)"; month="$(date -u +%-m)"
first=$year; [ "$month" -ge 8 ] || first=$((year - 1))
session="$first-$(printf '%02d' $(((first + 1) % 100)))"
grep -q "current plan $session: 9 tracker rows; action plan of numeracy-in-the-bge: created 5," "$work/run.log" ||
  fail "no current plan $session in the demo"
current="$("$wpctl" --governance_server "127.0.0.1:$WP_GOVERNANCE_PORT" plans get "plans/$session" --json)"
echo "$current" | grep -Eq '"state": ?"ACTIVE"' || { echo "the current plan is not active: $current"; exit 1; }
overdue="$("$wpctl" --server "127.0.0.1:$WP_WORKSTREAMS_PORT" items list --period "$session" --overdue --json)"
echo "$overdue" | grep -q "\"planPeriods/$session/planItems/1.3\"" || { echo "nothing overdue in $session: $overdue"; exit 1; }
next_meeting="$(grep -o 'next meeting bodies/[a-z-]*/meetings/[0-9]*' "$work/run.log" | awk '{print $3}')"
[ -n "$next_meeting" ] || fail "no next meeting in the governance demo"
pack="$("$wpctl" --governance_server "127.0.0.1:$WP_GOVERNANCE_PORT" meetings pack "$next_meeting" --json)"
echo "$pack" | grep -q "\"plans/$session\"" || { echo "the next pack is not on the current plan: $pack"; exit 1; }
echo "$pack" | grep -Eq '"overdue": ?true' || { echo "no overdue action in the next pack: $pack"; exit 1; }
# Westos: three weeks of generated usage, counted.
usage="$("$wpctl" --westos_server "127.0.0.1:$WP_WESTOS_PORT" usage query --from "$(date -u -d '-30 days' +%F)" \
  --to "$(date -u +%F)" --json)"
echo "$usage" | grep -Eq '"distinctUsers": ?"?[1-9]' || { echo "unexpected usage: $usage"; exit 1; }

# Learning: the demo programme's figures (docs/api-learning.md works them out).
stats="$("$wpctl" --learning_server "127.0.0.1:$WP_LEARNING_PORT" learning stats --programme improving-our-classrooms \
  --json)"
echo "$stats" | grep -Eq '"completions": ?5' || { echo "unexpected learning figures: $stats"; exit 1; }

kill -TERM "$run_pid"
wait "$run_pid" && status=0 || status=$?
trap - EXIT
grep -q "stopped." "$work/run.log" || { cat "$work/run.log"; echo "did not stop cleanly"; exit 1; }
[ "$status" -eq 0 ] || { cat "$work/run.log"; echo "run exited with $status"; exit 1; }
for port in "$WP_NATS_PORT" "$WP_REDIS_PORT" "$WP_GOVERNANCE_PORT" "$WP_WORKSTREAMS_PORT" "$WP_LEARNING_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port still open"; exit 1; fi
done
rm -rf "$work"
echo "run command: started, served, stopped"
