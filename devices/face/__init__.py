"""Faces: detection guidance, verification against the card photo, liveness."""
