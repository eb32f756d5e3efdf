#!/usr/bin/env bash
# Whole-process extraction throughput: `reports extract` over 50 files of 1 MiB made from the seeds (each seed repeated),
# timed five times; prints the median wall time and MB/s of input. Usage: scripts/bench_extract_files.sh [--zh] [CLI_DIR]
# --zh: the files are made from the Chinese sample report (seeds/zh) instead of the English seeds.
set -euo pipefail
cd "$(dirname "$0")/.."
pattern='seeds/*.txt'
if [ "${1:-}" = "--zh" ]; then pattern='seeds/zh/*.txt'; shift; fi
cli="${1:-.run/bench-cli}"
[ -f "$cli/reports.dll" ] || dotnet build src/ReportFunctions.Cli -c Release -v q -o "$cli" >/dev/null
dir=.run/bench-extract-files
rm -rf "$dir"; mkdir -p "$dir"
python3 - "$dir" "$pattern" <<'PY'
import glob, sys
seeds = [open(f, encoding='utf-8').read() for f in sorted(glob.glob(sys.argv[2]))]
for n in range(50):
    s, out = seeds[n % len(seeds)], []
    while sum(len(x.encode('utf-8')) for x in out) < 1024 * 1024: out.append(s)
    data = ''.join(out).encode('utf-8')[:1024 * 1024].decode('utf-8', 'ignore').encode('utf-8')
    open(f'{sys.argv[1]}/r{n:02d}.txt', 'wb').write(data)
PY
bytes=$(cat "$dir"/*.txt | wc -c)
times=()
for _ in 1 2 3 4 5; do
  start=$(date +%s.%N); dotnet "$cli/reports.dll" extract "$dir"/*.txt > /dev/null; end=$(date +%s.%N)
  times+=("$(echo "$end - $start" | bc)")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
echo "reports extract, 50 files, $bytes bytes: median $median s of 5 ($(printf '%s ' "${times[@]}")) = $(echo "scale=1; $bytes / 1000000 / $median" | bc) MB/s"
