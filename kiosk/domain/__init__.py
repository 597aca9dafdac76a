"""Domain model: frozen dataclasses and pure rules; no Qt, SQL, HTTP or device libraries."""
