"""Protocol emulators: devices that speak the real wire protocol, for tests and make run."""
