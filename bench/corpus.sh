#!/usr/bin/env bash
# bench/corpus.sh [N ...] — throughput and peak memory of `onrecord extract`
# at corpus scale. For each N (default: 10000 100000) it generates N articles
# from the train texts with bench/corpusgen (into a temporary directory,
# removed afterwards), runs `onrecord extract --input jsonl` over them on all
# cores under /usr/bin/time -v, checks that every article came out, and
# prints articles/s and peak RSS. SRC overrides the source folder; extra
# extract flags (e.g. -j 1) go in EXTRACT_FLAGS.
set -euo pipefail
cd "$(dirname "$0")/.."
src=${SRC:-../shared/data/polnear/train/text}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/onrecord" ./cmd/onrecord
go build -o "$tmp/corpusgen" ./bench/corpusgen
printf '%-8s %8s %10s %10s %10s %s\n' articles MB seconds articles/s peak_RSS_MB cores
for n in "${sizes[@]}"; do
	"$tmp/corpusgen" -n "$n" -src "$src" >"$tmp/corpus.jsonl"
	mb=$(( $(stat -c %s "$tmp/corpus.jsonl") >> 20 ))
	# shellcheck disable=SC2086 # EXTRACT_FLAGS is a list of flags
	/usr/bin/time -v -o "$tmp/time" "$tmp/onrecord" extract --input jsonl ${EXTRACT_FLAGS:-} "$tmp/corpus.jsonl" |
		wc -l >"$tmp/lines"
	if [ "$(cat "$tmp/lines")" -ne "$n" ]; then
		echo "corpus.sh: $n articles in, $(cat "$tmp/lines") records out" >&2
		exit 1
	fi
	# Elapsed is h:mm:ss or m:ss.ss; peak RSS is in kB.
	secs=$(awk -F': ' '/Elapsed/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$tmp/time")
	rss=$(awk -F': ' '/Maximum resident/ {print int($2 / 1024)}' "$tmp/time")
	printf '%-8s %8s %10.1f %10.1f %10s %s\n' "$n" "$mb" "$secs" "$(echo "$n / $secs" | bc -l)" "$rss" "$(nproc)"
done
