#!/usr/bin/env bash
# `npm run test:ten` (issue 18, not part of CI): runs `npm test` (unit + integration, build,
# Playwright) ten times in a row and says how many passed. Each run's output is kept in
# $TEST_TEN_DIR (default a fresh temporary directory); the first lines of a failure are shown.
# RUNS=N changes the count. Say what else ran on the machine (load average) with the result.
set -u
RUNS="${RUNS:-10}"
DIR="${TEST_TEN_DIR:-$(mktemp -d -t upstream-test-ten-XXXXXX)}"
mkdir -p "$DIR"
passed=0
failed=0
for i in $(seq 1 "$RUNS"); do
  start=$(date +%s)
  if npm test >"$DIR/run-$i.log" 2>&1; then
    passed=$((passed + 1))
    verdict="passed"
  else
    failed=$((failed + 1))
    verdict="FAILED"
  fi
  echo "run $i/$RUNS: $verdict in $(( $(date +%s) - start )) s (load average $(cut -d' ' -f1-3 /proc/loadavg)) — $DIR/run-$i.log"
  if [ "$verdict" = "FAILED" ]; then
    grep -E "✘|FAIL|failed|Error:" "$DIR/run-$i.log" | head -8 | sed 's/^/    /'
  fi
done
echo "npm test: $passed passed, $failed failed out of $RUNS runs (logs in $DIR)"
[ "$failed" -eq 0 ]
