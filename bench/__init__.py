"""Benchmarks run by `make bench`: figures and ratios against a baseline from the same run."""
