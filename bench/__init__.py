"""Speed measurements; results in docs/benchmarks.md."""
