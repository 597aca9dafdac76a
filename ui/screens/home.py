"""The home screen: the hall, the date and time, the network state, and the service
categories as big tiles. Until the journeys arrive, tapping a tile does nothing yet."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.services.catalog import CatalogView
from ui.theme import TILE_MIN_PX, title_font


class HomeScreen(QWidget):
    def __init__(self, elderly: bool) -> None:
        super().__init__()
        self.elderly = elderly
        self.hall = QLabel()
        self.hall.setObjectName("title")
        self.hall.setFont(title_font(elderly))
        self.clock = QLabel()
        self.network = QLabel()
        self.notice = QLabel()
        self.notice.setObjectName("warning")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.tiles = QGridLayout()
        self.tile_buttons: list[QPushButton] = []
        layout = QVBoxLayout(self)
        for widget in (self.hall, self.clock, self.network, self.notice):
            layout.addWidget(widget)
        layout.addLayout(self.tiles)
        layout.addStretch(1)
        self.set_network(None)

    def set_hall(self, name: str) -> None:
        self.hall.setText(name)

    def set_time(self, now: datetime) -> None:
        weekday = "一二三四五六日"[now.weekday()]
        self.clock.setText(
            self.tr("{0} 星期{1} {2}").format(
                now.strftime("%Y年%m月%d日"), weekday, now.strftime("%H:%M")
            )
        )

    def set_network(self, online: bool | None) -> None:
        # Words and a symbol, never colour alone.
        if online is None:
            self.network.setText(self.tr("网络：正在检查…"))
        elif online:
            self.network.setText(self.tr("✔ 网络已连接"))
        else:
            self.network.setText(self.tr("✖ 网络未连接：可以继续办理，恢复后自动提交"))

    def show_catalog(self, view: CatalogView, now: datetime) -> None:
        for button in self.tile_buttons:
            self.tiles.removeWidget(button)
            button.deleteLater()
        self.tile_buttons = []
        width, height = TILE_MIN_PX[self.elderly]
        for n, category in enumerate(view.catalog.categories):
            count = len(view.catalog.in_category(category.code))
            button = QPushButton(f"{category.name}\n({count})")
            button.setMinimumSize(width, height)
            button.setAccessibleName(category.name)
            self.tiles.addWidget(button, n // 3, n % 3)
            self.tile_buttons.append(button)
        age = view.age_minutes(now)
        if view.fresh:
            self.notice.hide()
        elif not view.catalog.items:
            self.notice.setText(self.tr("暂时无法获取办事指南，请稍后再试或询问工作人员。"))
            self.notice.show()
        else:
            self.notice.setText(
                self.tr("网络未连接，显示的是 {0} 分钟前保存的办事指南。").format(
                    age if age is not None else "?"
                )
            )
            self.notice.show()
