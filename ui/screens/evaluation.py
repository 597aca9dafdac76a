"""好差评: five levels with stars and words; a bad rating asks what went wrong in taps; then the
offline dimensions (efficiency, service level, attitude), pre-set to the overall level so a
villager who is done can just send it. Each rating is tied to the case it rates (by receipt
number), its item, this hall and the agent, if any, and queued durably: it arrives exactly
once, also when given offline.

    navigate("evaluation", {})                                     # from home: which service?
    navigate("evaluation", {"receipt_no", "item_code", "item_name"})  # a case, e.g. a finished one
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from kiosk.domain.evaluation import PROBLEMS, Dimension, Level
from kiosk.services.evaluation import RATED_DIMENSIONS, Rated, RatedService
from kiosk.services.progress import CaseReport
from ui.i18n import Text
from ui.navigation import Screen
from ui.screens.progress import EVALUATE
from ui.widgets import BannerKind, BigButton, BodyLabel, TitleLabel

LEVELS = sorted(Level, reverse=True)  # 非常满意 first
LEVEL_TEXTS = {
    f"evaluation.level.{Level.VERY_SATISFIED.value}": Text("非常满意", "ناھايىتى رازى"),
    f"evaluation.level.{Level.SATISFIED.value}": Text("满意", "رازى"),
    f"evaluation.level.{Level.BASICALLY_SATISFIED.value}": Text("基本满意", "ئاساسەن رازى"),
    f"evaluation.level.{Level.DISSATISFIED.value}": Text("不满意", "نارازى"),
    f"evaluation.level.{Level.VERY_DISSATISFIED.value}": Text("非常不满意", "ناھايىتى نارازى"),
}
DIMENSION_TEXTS = {
    "evaluation.dim.efficiency": Text("办事效率", "ئىش ئۈنۈمى"),
    "evaluation.dim.service_level": Text("服务水平", "مۇلازىمەت سەۋىيەسى"),
    "evaluation.dim.attitude": Text("服务态度", "مۇلازىمەت پوزىتسىيەسى"),
}
# The domain's problem tags (kiosk.domain.evaluation.PROBLEMS), in the villager's language.
PROBLEM_TEXTS = dict(
    zip(
        (f"evaluation.problem.{i}" for i in range(len(PROBLEMS))),
        (
            Text("办事效率低", "ئىش ئۈنۈمى تۆۋەن"),
            Text("工作人员态度不好", "خىزمەتچىنىڭ پوزىتسىيەسى ياخشى ئەمەس"),
            Text("多次跑腿", "كۆپ قېتىم يۈگۈرۈشكە توغرا كەلدى"),
            Text("材料要求不清楚", "ماتېرىيال تەلىپى ئېنىق ئەمەس"),
            Text("排队时间长", "نۆۋەت ساقلاش ۋاقتى ئۇزۇن"),
            Text("系统或设备故障", "سىستېما ياكى ئۈسكۈنىدە كاشىلا"),
            Text("收费不合理", "ھەق ئېلىش مۇۋاپىق ئەمەس"),
            Text("其他", "باشقا"),
        ),
        strict=True,
    )
)


def stars(level: int) -> str:
    return "★" * level + "☆" * (5 - level)


class EvaluationScreen(Screen):
    name = "evaluation"
    title_key = "evaluation.title"
    messages = {
        **LEVEL_TEXTS,
        **DIMENSION_TEXTS,
        **PROBLEM_TEXTS,
        "evaluation.title": Text("服务评价", "مۇلازىمەتكە باھا"),
        "evaluation.which": Text("您要评价哪一次办事？", "قايسى قېتىملىق ئىشقا باھا بېرىسىز؟"),
        "evaluation.hall_only": Text("评价今天的大厅服务", "بۈگۈنكى زال مۇلازىمىتىگە باھا"),
        "evaluation.for_case": Text("评价：{item}", "باھا: {item}"),
        "evaluation.for_receipt": Text("回执编号：{receipt}", "تالون نومۇرى: {receipt}"),
        "evaluation.for_hall": Text("评价：{hall}", "باھا: {hall}"),
        "evaluation.how_was_it": Text("您对这次服务满意吗？", "بۇ قېتىملىق مۇلازىمەتتىن رازىمۇ؟"),
        "evaluation.what_went_wrong": Text(
            "哪里让您不满意？可以选多项。", "قايسى جەھەتتىن نارازى؟ بىر قانچىنى تاللىسىڭىز بولىدۇ."
        ),
        "evaluation.pick_one": Text(
            "请至少选一项，再点下一步。", "كەم دېگەندە بىرنى تاللاپ، ئاندىن كېيىنكى قەدەمنى بېسىڭ."
        ),
        "evaluation.dimensions": Text(
            "还可以分项评价（已按您的总体评价选好，可以改）：",
            "تۈرلەر بويىچە باھا بەرسىڭىز بولىدۇ (ئومۇمىي باھايىڭىز بويىچە تاللاندى، ئۆزگەرتسىڭىز بولىدۇ):",
        ),
        "evaluation.dimension_value": Text("{name}：{level}", "{name}: {level}"),
        "evaluation.submit": Text("✔ 提交评价", "✔ باھانى يوللاش"),
        "evaluation.saving": Text("正在保存您的评价…", "باھايىڭىز ساقلىنىۋاتىدۇ…"),
        "evaluation.thanks": Text("谢谢您的评价！", "باھايىڭىزغا رەھمەت!"),
        "evaluation.sent": Text(
            "评价已提交，会转给服务网点。", "باھا يوللاندى، مۇلازىمەت ئورنىغا يەتكۈزۈلىدۇ."
        ),
        "evaluation.queued": Text(
            "评价已保存在本机，网络恢复后自动提交，不会丢失。",
            "باھا بۇ ئۈسكۈنىدە ساقلاندى، تور ئەسلىگە كەلگەندە ئاپتوماتىك يوللىنىدۇ، يوقالمايدۇ.",
        ),
    }

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.service = RatedService()
        self.level: Level | None = None
        self.dimensions: dict[Dimension, Level] = {}
        self.problems: set[str] = set()
        self.rated: Rated | None = None
        self.context_line = BodyLabel(role="field")
        self.pages = QStackedWidget()
        self.body.addWidget(self.context_line)
        self.body.addWidget(self.pages, 1)
        self._build_which()
        self._build_levels()
        self._build_problems()
        self._build_dimensions()
        self._build_done()

    # --- pages -----------------------------------------------------------------------------

    def _page(self) -> tuple[QWidget, QVBoxLayout]:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.pages.addWidget(page)
        return page, layout

    def _build_which(self) -> None:
        self.which_page, layout = self._page()
        self.which_label = BodyLabel()
        self.which_scan = BigButton(role="tile")
        self.which_number = BigButton(role="tile")
        self.which_hall = BigButton(role="tile")
        self.which_scan.clicked.connect(lambda: self._find("progress.scan"))
        self.which_number.clicked.connect(lambda: self._find("progress.number"))
        self.which_hall.clicked.connect(lambda: self._rate_service(RatedService()))
        layout.addWidget(self.which_label)
        for button in (self.which_scan, self.which_number, self.which_hall):
            layout.addWidget(button)
        layout.addStretch(1)

    def _build_levels(self) -> None:
        self.level_page, layout = self._page()
        self.level_question = TitleLabel()
        layout.addWidget(self.level_question)
        self.level_buttons: dict[Level, BigButton] = {}
        for level in LEVELS:
            # Not tiles: five tiles high do not fit a landscape panel in elderly mode.
            button = BigButton()
            button.clicked.connect(lambda _c=False, level=level: self._choose_level(level))
            self.level_buttons[level] = button
            layout.addWidget(button)
        layout.addStretch(1)

    def _build_problems(self) -> None:
        self.problem_page, layout = self._page()
        self.problem_question = BodyLabel(role="field")
        layout.addWidget(self.problem_question)
        grid = QGridLayout()
        self.problem_buttons: dict[str, BigButton] = {}
        for i, problem in enumerate(PROBLEMS):
            button = BigButton(role="secondary")
            button.setCheckable(True)
            button.toggled.connect(lambda on, p=problem: self._toggle_problem(p, on))
            self.problem_buttons[problem] = button
            grid.addWidget(button, i, 0)  # one column: Uyghur tags are long
        layout.addLayout(grid)
        layout.addStretch(1)
        self.problems_next = BigButton()
        self.problems_next.clicked.connect(self._problems_done)
        layout.addWidget(self.problems_next)

    def _build_dimensions(self) -> None:
        self.dimension_page, layout = self._page()
        self.dimension_intro = BodyLabel()
        layout.addWidget(self.dimension_intro)
        self.dimension_values: dict[Dimension, BodyLabel] = {}
        self.star_buttons: dict[Dimension, list[BigButton]] = {}
        for dimension in RATED_DIMENSIONS:
            value = BodyLabel(role="field")
            row = QHBoxLayout()
            buttons = []
            for level in sorted(Level):  # one star on the left .. five on the right
                button = BigButton(role="secondary")
                button.setCheckable(True)
                button.clicked.connect(
                    lambda _c=False, d=dimension, lv=level: self._rate_dimension(d, lv)
                )
                buttons.append(button)
                row.addWidget(button)
            self.dimension_values[dimension] = value
            self.star_buttons[dimension] = buttons
            layout.addWidget(value)
            layout.addLayout(row)
        layout.addStretch(1)
        self.submit_button = BigButton()
        self.submit_button.clicked.connect(self._submit)
        layout.addWidget(self.submit_button)

    def _build_done(self) -> None:
        self.done_page, layout = self._page()
        self.thanks = TitleLabel()
        self.done_detail = BodyLabel()
        self.done_button = BigButton()
        self.done_button.clicked.connect(self.go_home.emit)
        layout.addWidget(self.thanks)
        layout.addWidget(self.done_detail)
        layout.addStretch(1)
        layout.addWidget(self.done_button)

    # --- Screen ------------------------------------------------------------------------------

    def available(self) -> bool:
        return self.ctx.services.evaluation is not None

    def retranslate(self) -> None:
        super().retranslate()
        t = self.t
        self.which_label.set_plain(t("evaluation.which"))
        self.which_scan.setText("▣\n" + t("progress.by_scan"))
        self.which_number.setText("⌨\n" + t("progress.by_number"))
        self.which_hall.setText("⌂\n" + t("evaluation.hall_only"))
        self.level_question.set_plain(t("evaluation.how_was_it"))
        for level, button in self.level_buttons.items():
            button.setText(f"{stars(level.value)}  {t(f'evaluation.level.{level.value}')}")
        self.problem_question.set_plain(t("evaluation.what_went_wrong"))
        for i, problem in enumerate(PROBLEMS):
            self.problem_buttons[problem].setText(t(f"evaluation.problem.{i}"))
        self.problems_next.setText(t("nav.next"))
        self.dimension_intro.set_plain(t("evaluation.dimensions"))
        for buttons in self.star_buttons.values():
            for n, button in enumerate(buttons, start=1):
                button.setText("★" * n)
        self.submit_button.setText(t("evaluation.submit"))
        self.thanks.set_plain(t("evaluation.thanks"))
        self.done_button.setText(t("nav.done"))
        self._show_context()
        self._show_dimensions()
        self._show_done()

    def enter(self, **params: Any) -> None:
        super().enter(**params)
        if "receipt_no" in params:
            self._rate_service(
                RatedService(
                    receipt_no=str(params["receipt_no"]),
                    item_code=str(params.get("item_code", "")),
                    item_name=str(params.get("item_name", "")),
                )
            )
        elif self.pages.currentWidget() is self.done_page:
            self._reset()  # rated already: a new rating starts by asking which service

    def forget(self) -> None:
        self._reset()
        super().forget()

    def _reset(self) -> None:
        self.service = RatedService()
        self.level, self.rated = None, None
        self.dimensions.clear()
        for button in self.problem_buttons.values():
            button.setChecked(False)
        self.problems.clear()
        self.pages.setCurrentWidget(self.which_page)
        self.banner.clear()
        self._show_context()

    # --- the steps ---------------------------------------------------------------------------

    def _find(self, screen: str) -> None:
        self.navigate.emit(screen, {"purpose": EVALUATE})

    def _rate_service(self, service: RatedService) -> None:
        self._reset()
        self.service = service
        self.pages.setCurrentWidget(self.level_page)
        self._show_context()
        self.ctx.voice.say("evaluation.how_was_it")
        progress = self.ctx.services.progress
        if service.receipt_no and not service.item_code and progress is not None:
            receipt = service.receipt_no
            self.ctx.run(lambda: progress.by_receipt(receipt), self._case_found, self._no_case)

    def _case_found(self, report: CaseReport | None) -> None:
        if report is None or report.receipt_no != self.service.receipt_no:
            return
        if report.case is not None:
            code, name = report.case.item_code, report.case.item_name
        elif report.local is not None:
            code, name = "", report.local.item_name
        else:
            return
        self.service = RatedService(report.receipt_no, code, name, self.service.agent_id)
        self._show_context()

    def _no_case(self, exc: Exception) -> None:
        self.ctx.error_text(exc)  # the rating still goes with its receipt number

    def _choose_level(self, level: Level) -> None:
        self.level = level
        self.dimensions = dict.fromkeys(RATED_DIMENSIONS, level)
        self._show_dimensions()
        if level.is_bad:
            self.pages.setCurrentWidget(self.problem_page)
            self.ctx.voice.say("evaluation.what_went_wrong")
        else:
            self.pages.setCurrentWidget(self.dimension_page)

    def _toggle_problem(self, problem: str, on: bool) -> None:
        if on:
            self.problems.add(problem)
            self.banner.clear()
        else:
            self.problems.discard(problem)

    def _problems_done(self) -> None:
        if not self.problems:
            self.banner.show_message(BannerKind.WARNING, self.t("evaluation.pick_one"))
            return
        self.banner.clear()
        self.pages.setCurrentWidget(self.dimension_page)

    def _rate_dimension(self, dimension: Dimension, level: Level) -> None:
        self.dimensions[dimension] = level
        self._show_dimensions()

    def _submit(self) -> None:
        evaluation, level = self.ctx.services.evaluation, self.level
        if evaluation is None or level is None:
            return
        service, dims, problems = self.service, dict(self.dimensions), frozenset(self.problems)
        self.submit_button.setEnabled(False)
        self.banner.show_message(BannerKind.INFO, self.t("evaluation.saving"))
        self.ctx.run(
            lambda: evaluation.rate(service, level, dims, problems),
            self._rated,
            self._failed,
            hold=True,
        )

    def _rated(self, rated: Rated) -> None:
        self.rated = rated
        self.submit_button.setEnabled(True)
        self.banner.clear()
        self.pages.setCurrentWidget(self.done_page)
        self._show_done()
        self.ctx.voice.say("evaluation.thanks")

    def _failed(self, exc: Exception) -> None:
        self.submit_button.setEnabled(True)
        self.banner.show_message(BannerKind.ERROR, self.ctx.error_text(exc))

    # --- showing -----------------------------------------------------------------------------

    def _show_context(self) -> None:
        s = self.service
        lines = []
        if s.item_name:
            lines.append(self.t("evaluation.for_case", item=s.item_name))
        if s.receipt_no:
            lines.append(self.t("evaluation.for_receipt", receipt=s.receipt_no))
        if not lines and self.pages.currentWidget() is not self.which_page:
            lines.append(self.t("evaluation.for_hall", hall=self.ctx.settings.hall_name))
        self.context_line.set_plain("\n".join(lines))
        self.context_line.setVisible(bool(lines))

    def _show_dimensions(self) -> None:
        for dimension, buttons in self.star_buttons.items():
            chosen = self.dimensions.get(dimension)
            for n, button in enumerate(buttons, start=1):
                button.setChecked(chosen is not None and n == chosen.value)
            name = self.t(f"evaluation.dim.{dimension.value}")
            level = "" if chosen is None else self.t(f"evaluation.level.{chosen.value}")
            self.dimension_values[dimension].set_plain(
                self.t("evaluation.dimension_value", name=name, level=level)
            )

    def _show_done(self) -> None:
        if self.rated is not None:
            key = "evaluation.queued" if self.rated.offline else "evaluation.sent"
            self.done_detail.set_plain(self.t(key))
