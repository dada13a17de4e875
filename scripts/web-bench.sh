#!/usr/bin/env bash
# Server render time of the web app's pages on the running app (./run.sh, demo data): signs in with a key, requests each
# page N times and prints p50/p95 per page from curl's time_total, and the JavaScript the page ships (every <script src>
# it loads, fetched and counted, plus inline scripts). The load average is printed before and after: the machine may be
# shared. Usage: scripts/web-bench.sh KEY [BASE_URL] [N] [PATH...]
set -euo pipefail
key=$1; base=${2:-http://127.0.0.1:5080}; n=${3:-40}; shift $(( $# < 3 ? $# : 3 ))
pages=("$@"); [ ${#pages[@]} -eq 0 ] && pages=(/signin /app)
jar=$(mktemp); body=$(mktemp); trap 'rm -f "$jar" "$body"' EXIT
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
form=$(curl -s -c "$jar" -b "$jar" "$base/signin")
token=$(grep -o 'name="__RequestVerificationToken" value="[^"]*"' <<<"$form" | sed 's/.*value="\([^"]*\)"/\1/')
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "_handler=signin" \
  --data-urlencode "Input.Key=$key" "$base/signin"
for page in "${pages[@]}"; do
  curl -s -o "$body" -b "$jar" "$base$page" # warm-up, and the page whose scripts are counted
  js=0
  for src in $(grep -o '<script[^>]*src="[^"]*"' "$body" | sed 's/.*src="\([^"]*\)"/\1/'); do
    [[ "$src" == http* ]] && url=$src || url="$base/${src#/}"
    js=$(( js + $(curl -s -b "$jar" "$url" | wc -c) ))
  done
  inline=$(tr '\n' ' ' < "$body" | grep -o '<script[^>]*>[^<]*</script>' | grep -v 'src=' | wc -c || true)
  js=$(( js + inline ))
  times=$(for _ in $(seq "$n"); do curl -s -o /dev/null -b "$jar" -w '%{http_code} %{time_total}\n' "$base$page"; done)
  status=$(awk '{print $1}' <<<"$times" | sort | uniq -c | tr '\n' ' ')
  awk '{print $2*1000}' <<<"$times" | sort -n | awk -v page="$page" -v status="$status" -v js="$js" '{a[NR]=$1} END {
    printf "%-48s n=%d p50=%.0f ms p95=%.0f ms js=%.1f kB (status %s)\n", page, NR, a[int(NR*0.5+0.5)], a[int(NR*0.95+0.5)], js/1024, status }'
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
