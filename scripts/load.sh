#!/usr/bin/env bash
# Load and fault run, loopback only and bounded in time (about 3 minutes plus the first build):
#   1. builds the API and the CLI (Release), ensures the `run` cluster, starts the API on 127.0.0.1:$LOAD_PORT with
#      the per-key rate limit raised (Access__KeyPermits) so the limiter does not dominate, and per-request logs off;
#   2. seeds what the mix needs when missing: generated postings from the shipped taxonomy's occupations
#      (`skillsmatch jobs import`), learners through the API (`skillsmatch load --learners`);
#   3. `skillsmatch load` for $LOAD_DURATION after a 20 s unmeasured warm-up, then match requests alone, then the mix
#      again with the cluster stopped at 20 s for 10 s; each reports the API's CPU time per request (a figure that holds
#      when other work shares the cores);
#   4. stops the API, and the cluster too when this script started it.
# Rows it adds to the run database are tagged ("Load learner …", "load-…" learners, postings "load:…").
# Environment: LOAD_CONNECTIONS (16), LOAD_DURATION (60s), LOAD_PORT (5090), LOAD_POSTINGS (80), LOAD_LEARNERS (300),
# LOAD_REMEMBER_MATCHES (true; false times every match computed afresh).
set -euo pipefail
cd "$(dirname "$0")/.."

connections=${LOAD_CONNECTIONS:-16}
duration=${LOAD_DURATION:-60s}
port=${LOAD_PORT:-5090}
postings=${LOAD_POSTINGS:-80}
learners=${LOAD_LEARNERS:-300}
url="http://127.0.0.1:$port"
work=$(mktemp -d -t skillsmatch-load-XXXXXX)

dotnet build src/SkillsMatch.Api -c Release -v quiet -nologo >/dev/null
dotnet build src/SkillsMatch.Cli -c Release -v quiet -nologo >/dev/null
cli() { dotnet src/SkillsMatch.Cli/bin/Release/net10.0/linux-x64/skillsmatch.dll "$@"; }

cluster_was_running=1
scripts/postgres.sh status --cluster run >/dev/null 2>&1 || cluster_was_running=0
scripts/postgres.sh ensure --cluster run >/dev/null

api_pid=
cleanup() {
  [ -n "$api_pid" ] && kill "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null
  # The fault run restarts the cluster; it is stopped here only when this script had to start it.
  [ $cluster_was_running -eq 0 ] && scripts/postgres.sh stop --cluster run >/dev/null 2>&1
  rm -rf "$work"
  true
}
trap cleanup EXIT

echo "load.sh: starting the API on $url (log: $work/api.log)"
env Access__KeyPermits=1000000 Access__BootstrapKeys=false ASPNETCORE_ENVIRONMENT=Production Matching__RememberMatches="${LOAD_REMEMBER_MATCHES:-true}" \
  Logging__LogLevel__Default=Warning 'Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics=Warning' \
  dotnet src/SkillsMatch.Api/bin/Release/net10.0/linux-x64/SkillsMatch.Api.dll --urls "$url" >"$work/api.log" 2>&1 &
api_pid=$!
for _ in $(seq 1 180); do
  curl -fsS "$url/health/ready" >/dev/null 2>&1 && break
  kill -0 "$api_pid" 2>/dev/null || { echo "load.sh: the API exited:" >&2; tail -20 "$work/api.log" >&2; exit 1; }
  sleep 1
done
curl -fsS "$url/health/ready" >/dev/null || { echo "load.sh: the API did not become ready in 3 minutes" >&2; exit 1; }

# Postings: one per occupation of the shipped taxonomy in turn, asking for its essential skills (by label, so
# extraction finds them) with two optional ones as assets. Same identifiers every run, so a re-run updates them.
awk -F'\t' -v n="$postings" '
  FNR == 1 { next }
  FILENAME ~ /skills.tsv$/ { label[$1] = $4; next }
  { titles[++count] = $2; essential[count] = $8; optional[count] = $9 }
  END {
    split("Ontario|Quebec|British Columbia|Alberta|Manitoba|Nova Scotia", regions, "|")
    for (i = 0; i < n; i++) {
      r = (i * 7) % count + 1
      k = split(essential[r], e, "|"); m = split(optional[r], o, "|")
      text = "<h3>Requirements</h3><ul>"
      for (j = 1; j <= k && j <= 7; j++) text = text "<li>Experience with " label[e[j]] "</li>"
      text = text "</ul>"
      for (j = 1; j <= m && j <= 2; j++) text = text "<p>" label[o[j]] " is an asset.</p>"
      gsub(/"/, "", text)
      printf "{\"@context\":\"https://schema.org/\",\"@type\":\"JobPosting\",\"identifier\":{\"propertyID\":\"load\",\"value\":\"%d\"},\"title\":\"%s\",\"description\":\"%s\",\"hiringOrganization\":\"Load Test Employer %d\",\"jobLocation\":{\"address\":{\"addressRegion\":\"%s\"}},%s\"datePosted\":\"2026-01-05\",\"validThrough\":\"2099-12-31\"}\n", \
        i, titles[r], text, i % 9, regions[i % 6 + 1], (i % 4 == 0 ? "\"jobLocationType\":\"TELECOMMUTE\"," : "")
    }
  }' data/taxonomies/skillsmatch/skills.tsv data/taxonomies/skillsmatch/occupations.tsv >"$work/postings.jsonl"
echo "load.sh: importing $postings generated postings (same identifiers each run: re-imports update them)"
cli jobs import "$work/postings.jsonl" >"$work/import.log" 2>&1 || { echo "load.sh: jobs import reported problems:" >&2; tail -5 "$work/import.log" >&2; }

echo "load.sh: steady load"
cli load --url "$url" --duration "$duration" --connections "$connections" --learners "$learners" --warmup 20s --api-pid "$api_pid"
echo "load.sh: match requests only (GET /learners/{id}/matches)"
cli load --url "$url" --duration "$duration" --connections "$connections" --learners "$learners" --warmup 10s --api-pid "$api_pid" --only match
echo "load.sh: the same load with PostgreSQL stopped at 20 s for 10 s"
cli load --url "$url" --duration "$duration" --connections "$connections" --learners "$learners" --api-pid "$api_pid" --fault-after 20s --fault-duration 10s --cluster run
