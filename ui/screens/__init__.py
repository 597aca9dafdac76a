"""Screens: one QWidget per screen."""
