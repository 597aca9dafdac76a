"""Device test fixtures: pcscd + vpcd shared safely across test processes."""

from tests.support.pcsc import pcsc_service, vpcd  # noqa: F401
