"""Shared fixtures: the real reference platform on loopback."""

from tests.support.central import central, shared_central  # noqa: F401
