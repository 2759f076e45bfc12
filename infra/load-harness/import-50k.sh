#!/usr/bin/env bash
# 药店导入 of 50,000 rows through the running portal (docs/imports.md; figures in import-50k.md): the time from upload
# to DONE, and the portal's heap (Prometheus, management port) before, at its highest while importing, and after.
# Needs the run command up (README, Quick start) and the demo district inspector's password (printed by it, or in
# .devdata/demo-logins.properties). Usage, from the checkout's root:
#   INSPECTOR_PASSWORD=… infra/load-harness/import-50k.sh [rows] [portal port]
set -euo pipefail
ROWS=${1:-50000}
PORT=${2:-8081}
MGMT=$((PORT + 1000))
TAG=$(date +%H%M%S)
FILE=target/import-${ROWS}.csv
mkdir -p target
java infra/load-harness/ImportRows.java "$ROWS" "$FILE" "$TAG"
echo "file: $FILE ($(du -h "$FILE" | cut -f1), $ROWS rows)"

heap() {
  curl -s "localhost:$MGMT/prometheus" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s += $NF} END {printf "%.0f", s / 1048576}'
}

TOKEN=$(curl -s -X POST "localhost:$PORT/portal/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"inspector\",\"password\":\"${INSPECTOR_PASSWORD:?set INSPECTOR_PASSWORD}\"}" \
  | sed 's/.*"accessToken":"\([^"]*\)".*/\1/')
echo "heap before: $(heap) MB"
START=$(date +%s.%N)
JOB=$(curl -s -X POST "localhost:$PORT/portal/v1/imports" -H "Authorization: Bearer $TOKEN" \
  -F "file=@$FILE" -F kind=PHARMACIES | sed 's/^{"id":\([0-9]*\),.*/\1/')
echo "job: $JOB"
PEAK=0
while true; do
  VIEW=$(curl -s "localhost:$PORT/portal/v1/jobs/$JOB" -H "Authorization: Bearer $TOKEN")
  H=$(heap); [ "$H" -gt "$PEAK" ] && PEAK=$H
  case "$VIEW" in *'"state":"DONE"'*|*'"state":"FAILED"'*|*'"state":"CANCELLED"'*) break ;; esac
  sleep 1
done
END=$(date +%s.%N)
echo "$VIEW"
echo "seconds: $(echo "$END - $START" | bc)"
echo "heap highest while importing: $PEAK MB; after: $(heap) MB"
