"""UI tests."""
