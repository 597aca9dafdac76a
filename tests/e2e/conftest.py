"""End-to-end fixtures: pcscd + vpcd shared safely across test processes (the vpcd flock),
and the whole kiosk on its real drivers and the emulators."""

from tests.e2e.real_kiosk import real_kiosk  # noqa: F401
from tests.support.pcsc import pcsc_service, vpcd  # noqa: F401
