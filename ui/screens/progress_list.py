"""Every case of the card holder, the ones needing them on top (补正 first, then pickup). One
big button per case; tapping it shows the case. Reached through the identify step:

    navigate("identify", {"next": "progress.list", "next_params": {}, ...})

The ID number goes to the platform in a request body and is forgotten; offline there is
nothing to show by card (nothing is kept by ID number), and the screen says what to do instead.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from kiosk.services.progress import CaseReport
from ui.i18n import Text
from ui.navigation import Screen
from ui.screens.progress_case import status_text
from ui.widgets import BannerKind, BigButton

MAX_SHOWN = 20  # the platform returns at most 50; a villager has a handful


class CaseListScreen(Screen):
    name = "progress.list"
    title_key = "progress.list_title"
    messages = {
        "progress.list_title": Text("我的办件", "ئىشلىرىم"),
        "progress.list_count": Text(
            "共查到 {count} 件。需要您处理的排在最前面。",
            "جەمئىي {count} ئىش تېپىلدى. سىز بېجىرىشكە تېگىشلىكلىرى ئالدىدا.",
        ),
        "progress.list_action": Text(
            "{count} 件需要您处理。", "{count} ئىشنى سىز بېجىرىشىڭىز كېرەك."
        ),
        "progress.list_none": Text("没有查到您的办件。", "سىزنىڭ ئىشلىرىڭىز تېپىلمىدى."),
        "progress.list_offline": Text(
            "网络未连接，暂时不能按身份证查询。可以用回执上的二维码或编号查看本机保存的进度。",
            "تور ئۇلانمىدى، ھازىرچە كىملىك بىلەن سۈرۈشتۈرگىلى بولمايدۇ. تالوندىكى كود ياكى نومۇر بىلەن بۇ ئۈسكۈنىدە ساقلانغان ئەھۋالنى كۆرسىڭىز بولىدۇ.",
        ),
        "progress.need_card": Text("请先刷身份证。", "ئالدى بىلەن كىملىكىڭىزنى ئوقۇتۇڭ."),
    }

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.reports: list[CaseReport] = []
        self.rows = QVBoxLayout()
        rows_box = QWidget()
        rows_box.setLayout(self.rows)
        self.case_scroll = QScrollArea()
        self.case_scroll.setWidgetResizable(True)
        self.case_scroll.setWidget(rows_box)
        self.body.addWidget(self.case_scroll, 1)
        self.by_receipt_button = BigButton(role="secondary")
        self.by_receipt_button.clicked.connect(
            lambda: self.navigate.emit("progress", {"purpose": "case"})
        )
        self.body.addWidget(self.by_receipt_button)
        self.case_buttons: list[BigButton] = []
        self._state: tuple[BannerKind, str, dict[str, Any]] | None = None

    def available(self) -> bool:
        return self.ctx.services.progress is not None

    def retranslate(self) -> None:
        super().retranslate()
        self.by_receipt_button.setText(self.t("progress.by_number"))
        self._show()

    def enter(self, **params: Any) -> None:
        super().enter(**params)
        if params:  # from the identify step; coming back keeps the list
            self._load()

    def forget(self) -> None:
        self.reports, self._state = [], None
        self._show()
        super().forget()

    def _load(self) -> None:
        progress, person = self.ctx.services.progress, self.ctx.session.identity
        self.reports = []
        if progress is None or person is None:
            self._state = (BannerKind.WARNING, "progress.need_card", {})
            self._show()
            return
        self._state = (BannerKind.INFO, "progress.looking", {})
        self._show()
        now = self.ctx.clock.now()
        self.ctx.run(lambda: progress.by_person(person, now), self._loaded, self._failed, hold=True)

    def _loaded(self, reports: list[CaseReport]) -> None:
        self.reports = reports[:MAX_SHOWN]
        needing = sum(1 for r in reports if r.needs_villager)
        if not reports:
            self._state = (BannerKind.INFO, "progress.list_none", {})
        elif needing:
            self._state = (BannerKind.WARNING, "progress.list_action", {"count": needing})
            self.ctx.voice.say("progress.list_action", count=needing)
        else:
            self._state = (BannerKind.OK, "progress.list_count", {"count": len(reports)})
        self._show()

    def _failed(self, exc: Exception) -> None:
        self.ctx.error_text(exc)  # logged for the technician
        self._state = (BannerKind.WARNING, "progress.list_offline", {})
        self._show()

    def _show(self) -> None:
        while self.rows.count():
            item = self.rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # gone at once, not when the event loop gets to it
                widget.deleteLater()
        self.case_buttons = []
        for report in self.reports:
            case = report.case
            if case is None:
                continue
            button = BigButton(
                f"{status_text(self, case.status)}\n{case.item_name}\n{report.receipt_no}",
                role="tile" if report.needs_villager else "secondary",
            )
            button.clicked.connect(
                lambda _c=False, r=report: self.navigate.emit("progress.case", {"report": r})
            )
            self.case_buttons.append(button)
            self.rows.addWidget(button)
        self.rows.addStretch(1)
        if self._state is None:
            self.banner.clear()
        else:
            kind, key, params = self._state
            self.banner.show_message(kind, self.t(key, **params))
