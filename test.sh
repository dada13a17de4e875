#!/usr/bin/env bash
# The README's test command. Ensures the test cluster (never the run cluster), creates a fresh database
# for this run, runs every test project against it and ends with `tests: N passed, N failed`.
# Extra arguments go to `dotnet test` (e.g. ./test.sh --filter "FullyQualifiedName~Storage").
# `./test.sh --unit` (or a --filter that requires Category=Unit) runs only the tests marked
# [Trait("Category", "Unit")] and starts no database.
set -uo pipefail
cd "$(dirname "$0")"

# True when every test the filter selects must carry Category=Unit: one of its &-joined terms is exactly
# that, and no | can let other tests in.
selects_unit_only() {
  [[ "$1" == *"|"* ]] && return 1
  local term
  IFS='&' read -ra terms <<<"$1"
  for term in "${terms[@]}"; do
    term=${term//[() ]/}
    [ "$term" = "Category=Unit" ] && return 0
  done
  return 1
}

unit_only=false
filter=""
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --unit) unit_only=true; shift ;;
    --filter) filter=${2:-}; shift 2 ;;
    --filter=*) filter=${1#--filter=}; shift ;;
    *) args+=("$1"); shift ;;
  esac
done
if $unit_only; then filter=${filter:+($filter)&}Category=Unit; fi
[ -n "$filter" ] && args+=(--filter "$filter")
selects_unit_only "$filter" && unit_only=true

database="skillsmatch_test_$(date +%Y%m%d%H%M%S)_$$"
results="TestResults/$database"
if $unit_only; then
  # No cluster: a test that still asks for PostgreSQL fails with a message naming its wrong trait.
  export SKILLSMATCH_TEST_CONNECTION=unit-only
else
  if ! connection=$(scripts/postgres.sh ensure --cluster test --database "$database"); then
    echo "test.sh: the test cluster could not be started" >&2
    echo "tests: 0 passed, 1 failed"
    exit 1
  fi
  export SKILLSMATCH_TEST_CONNECTION="$connection"
  # The browser tests drive Debian's chromium (installed on first use, like PostgreSQL).
  if ! scripts/chromium.sh ensure >/dev/null; then
    echo "test.sh: chromium could not be installed" >&2
    echo "tests: 0 passed, 1 failed"
    exit 1
  fi
  cleanup() {
    scripts/postgres.sh drop-database --cluster test --database "$database" >/dev/null 2>&1 || true
    # A clean clone (CI) leaves nothing running; a developer's test cluster stays up for the next run.
    [ -n "${CI:-}" ] && scripts/postgres.sh stop --cluster test >/dev/null 2>&1
    true
  }
  trap cleanup EXIT
fi

dotnet test SkillsMatch.sln -c Release --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" ${args[@]+"${args[@]}"}
status=$?

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
# A build or runner failure that produced no result still fails the run, visibly.
if [ $status -ne 0 ] && [ $failed -eq 0 ]; then failed=1; fi
rm -rf "$results"
echo "tests: $passed passed, $failed failed"
if [ $status -eq 0 ] && [ $failed -eq 0 ]; then exit 0; else exit 1; fi
