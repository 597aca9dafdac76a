"""我代办的件: the cases this agent handled, by day and state, those where the villager must
act first (补正 materials, or pick up the result) in their own group on top.

Fetched from the platform on a worker each time the screen opens (and on 刷新); when the
platform cannot be reached the last list the terminal kept is shown with its age. Villagers
appear by masked name only (the platform sends nothing else).
"""

from __future__ import annotations

from datetime import date
from itertools import groupby
from typing import Any

from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from kiosk.domain.agent_day import handled_on, needs_action_first
from kiosk.errors import PlatformError
from kiosk.ports.operators import Worklist, WorklistEntry
from ui.agent.base import AGENT_WORKLIST, AgentScreen
from ui.i18n import Text
from ui.technician import format as fmt
from ui.widgets import BannerKind, BigButton, BodyLabel


class AgentWorklistScreen(AgentScreen):
    name = AGENT_WORKLIST
    title_key = "agent.worklist.title"
    messages = {
        "agent.worklist.title": Text("我代办的件", "مەن ۋاكالەتەن بېجىرگەن ئىشلار"),
        "agent.worklist.loading": Text("正在从平台取清单…", "سۇپىدىن تىزىملىك ئېلىنىۋاتىدۇ…"),
        "agent.worklist.fresh": Text("刚从平台取回。", "ھازىرلا سۇپىدىن ئېلىندى."),
        "agent.worklist.stale": Text(
            "网络未连接，这是 {age}前取回的清单，状态可能已经变了。",
            "تور ئۇلانمىغان، بۇ {age} ئىلگىرى ئېلىنغان تىزىملىك، ئەھۋال ئۆزگەرگەن بولۇشى مۇمكىن.",
        ),
        "agent.worklist.empty": Text("还没有代办的件。", "تېخى ۋاكالەتەن بېجىرگەن ئىش يوق."),
        "agent.worklist.needs_action": Text(
            "要村民去办的（补正材料、领取结果）：{count} 件",
            "ئاھالە بېرىپ بېجىرىشى كېرەك بولغانلار (ماتېرىيال تولۇقلاش، نەتىجە ئېلىش): {count} ئىش",
        ),
        "agent.worklist.day": Text("{day}：{counts}", "{day}: {counts}"),
        "agent.worklist.state_count": Text("{state} {count}", "{state} {count}"),
        "agent.worklist.entry": Text(
            "{mark}{name}　{item}\n{state}　回执 {receipt}",
            "{mark}{name}  {item}\n{state}  تالون {receipt}",
        ),
        "agent.worklist.refresh": Text("刷新", "يېڭىلاش"),
        "agent.worklist.offline_empty": Text(
            "网络未连接，本机也还没有保存过您的清单。",
            "تور ئۇلانمىغان، بۇ ئۈسكۈنىدە سىزنىڭ تىزىملىكىڭىز تېخى ساقلانمىغان.",
        ),
    }

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.home_button.hide()  # 返回 goes to the agent's home; 首页 would end the session
        self.freshness = BodyLabel()
        self.refresh_button = BigButton(role="secondary")
        self.refresh_button.clicked.connect(self.load)
        top = QHBoxLayout()
        top.addWidget(self.freshness, 1)
        top.addWidget(self.refresh_button)
        self.list_box = QWidget()
        self.rows = QVBoxLayout(self.list_box)
        self.rows.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.list_box)
        self.body.addLayout(top)
        self.body.addWidget(scroll, 1)
        self.worklist: Worklist | None = None
        self.labels: list[BodyLabel] = []  # the rows shown, top to bottom (for tests)
        self._loading = False

    def retranslate(self) -> None:
        super().retranslate()
        self.refresh_button.setText("⟳ " + self.t("agent.worklist.refresh"))
        if self.worklist is not None:
            self.show_worklist(self.worklist)

    def opened(self, **params: Any) -> None:  # noqa: ARG002
        self.load()

    def forget(self) -> None:
        self.worklist = None
        self._loading = False
        self._clear_rows()
        self.freshness.set_plain("")
        super().forget()

    def load(self) -> None:
        if self._loading:
            return
        self._loading = True
        self.refresh_button.setEnabled(False)
        self.banner.show_message(BannerKind.INFO, self.t("agent.worklist.loading"))
        self.run(self.desk.worklist, self.show_worklist)

    def show_failure(self, exc: Exception) -> None:
        self._loading = False
        self.refresh_button.setEnabled(True)
        if isinstance(exc, PlatformError):
            self.banner.show_message(BannerKind.WARNING, self.t("agent.worklist.offline_empty"))
            return
        super().show_failure(exc)

    # --- showing ------------------------------------------------------------------------------

    def _clear_rows(self) -> None:
        while self.rows.count() > 1:  # the stretch stays last
            item = self.rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.labels = []

    def _add(self, text: str, role: str = "") -> None:
        label = BodyLabel(role=role)
        label.set_plain(text)
        self.rows.insertWidget(self.rows.count() - 1, label)
        self.labels.append(label)

    def show_worklist(self, worklist: Worklist) -> None:
        self._loading = False
        self.refresh_button.setEnabled(True)
        self.worklist = worklist
        t = self.t
        if worklist.fresh:
            self.freshness.set_plain(t("agent.worklist.fresh"))
            self.banner.clear()
        else:
            age = (self.ctx.clock.now() - worklist.fetched_at).total_seconds()
            self.banner.show_message(
                BannerKind.WARNING, t("agent.worklist.stale", age=fmt.age(t, age))
            )
            self.freshness.set_plain(fmt.when(t, worklist.fetched_at, self.ctx.clock.now()))
        self._clear_rows()
        entries = needs_action_first(worklist.entries)
        if not entries:
            self._add(t("agent.worklist.empty"))
            return
        urgent = [e for e in entries if e.case.status.needs_villager]
        if urgent:
            self._add(t("agent.worklist.needs_action", count=len(urgent)), role="field")
            for entry in urgent:
                self._add(self._entry(entry))
        rest = sorted(
            (e for e in entries if not e.case.status.needs_villager),
            key=lambda e: -e.handled_at_ms,
        )
        for day, group in groupby(rest, key=lambda e: handled_on(e, None)):
            cases = list(group)
            self._add(self._day(day, cases), role="field")
            for entry in cases:
                self._add(self._entry(entry))

    def _day(self, day: date, cases: list[WorklistEntry]) -> str:
        counts: dict[str, int] = {}
        for entry in cases:
            state = self.t("agent.state." + entry.case.status.value)
            counts[state] = counts.get(state, 0) + 1
        parts = [self.t("agent.worklist.state_count", state=s, count=n) for s, n in counts.items()]
        return self.t(
            "agent.worklist.day", day=day.isoformat(), counts=self.t("tech.list_sep").join(parts)
        )

    def _entry(self, entry: WorklistEntry) -> str:
        case = entry.case
        return self.t(
            "agent.worklist.entry",
            mark="⚠ " if case.status.needs_villager else "",
            name=entry.masked_name,
            item=case.item_name,
            state=self.t("agent.state." + case.status.value),
            receipt=case.receipt_no,
        )
