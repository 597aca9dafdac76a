"""Camera: OpenCV capture, the documents pipeline and QR reading."""
