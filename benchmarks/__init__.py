"""Benchmarks: figures and ratios printed, never asserted in tests (`python -m benchmarks`)."""
