"""The durable offline outbox and its sync with the platform."""
