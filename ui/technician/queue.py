"""队列与同步: what waits to go to the platform and why, through the sync service only.

Shows the service's live snapshot (who syncs, the platform's reachability, records pending by
kind with their size and the oldest one's age, the last success, the last error in words, the
clock offset, the back-pressure limits), then every record the platform refused (dead letters,
with its reason) or holds with other content (conflicts). Sync now; retry all dead letters;
retry one record. Conflicts are never part of a bulk retry: each needs a decision.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from kiosk.ports.device import Unsubscribe
from kiosk.ports.sync import DeadLetter, SyncRole, SyncStatus
from ui.i18n import Text
from ui.technician import format as fmt
from ui.technician.base import TechScreen
from ui.widgets import BannerKind, BigButton, BodyLabel

QUEUE = "tech_queue"


class _StatusRelay(QObject):
    """Carries the sync service's snapshots from its thread to the GUI thread (queued: the
    relay lives on the GUI thread and is emitted from another)."""

    status = Signal(object)


class DeadLetterRow(QFrame):
    def __init__(self, screen: TechQueueScreen, letter: DeadLetter) -> None:
        super().__init__()
        self.setProperty("role", "card")
        self.letter = letter
        t = screen.t
        layout = QVBoxLayout(self)
        state = t("tech.queue.state_" + letter.state)
        head = f"{state} · {t('tech.kind.' + letter.kind)} · {letter.receipt_no or '-'}"
        what = " · ".join(x for x in (letter.item_name, letter.masked_name) if x)
        self.text = BodyLabel(
            "\n".join(
                x
                for x in (
                    head,
                    what,
                    t("tech.queue.reason", reason=letter.reason or "-"),
                    t(
                        "tech.queue.made",
                        time=fmt.local_time(letter.created_at),
                        attempts=letter.attempts,
                    ),
                    t("tech.queue.conflict_advice") if letter.state == "conflict" else "",
                )
                if x
            )
        )
        key = "tech.queue.retry_conflict" if letter.state == "conflict" else "tech.queue.retry_one"
        self.retry = BigButton("↻ " + t(key), role="secondary")
        self.retry.clicked.connect(lambda: screen.retry(letter.record_id))
        layout.addWidget(self.text)
        layout.addWidget(self.retry)


class TechQueueScreen(TechScreen):
    name = QUEUE
    title_key = "tech.queue.title"
    messages = {
        "tech.queue.title": Text("队列与同步", "ئۆچرەت ۋە ماس قەدەملەش"),
        "tech.queue.role.syncing": Text(
            "同步：本机正在同步", "ماس قەدەملەش: بۇ ئۈسكۈنە ماس قەدەملەۋاتىدۇ"
        ),
        "tech.queue.role.observing": Text(
            "同步：由后台同步服务进行（这里只查看）",
            "ماس قەدەملەش: ئارقا سۇپا مۇلازىمىتى قىلىۋاتىدۇ (بۇ يەردە پەقەت كۆرۈلىدۇ)",
        ),
        "tech.queue.role.stopped": Text("同步：已停止", "ماس قەدەملەش: توختىدى"),
        "tech.queue.online": Text(
            "平台：能连上（{time} 检查）", "سۇپا: ئۇلىنىدۇ ({time} تەكشۈرۈلدى)"
        ),
        "tech.queue.offline": Text(
            "平台：连不上（{time} 检查）", "سۇپا: ئۇلانمايدۇ ({time} تەكشۈرۈلدى)"
        ),
        "tech.queue.unprobed": Text("平台：还没有检查", "سۇپا: تېخى تەكشۈرۈلمىدى"),
        "tech.queue.pending": Text(
            "待上传：{count} 条（{kinds}），共 {size}，最早一条已等 {age}",
            "يوللىنىشنى ساقلاۋاتقىنى: {count} ({kinds})، جەمئىي {size}، ئەڭ كونىسى {age} ساقلىدى",
        ),
        "tech.queue.nothing_pending": Text("待上传：没有", "يوللىنىشنى ساقلاۋاتقىنى: يوق"),
        "tech.queue.last_success": Text(
            "最近一次同步成功：{when}", "ئەڭ ئاخىرقى مۇۋەپپەقىيەتلىك ماس قەدەملەش: {when}"
        ),
        "tech.queue.last_error": Text("最近的错误：{error}", "ئەڭ ئاخىرقى خاتالىق: {error}"),
        "tech.queue.no_error": Text("最近的错误：没有", "ئەڭ ئاخىرقى خاتالىق: يوق"),
        "tech.queue.clock_slow": Text(
            "时钟：本机比平台慢 {age}", "سائەت: بۇ ئۈسكۈنە سۇپىدىن {age} ئاستا"
        ),
        "tech.queue.clock_fast": Text(
            "时钟：本机比平台快 {age}", "سائەت: بۇ ئۈسكۈنە سۇپىدىن {age} تېز"
        ),
        "tech.queue.clock_ok": Text("时钟：与平台一致", "سائەت: سۇپا بىلەن ئوخشاش"),
        "tech.queue.refused": Text(
            "被拒收 {dead} 条，编号冲突 {conflicts} 条（都保留在本机）",
            "رەت قىلىنغىنى {dead}، نومۇر توقۇنۇشى {conflicts} (ھەممىسى بۇ ئۈسكۈنىدە ساقلاندى)",
        ),
        "tech.queue.all_clear": Text(
            "✔ 没有积压，也没有被拒收的记录。", "✔ ساقلاۋاتقان ۋە رەت قىلىنغان خاتىرە يوق."
        ),
        "tech.queue.warning": Text(
            "待上传的记录太多或等得太久：请检查网络；断网很久时可以用 U 盘导出。",
            "ساقلاۋاتقان خاتىرە بەك كۆپ ياكى بەك ئۇزۇن ساقلىدى: تورنى تەكشۈرۈڭ؛ تور ئۇزۇن ئۈزۈلسە U دىسكىغا چىقىرىڭ.",
        ),
        "tech.queue.refusing": Text(
            "待上传已满，自助提交已暂停（代办员的仍可提交）。请尽快恢复网络或用 U 盘导出。",
            "ساقلاۋاتقىنى تولدى، ئۆزى يوللاش توختىتىلدى (ۋاكالەتچىنىڭكى يوللىنىدۇ). تورنى تېز ئەسلىگە كەلتۈرۈڭ ياكى U دىسكىغا چىقىرىڭ.",
        ),
        "tech.queue.has_refused": Text(
            "有被平台拒收或编号冲突的记录：看下面的原因，改正后再重试。",
            "سۇپا رەت قىلغان ياكى نومۇرى توقۇنۇشقان خاتىرە بار: تۆۋەندىكى سەۋەبنى كۆرۈپ، تۈزىتىپ قايتا سىناڭ.",
        ),
        "tech.queue.sync_now": Text("立即同步", "ھازىرلا ماس قەدەملەش"),
        "tech.queue.retry_all": Text("被拒收的全部重试", "ھەممىسىنى قايتا سىناش"),
        "tech.queue.retry_one": Text("重试这一条", "بۇنى قايتا سىناش"),
        "tech.queue.retry_conflict": Text("重发这一条", "بۇنى قايتا ئەۋەتىش"),
        "tech.queue.conflict_advice": Text(
            "先把终端编号和回执号报给平台核对，确认后再重发。",
            "ئاۋۋال ئۈسكۈنە نومۇرى ۋە تالون نومۇرىنى سۇپىغا مەلۇم قىلىپ جەزملەڭ، ئاندىن قايتا ئەۋەتىڭ.",
        ),
        "tech.queue.state_dead": Text("被拒收", "رەت قىلىندى"),
        "tech.queue.state_conflict": Text("编号冲突", "نومۇر توقۇنۇشى"),
        "tech.queue.reason": Text("原因：{reason}", "سەۋەب: {reason}"),
        "tech.queue.made": Text(
            "{time} 生成，已试 {attempts} 次", "{time} دە ھاسىل بولدى، {attempts} قېتىم سىنالدى"
        ),
        "tech.queue.retried": Text(
            "已重新排队 {count} 条，正在同步。",
            "{count} خاتىرە قايتا ئۆچرەتكە قويۇلدى، ماس قەدەملىنىۋاتىدۇ.",
        ),
        "tech.queue.syncing_now": Text("已开始同步。", "ماس قەدەملەش باشلاندى."),
        "tech.queue.list_title": Text(
            "被拒收和编号冲突的记录", "رەت قىلىنغان ۋە نومۇرى توقۇنۇشقان خاتىرىلەر"
        ),
    }

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.summary = BodyLabel()
        self.sync_button = BigButton()
        self.sync_button.clicked.connect(self.sync_now)
        self.retry_all_button = BigButton(role="secondary")
        self.retry_all_button.clicked.connect(lambda: self.retry(None))
        actions = QHBoxLayout()
        actions.addWidget(self.sync_button)
        actions.addWidget(self.retry_all_button)
        self.list_title = BodyLabel(role="field")
        self.rows_box = QWidget()
        self.rows = QVBoxLayout(self.rows_box)
        self.rows.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.rows_box)
        self.body.addWidget(self.summary)
        self.body.addLayout(actions)
        self.body.addWidget(self.list_title)
        self.body.addWidget(scroll, 1)
        self.relay = _StatusRelay(self)
        self.relay.status.connect(self._status_changed)
        self._unsubscribe: Unsubscribe | None = None
        self._status = SyncStatus()
        self._letters: list[DeadLetter] = []
        self._refused_seen: tuple[int, int] | None = None
        self._note: tuple[BannerKind, str] | None = None

    # --- Screen -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        super().retranslate()
        self.sync_button.setText("⇅ " + self.t("tech.queue.sync_now"))
        self.retry_all_button.setText("↻ " + self.t("tech.queue.retry_all"))
        self.list_title.set_plain(self.t("tech.queue.list_title"))
        if self.available():
            self.show_status(self._status)
            self._show_letters(self._letters)

    def opened(self, **params: Any) -> None:  # noqa: ARG002
        self._note = None
        if self._unsubscribe is None:
            self._unsubscribe = self.desk.subscribe_sync(self.relay.status.emit)
        self.show_status(self.desk.sync_status())
        self._load_letters()

    def leave(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def available(self) -> bool:
        return super().available() and self.desk.has_queue

    def forget(self) -> None:
        self.leave()
        self._letters = []
        self._refused_seen = None
        self._note = None
        self._show_letters([])
        self.summary.set_plain("")
        super().forget()

    # --- showing ------------------------------------------------------------------------------

    def _status_changed(self, status: SyncStatus) -> None:
        """GUI thread (the relay queues the sync thread's snapshots here). A note on what the
        technician just did gives way to what the service reports next."""
        self._note = None
        self.show_status(status)

    def show_status(self, status: SyncStatus) -> None:
        self._status = status
        t, now = self.t, self.ctx.clock.now()
        lines = [t("tech.queue.role." + status.role.value)]
        if status.probed_at is None:
            lines.append(t("tech.queue.unprobed"))
        else:
            key = "tech.queue.online" if status.online else "tech.queue.offline"
            lines.append(t(key, time=fmt.local_time(status.probed_at)))
        if status.pending:
            lines.append(
                t(
                    "tech.queue.pending",
                    count=status.pending,
                    kinds=fmt.kinds(t, dict(status.pending_by_kind)),
                    size=fmt.size(status.bytes_pending),
                    age=fmt.age(t, status.oldest_pending_age_s or 0),
                )
            )
        else:
            lines.append(t("tech.queue.nothing_pending"))
        lines.append(t("tech.queue.last_success", when=fmt.when(t, status.last_success_at, now)))
        lines.append(
            t("tech.queue.last_error", error=status.last_error)
            if status.last_error
            else t("tech.queue.no_error")
        )
        lines.append(self._clock_line(status.clock_offset_ms))
        if status.dead_letters or status.conflicts:
            lines.append(
                t("tech.queue.refused", dead=status.dead_letters, conflicts=status.conflicts)
            )
        self.summary.set_plain("\n".join(lines))
        self.retry_all_button.setEnabled(status.dead_letters > 0)
        self.sync_button.setEnabled(status.role is not SyncRole.STOPPED)
        self._show_banner()
        refused = (status.dead_letters, status.conflicts)
        if self._refused_seen is not None and refused != self._refused_seen:
            self._load_letters()

    def _clock_line(self, offset_ms: int) -> str:
        if abs(offset_ms) < 2000:
            return self.t("tech.queue.clock_ok")
        key = "tech.queue.clock_slow" if offset_ms > 0 else "tech.queue.clock_fast"
        return self.t(key, age=fmt.age(self.t, abs(offset_ms) / 1000))

    def _show_banner(self) -> None:
        status = self._status
        if self._note is not None:
            self.banner.show_message(*self._note)
        elif status.refusing:
            self.banner.show_message(BannerKind.ERROR, self.t("tech.queue.refusing"))
        elif status.dead_letters or status.conflicts:
            self.banner.show_message(BannerKind.ERROR, self.t("tech.queue.has_refused"))
        elif status.warning:
            self.banner.show_message(BannerKind.WARNING, self.t("tech.queue.warning"))
        elif not status.pending:
            self.banner.show_message(BannerKind.OK, self.t("tech.queue.all_clear"))
        else:
            self.banner.clear()

    def _load_letters(self) -> None:
        self._refused_seen = (self._status.dead_letters, self._status.conflicts)
        self.run(self.desk.dead_letters, self._show_letters)

    def _show_letters(self, letters: list[DeadLetter]) -> None:
        self._letters = letters
        while self.rows.count() > 1:  # the stretch stays last
            item = self.rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for letter in letters:
            self.rows.insertWidget(self.rows.count() - 1, DeadLetterRow(self, letter))
        self.list_title.setVisible(bool(letters))

    # --- acting -------------------------------------------------------------------------------

    def sync_now(self) -> None:
        self.run(self.desk.sync_now, lambda _r: self._noted("tech.queue.syncing_now"))

    def retry(self, record_id: str | None) -> None:
        self.run(lambda: self.desk.retry(record_id), self._retried)

    def _retried(self, count: int) -> None:
        self._noted("tech.queue.retried", count=count)
        self._load_letters()

    def _noted(self, key: str, **params: Any) -> None:
        self._note = (BannerKind.OK, self.t(key, **params))
        self._show_banner()
