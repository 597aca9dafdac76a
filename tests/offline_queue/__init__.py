"""Offline queue tests."""
