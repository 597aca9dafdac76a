"""日志: the newest lines of the kiosk's and the sync service's logs, and a copy of every log
(and the audit log) on a USB stick, read back and proved free of personal data."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from kiosk.ports.logs import LogExport, LogLine
from kiosk.ports.media import Medium
from ui.i18n import Text
from ui.technician import format as fmt
from ui.technician.base import TechScreen
from ui.technician.media import MediaPicker
from ui.widgets import BannerKind, BodyLabel

LOGS = "tech_logs"


class TechLogsScreen(TechScreen):
    name = LOGS
    title_key = "tech.logs.title"
    messages = {
        "tech.logs.title": Text("日志", "خاتىرە"),
        "tech.logs.latest": Text(
            "最新的 {count} 行（终端和后台同步服务，最新的在最下面）：",
            "ئەڭ يېڭى {count} قۇر (ئۈسكۈنە ۋە ئارقا ماس قەدەملەش مۇلازىمىتى، ئەڭ يېڭىسى ئاستىدا):",
        ),
        "tech.logs.empty": Text("还没有日志。", "تېخى خاتىرە يوق."),
        "tech.logs.export_title": Text(
            "导出到 U 盘（全部日志和操作记录，不含个人信息）",
            "U دىسكىغا چىقىرىش (ھەممە خاتىرە ۋە مەشغۇلات خاتىرىسى، شەخسىي ئۇچۇر يوق)",
        ),
        "tech.logs.exporting": Text(
            "正在写入 U 盘，请不要拔出…", "U دىسكىغا يېزىلىۋاتىدۇ، چىقارماڭ…"
        ),
        "tech.logs.exported": Text(
            "已导出 {files} 个文件（{size}）到 {directory}。已逐行复查 {lines} 行：没有个人信息。可以拔出 U 盘。",
            "{files} ھۆججەت ({size}) {directory} غا چىقىرىلدى. {lines} قۇر قايتا تەكشۈرۈلدى: شەخسىي ئۇچۇر يوق. U دىسكىنى چىقارسىڭىز بولىدۇ.",
        ),
        "tech.logs.not_clean": Text(
            "导出的文件里查到了像身份证号或手机号的内容，已删除这份导出。请把情况报给运维负责人。",
            "چىقىرىلغان ھۆججەتتە كىملىك ياكى تېلېفون نومۇرىغا ئوخشايدىغان مەزمۇن تېپىلدى، بۇ چىقىرىش ئۆچۈرۈلدى. مەسئۇلغا مەلۇم قىلىڭ.",
        ),
        "tech.export.failed": Text(
            "写不进 U 盘（可能已满、只读或被拔出）：换一个 U 盘再试。",
            "U دىسكىغا يازغىلى بولمىدى (تولغان، پەقەت ئوقۇش ياكى چىقىرىلغان بولۇشى مۇمكىن): باشقا U دىسكا بىلەن سىناڭ.",
        ),
    }

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.latest = BodyLabel(role="field")
        self.view = QPlainTextEdit()
        self.view.setReadOnly(True)
        self.view.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # log lines are LTR
        self.export_title = BodyLabel(role="field")
        self.picker = MediaPicker(ctx.tr, self.export)
        self.picker.refresh_button.clicked.connect(self._load_media)
        self.body.addWidget(self.latest)
        self.body.addWidget(self.view, 1)
        self.body.addWidget(self.export_title)
        self.body.addWidget(self.picker)
        self._lines: list[LogLine] = []

    def available(self) -> bool:
        return super().available() and self.desk.tools.logs is not None

    def retranslate(self) -> None:
        super().retranslate()
        self.export_title.set_plain(self.t("tech.logs.export_title"))
        self.picker.retranslate()
        self._show_lines(self._lines)

    def opened(self, **params: Any) -> None:  # noqa: ARG002
        self.banner.clear()
        tools = self.desk.tools.logs
        if tools is None:
            return
        self.run(tools.recent, self._show_lines)
        self._load_media()

    def forget(self) -> None:
        self._lines = []
        self.view.clear()
        self.picker.load([])
        super().forget()

    def _load_media(self) -> None:
        tools = self.desk.tools.logs
        if tools is not None:
            self.run(tools.media, self.picker.load)

    def _show_lines(self, lines: list[LogLine]) -> None:
        self._lines = lines
        self.latest.set_plain(self.t("tech.logs.latest", count=len(lines)))
        if not lines:
            self.view.setPlainText(self.t("tech.logs.empty"))
            return
        self.view.setPlainText(
            "\n".join(f"{x.at[-8:]} {x.level} [{x.source}] {x.text}" for x in lines)
        )
        # the newest line in view, once the view has its size
        QTimer.singleShot(0, lambda: self.view.moveCursor(QTextCursor.MoveOperation.End))

    def export(self, medium: Medium) -> None:
        tools = self.desk.tools.logs
        if tools is None:
            return
        self.picker.set_busy(True)
        self.banner.show_message(BannerKind.INFO, self.t("tech.logs.exporting"))
        self.run(lambda: tools.export(medium), self._exported)

    def show_failure(self, exc: Exception) -> None:
        self.picker.set_busy(False)
        super().show_failure(exc)

    def _exported(self, done: LogExport) -> None:
        self.picker.set_busy(False)
        self.banner.show_message(
            BannerKind.OK,
            self.t(
                "tech.logs.exported",
                files=len(done.files),
                size=fmt.size(done.total_bytes),
                directory=fmt.ltr(done.directory),
                lines=done.lines_checked,
            ),
        )
