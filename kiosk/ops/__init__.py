"""Running the terminal: liveness for systemd, restart counting, the data dir's layout, the disk
guard, the technician's way out, and application updates. Qt-free and HTTP-free: the UI and
the composition roots call in; downloads live in offline_queue."""
