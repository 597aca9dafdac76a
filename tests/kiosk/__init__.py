"""Kiosk shell tests."""
