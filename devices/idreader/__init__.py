"""Resident ID card (second generation) SAM readers over a serial port."""
