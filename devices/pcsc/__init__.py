"""PC/SC smart-card readers through pyscard: APDUs, card profiles and the driver."""
