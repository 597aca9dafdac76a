"""Device drivers, simulators and protocol emulators."""
