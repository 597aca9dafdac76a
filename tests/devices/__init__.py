"""Device tests: contract suites, drivers against emulators, pure pipelines."""
