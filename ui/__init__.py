"""The touchscreen UI (PySide6 Widgets with view models). No SQL, HTTP or device calls here."""
