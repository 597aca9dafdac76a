"""Ports: the Protocols services use to reach devices, storage and the platform.

Domain types only: no Qt, SQL, HTTP or device library appears here.
"""
