"""The kiosk: domain, ports, services, configuration and the composition root."""
