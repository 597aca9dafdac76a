"""The versioned wire contract (v1) between a terminal and the central platform.

Pure functions and constants only: both the kiosk's client (offline_queue) and the reference
server (central) use them, and a province's own gateway can reimplement them from
docs/sync-protocol.md. No HTTP library is imported here.
"""

API_PREFIX = "/v1"
