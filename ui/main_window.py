"""The window: a stack of screens. The composition root drives it; it never does I/O."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QStackedWidget

from ui.screens.home import HomeScreen
from ui.screens.out_of_service import OutOfServiceScreen


class MainWindow(QMainWindow):
    def __init__(self, elderly: bool) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("政务服务自助终端"))
        self.stack = QStackedWidget()
        self.home = HomeScreen(elderly)
        self.out_of_service = OutOfServiceScreen(elderly)
        self.stack.addWidget(self.home)
        self.stack.addWidget(self.out_of_service)
        self.setCentralWidget(self.stack)

    def show_out_of_service(self, reason: str, phone: str) -> None:
        self.out_of_service.show_reason(reason, phone)
        self.stack.setCurrentWidget(self.out_of_service)
