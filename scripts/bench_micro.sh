#!/usr/bin/env bash
# BenchmarkDotNet micro-benchmarks of the extraction engine (one English seed, the Chinese sample): time and allocations
# per report. Extra arguments go to BenchmarkDotNet (default: all benchmarks, short job). Results in BenchmarkDotNet.Artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -eq 0 ]; then set -- --filter '*' --job short; fi
dotnet run -c Release --project src/ReportFunctions.Benchmarks.Micro -- "$@"
