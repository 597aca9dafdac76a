"""设备自检: read a card, take a picture, print a test page, speak a test prompt. Each runs the
same check as `python -m devices diagnose` and says, per device, what it found and the fix
(the devices' own plain-Chinese texts)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGridLayout

from kiosk.ports.device import DeviceState
from kiosk.ports.diagnosis import DiagnosisResult
from kiosk.ports.self_test import SelfTest
from ui.i18n import Text
from ui.technician.base import TechScreen
from ui.widgets import BannerKind, BigButton, BodyLabel

SELF_TEST = "tech_selftest"
# (test, message key, symbol)
TESTS = (
    (SelfTest.CARD, "tech.selftest.card", "⊟"),
    (SelfTest.CAMERA, "tech.selftest.camera", "◉"),
    (SelfTest.PRINTER, "tech.selftest.printer", "✎"),
    (SelfTest.VOICE, "tech.selftest.voice", "♪"),
)


def mark(result: DiagnosisResult) -> str:
    if not result.ok:
        return "✖"
    return "⚠" if result.status.state is DeviceState.DEGRADED else "✔"


class TechSelfTestScreen(TechScreen):
    name = SELF_TEST
    title_key = "tech.selftest.title"
    messages = {
        "tech.selftest.title": Text("设备自检", "ئۈسكۈنە ئۆزىنى تەكشۈرۈش"),
        "tech.selftest.hint": Text(
            "按一项开始检测。用的是和 python -m devices diagnose 相同的检查。",
            "تەكشۈرۈش ئۈچۈن بىرىنى بېسىڭ. python -m devices diagnose بىلەن ئوخشاش تەكشۈرۈش ئىشلىتىلىدۇ.",
        ),
        "tech.selftest.card": Text("读卡测试", "كارتا ئوقۇش سىنىقى"),
        "tech.selftest.camera": Text("拍照测试", "رەسىم تارتىش سىنىقى"),
        "tech.selftest.printer": Text("打印测试页", "سىناق بېتى بېسىش"),
        "tech.selftest.voice": Text("语音测试", "ئاۋاز سىنىقى"),
        "tech.selftest.put_card": Text(
            "请在 {seconds} 秒内把一张卡（身份证、社保卡或测试卡）放到读卡器上。",
            "{seconds} سېكۇنت ئىچىدە بىر كارتىنى (كىملىك، ئىجتىمائىي كاپالەت ياكى سىناق كارتىسى) ئوقۇغۇچقا قويۇڭ.",
        ),
        "tech.selftest.running": Text("正在检测，请稍候…", "تەكشۈرۈلۈۋاتىدۇ، سەل ساقلاڭ…"),
        "tech.selftest.all_ok": Text("检测通过。", "تەكشۈرۈشتىن ئۆتتى."),
        "tech.selftest.attention": Text(
            "能用，但有要注意的地方：见下面 ⚠ 那一条。",
            "ئىشلەيدۇ، ئەمما دىققەت قىلىدىغان يېرى بار: تۆۋەندىكى ⚠ قۇرنى كۆرۈڭ.",
        ),
        "tech.selftest.failed": Text(
            "有设备需要处理：按下面 ✖ 那一条的处理办法做。",
            "بىر تەرەپ قىلىدىغان ئۈسكۈنە بار: تۆۋەندىكى ✖ قۇردىكى چارىنى قىلىڭ.",
        ),
        "tech.selftest.fix": Text("处理办法：{fix}", "چارىسى: {fix}"),
        "tech.selftest.detail": Text("（技术信息：{detail}）", "(تېخنىكىلىق ئۇچۇر: {detail})"),
    }

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.hint = BodyLabel()
        grid = QGridLayout()
        self.test_buttons: dict[SelfTest, BigButton] = {}
        for n, (test, _key, _symbol) in enumerate(TESTS):
            button = BigButton(role="tile")
            button.clicked.connect(lambda _c=False, t=test: self.start(t))
            grid.addWidget(button, n // 2, n % 2)
            self.test_buttons[test] = button
        self.results = BodyLabel()
        self.body.addWidget(self.hint)
        self.body.addLayout(grid)
        self.body.addWidget(self.results)
        self.body.addStretch(1)
        self._shown: list[DiagnosisResult] = []

    def available(self) -> bool:
        return super().available() and self.desk.tools.self_tests is not None

    def retranslate(self) -> None:
        super().retranslate()
        self.hint.set_plain(self.t("tech.selftest.hint"))
        for test, key, symbol in TESTS:
            self.test_buttons[test].setText(f"{symbol}\n{self.t(key)}")
        self.show_results(self._shown)

    def opened(self, **params: Any) -> None:  # noqa: ARG002
        self.banner.clear()
        self.show_results([])
        self._busy(False)

    def forget(self) -> None:
        self._shown = []
        self.results.set_plain("")
        self._busy(False)
        super().forget()

    def _busy(self, busy: bool) -> None:
        for button in self.test_buttons.values():
            button.setEnabled(not busy)

    def start(self, test: SelfTest) -> None:
        tools = self.desk.tools.self_tests
        if tools is None:
            return
        self._busy(True)
        self._shown = []
        self.results.set_plain("")
        if test is SelfTest.CARD:
            message = self.t("tech.selftest.put_card", seconds=round(tools.card_wait_s))
        else:
            message = self.t("tech.selftest.running")
        self.banner.show_message(BannerKind.INFO, message)
        self.run(lambda: tools.run(test), self._done)

    def show_failure(self, exc: Exception) -> None:
        self._busy(False)
        super().show_failure(exc)

    def _done(self, results: list[DiagnosisResult]) -> None:
        self._busy(False)
        self.show_results(results)

    def show_results(self, results: list[DiagnosisResult]) -> None:
        self._shown = list(results)
        if not results:
            self.results.set_plain("")
            return
        marks = [mark(r) for r in results]
        if "✖" in marks:
            self.banner.show_message(BannerKind.ERROR, self.t("tech.selftest.failed"))
        elif "⚠" in marks:
            self.banner.show_message(BannerKind.WARNING, self.t("tech.selftest.attention"))
        else:
            self.banner.show_message(BannerKind.OK, self.t("tech.selftest.all_ok"))
        blocks = []
        for result, symbol in zip(results, marks, strict=True):
            lines = [f"{symbol} {result.title}：{result.problem}"]
            if result.found:
                lines.append(result.found)
            if result.fix:
                lines.append(self.t("tech.selftest.fix", fix=result.fix))
            if result.status.detail and not result.ok:
                lines.append(self.t("tech.selftest.detail", detail=result.status.detail))
            blocks.append("\n".join(lines))
        self.results.set_plain("\n\n".join(blocks))
