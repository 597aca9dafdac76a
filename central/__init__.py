"""The reference central platform: the v1 contract server."""
