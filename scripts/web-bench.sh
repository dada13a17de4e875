#!/usr/bin/env bash
# Server render time of the web app's pages on the running app (./run.sh, demo data): signs in with a key, requests each
# page N times and prints p50/p95 per page from curl's time_total. Usage: scripts/web-bench.sh KEY [BASE_URL] [N] [PATH...]
set -euo pipefail
key=$1; base=${2:-http://127.0.0.1:5080}; n=${3:-40}; shift $(( $# < 3 ? $# : 3 ))
pages=("$@"); [ ${#pages[@]} -eq 0 ] && pages=(/signin /app)
jar=$(mktemp); trap 'rm -f "$jar"' EXIT
form=$(curl -s -c "$jar" -b "$jar" "$base/signin")
token=$(grep -o 'name="__RequestVerificationToken" value="[^"]*"' <<<"$form" | sed 's/.*value="\([^"]*\)"/\1/')
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "_handler=signin" \
  --data-urlencode "Input.Key=$key" "$base/signin"
for page in "${pages[@]}"; do
  curl -s -o /dev/null -b "$jar" "$base$page" # warm-up
  times=$(for _ in $(seq "$n"); do curl -s -o /dev/null -b "$jar" -w '%{http_code} %{time_total}\n' "$base$page"; done)
  status=$(awk '{print $1}' <<<"$times" | sort | uniq -c | tr '\n' ' ')
  awk '{print $2*1000}' <<<"$times" | sort -n | awk -v page="$page" -v status="$status" '{a[NR]=$1} END {
    printf "%-40s n=%d p50=%.0f ms p95=%.0f ms (status %s)\n", page, NR, a[int(NR*0.5+0.5)], a[int(NR*0.95+0.5)], status }'
done
