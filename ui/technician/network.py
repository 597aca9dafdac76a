"""网络检测: can this terminal reach its platform, how fast, is its clock right, is the
platform's certificate the right one. Runs when opened and on 重新检测; every finding in plain
words with what to do, the worst first."""

from __future__ import annotations

from typing import Any

from kiosk.ports.network import NetworkReport
from kiosk.services.tech_network import Finding, Severity, assess
from ui.i18n import Text
from ui.technician import format as fmt
from ui.technician.base import TechScreen
from ui.widgets import BannerKind, BigButton, BodyLabel

NETWORK = "tech_network"
_SYMBOL = {Severity.OK: "✔", Severity.WARNING: "⚠", Severity.ERROR: "✖"}
_BANNER = {
    Severity.OK: (BannerKind.OK, "tech.network.all_ok"),
    Severity.WARNING: (BannerKind.WARNING, "tech.network.warn"),
    Severity.ERROR: (BannerKind.ERROR, "tech.network.bad"),
}


class TechNetworkScreen(TechScreen):
    name = NETWORK
    title_key = "tech.network.title"
    messages = {
        "tech.network.title": Text("网络检测", "تور تەكشۈرۈش"),
        "tech.network.run": Text("重新检测", "قايتا تەكشۈرۈش"),
        "tech.network.running": Text("正在检测网络…", "تور تەكشۈرۈلۈۋاتىدۇ…"),
        "tech.network.all_ok": Text("网络正常，可以连上平台。", "تور نورمال، سۇپىغا ئۇلىنىدۇ."),
        "tech.network.bad": Text(
            "有问题，终端现在不能和平台通信：按下面 ✖ 那一条处理。",
            "مەسىلە بار، ئۈسكۈنە ھازىر سۇپا بىلەن ئالاقىلىشالمايدۇ: تۆۋەندىكى ✖ بەلگىلىك قۇرغا قاراپ بىر تەرەپ قىلىڭ.",
        ),
        "tech.network.warn": Text(
            "能连上平台，但有要处理的问题：见下面 ⚠ 那一条。",
            "سۇپىغا ئۇلىنىدۇ، ئەمما بىر تەرەپ قىلىدىغان مەسىلە بار: تۆۋەندىكى ⚠ بەلگىلىك قۇرنى كۆرۈڭ.",
        ),
        "tech.network.address": Text(
            "平台地址：{url}（解析到 {addresses}，{dns_ms} 毫秒）",
            "سۇپا ئادرېسى: {url} ({addresses} غا ئايلاندى، {dns_ms} مىللىسېكۇنت)",
        ),
        "tech.network.address_only": Text("平台地址：{url}", "سۇپا ئادرېسى: {url}"),
        "net.reachable": Text(
            "能连上平台：往返 {latency_ms} 毫秒（{samples} 次的中位数），第一次连接 {connect_ms} 毫秒",
            "سۇپىغا ئۇلىنىدۇ: بېرىپ كېلىش {latency_ms} مىللىسېكۇنت ({samples} قېتىمنىڭ ئوتتۇرىسى)، تۇنجى ئۇلىنىش {connect_ms} مىللىسېكۇنت",
        ),
        "net.problem.dns": Text(
            "平台地址的域名解析不了：检查网线或 4G 信号和 DNS 设置；核对配置里的平台地址有没有写错。",
            "سۇپا ئادرېسىنىڭ نامىنى تاپالمىدى: تور سىمى ياكى 4G سىگنالى ۋە DNS تەڭشىكىنى تەكشۈرۈڭ؛ سەپلىمىدىكى سۇپا ئادرېسىنى جەزملەڭ.",
        ),
        "net.problem.refused": Text(
            "平台地址上没有服务（连接被拒绝）：核对配置里的地址和端口；平台也可能正在维护。",
            "سۇپا ئادرېسىدا مۇلازىمەت يوق (ئۇلىنىش رەت قىلىندى): سەپلىمىدىكى ئادرېس ۋە ئېغىزنى تەكشۈرۈڭ؛ سۇپا ئاسراۋاتقان بولۇشى مۇمكىن.",
        ),
        "net.problem.timeout": Text(
            "连接平台超时：网络不通、太慢，或被防火墙挡住。检查网络后再试。",
            "سۇپىغا ئۇلىنىش ۋاقتى ئۆتتى: تور ئۈزۈلگەن، بەك ئاستا ياكى مۇداپىئە تېمى توسقان. تورنى تەكشۈرۈپ قايتا سىناڭ.",
        ),
        "net.problem.not_platform": Text(
            "有设备回答了，但不是政务服务平台（{detail}）：可能是上网认证页面或代理。先完成上网认证或检查代理，再核对平台地址。",
            "بىر ئۈسكۈنە جاۋاب بەردى، ئەمما ئۇ ھۆكۈمەت سۇپىسى ئەمەس ({detail}): تورغا كىرىش دەلىللەش بېتى ياكى ۋاكالەتچى بولۇشى مۇمكىن. ئاۋۋال دەلىللەشنى تاماملاڭ ياكى ۋاكالەتچىنى تەكشۈرۈڭ.",
        ),
        "net.problem.other": Text(
            "连不上平台（{detail}）：检查网络；仍不行请把这一页拍下来报给运维。",
            "سۇپىغا ئۇلانمىدى ({detail}): تورنى تەكشۈرۈڭ؛ يەنىلا بولمىسا بۇ بەتنى رەسىمگە تارتىپ مەلۇم قىلىڭ.",
        ),
        "net.problem.tls_untrusted": Text(
            "平台证书不受信任（{detail}）：它不是由本机信任的 CA 签发的。核对 platform.ca_file 是否是平台方给的 CA 证书；若无误，网络中可能有人冒充平台，请报告。",
            "سۇپا گۇۋاھنامىسىگە ئىشەنگىلى بولمايدۇ ({detail}): ئۇنى بۇ ئۈسكۈنە ئىشىنىدىغان CA تارقاتمىغان. platform.ca_file سۇپا بەرگەن CA ئىكەنلىكىنى جەزملەڭ؛ توغرا بولسا، توردا باشقىلار سۇپىنى دوراۋاتقان بولۇشى مۇمكىن، مەلۇم قىلىڭ.",
        ),
        "net.problem.tls_expired": Text(
            "平台证书不在有效期内（{detail}）：先核对本机的日期；日期对的话，请平台方更换证书。",
            "سۇپا گۇۋاھنامىسىنىڭ ۋاقتى توغرا ئەمەس ({detail}): ئاۋۋال بۇ ئۈسكۈنىنىڭ چېسلاسىنى تەكشۈرۈڭ؛ چېسلا توغرا بولسا سۇپىدىن گۇۋاھنامىنى يېڭىلاشنى تەلەپ قىلىڭ.",
        ),
        "net.problem.tls_hostname": Text(
            "平台证书不是给这个地址的（{detail}）：平台地址要用证书上的域名，核对配置里的平台地址。",
            "سۇپا گۇۋاھنامىسى بۇ ئادرېس ئۈچۈن ئەمەس ({detail}): سۇپا ئادرېسىدا گۇۋاھنامىدىكى نامنى ئىشلىتىڭ، سەپلىمىنى تەكشۈرۈڭ.",
        ),
        "net.problem.tls_other": Text(
            "和平台建立加密连接失败（{detail}）：把这一页拍下来报给平台方。",
            "سۇپا بىلەن مەخپىي ئۇلىنىش قۇرۇلمىدى ({detail}): بۇ بەتنى رەسىمگە تارتىپ سۇپىغا مەلۇم قىلىڭ.",
        ),
        "net.clock_ok": Text(
            "时钟：与平台相差不到 2 分钟（误差 ±{uncertainty_ms} 毫秒）",
            "سائەت: سۇپا بىلەن پەرقى 2 مىنۇتتىن ئاز (خاتالىق ±{uncertainty_ms} مىللىسېكۇنت)",
        ),
        "net.clock_slow": Text(
            "时钟：本机比平台慢 {age}。超过 5 分钟平台会拒绝本机：请校准时间（NTP）和时区。",
            "سائەت: بۇ ئۈسكۈنە سۇپىدىن {age} ئاستا. 5 مىنۇتتىن ئاشسا سۇپا رەت قىلىدۇ: ۋاقىتنى (NTP) ۋە ۋاقىت رايونىنى توغرىلاڭ.",
        ),
        "net.clock_fast": Text(
            "时钟：本机比平台快 {age}。超过 5 分钟平台会拒绝本机：请校准时间（NTP）和时区。",
            "سائەت: بۇ ئۈسكۈنە سۇپىدىن {age} تېز. 5 مىنۇتتىن ئاشسا سۇپا رەت قىلىدۇ: ۋاقىتنى (NTP) ۋە ۋاقىت رايونىنى توغرىلاڭ.",
        ),
        "net.cert_ok": Text(
            "证书：{subject}，颁发者 {issuer}，有效期到 {until}（还有 {days} 天）",
            "گۇۋاھنامە: {subject}، تارقاتقۇچى {issuer}، {until} گىچە ئىناۋەتلىك ({days} كۈن قالدى)",
        ),
        "net.cert_expiring": Text(
            "证书快到期了：{subject}，有效期到 {until}（只剩 {days} 天）。请平台方尽快更换。",
            "گۇۋاھنامە مۇددىتى توشاي دەپ قالدى: {subject}، {until} گىچە ({days} كۈن قالدى). سۇپىدىن تېز يېڭىلاشنى تەلەپ قىلىڭ.",
        ),
        "tech.network.cert_seen": Text(
            "看到的证书：{subject}，颁发者 {issuer}，有效期到 {until}",
            "كۆرۈلگەن گۇۋاھنامە: {subject}، تارقاتقۇچى {issuer}، {until} گىچە",
        ),
        "tech.network.fingerprint": Text(
            "证书指纹 SHA-256：{sha}", "گۇۋاھنامە بارماق ئىزى SHA-256: {sha}"
        ),
        "tech.network.trust_pinned": Text(
            "信任：本机固定的 CA（{subject}，{path}）",
            "ئىشەنچ: بۇ ئۈسكۈنىگە بېكىتىلگەن CA ({subject}، {path})",
        ),
        "tech.network.trust_system": Text(
            "信任：系统自带的 CA（没有固定 CA）", "ئىشەنچ: سىستېمىدىكى CA (بېكىتىلگەن CA يوق)"
        ),
    }

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.lines = BodyLabel()
        self.run_button = BigButton()
        self.run_button.clicked.connect(self.check)
        self.body.addWidget(self.lines)
        self.body.addWidget(self.run_button)
        self.body.addStretch(1)
        self.report: NetworkReport | None = None

    def available(self) -> bool:
        return super().available() and self.desk.tools.network is not None

    def retranslate(self) -> None:
        super().retranslate()
        self.run_button.setText("⟳ " + self.t("tech.network.run"))
        if self.report is not None:
            self.show_report(self.report)

    def opened(self, **params: Any) -> None:  # noqa: ARG002
        self.check()

    def forget(self) -> None:
        self.report = None
        self.lines.set_plain("")
        self.run_button.setEnabled(True)
        super().forget()

    def check(self) -> None:
        tool = self.desk.tools.network
        if tool is None:
            return
        self.run_button.setEnabled(False)
        self.banner.show_message(BannerKind.INFO, self.t("tech.network.running"))
        self.run(tool.run, self.show_report)

    def show_failure(self, exc: Exception) -> None:
        self.run_button.setEnabled(True)
        super().show_failure(exc)

    def show_report(self, report: NetworkReport) -> None:
        self.report = report
        self.run_button.setEnabled(True)
        # Judged at the moment it was measured (the certificate's days left, the clock's
        # skew), by the clock that measured it, not whenever the screen happens to show it.
        findings = assess(report, report.checked_at)
        worst = findings[0] if findings else Finding(Severity.OK, "tech.network.all_ok")
        kind, key = _BANNER[worst.severity]
        self.banner.show_message(kind, self.t(key))
        lines = [self._address(report)]
        lines += [f"{_SYMBOL[f.severity]} {self._words(f)}" for f in findings]
        lines += self._certificate_lines(report)
        self.lines.set_plain("\n".join(lines))

    def _address(self, report: NetworkReport) -> str:
        if not report.addresses:
            return self.t("tech.network.address_only", url=fmt.ltr(report.base_url))
        return self.t(
            "tech.network.address",
            url=fmt.ltr(report.base_url),
            addresses=fmt.ltr(self.t("tech.list_sep").join(report.addresses)),
            dns_ms=round(report.dns_ms or 0),
        )

    def _words(self, finding: Finding) -> str:
        values = dict(finding.values)
        if "ms" in values:
            values["age"] = fmt.age(self.t, values["ms"] / 1000)
        return self.t(finding.key, **values)

    def _certificate_lines(self, report: NetworkReport) -> list[str]:
        tls = report.tls
        if tls is None:
            return []
        lines = []
        cert = tls.certificate
        if cert is not None:
            if not tls.verified:
                lines.append(
                    self.t(
                        "tech.network.cert_seen",
                        subject=cert.subject,
                        issuer=cert.issuer,
                        until=cert.not_after.date().isoformat(),
                    )
                )
            sha = " ".join(cert.sha256[i : i + 4] for i in range(0, 32, 4))
            lines.append(self.t("tech.network.fingerprint", sha=sha + " …"))
        if tls.pinned_ca:
            lines.append(
                self.t(
                    "tech.network.trust_pinned",
                    subject=tls.pinned_ca_subject,
                    path=fmt.ltr(tls.pinned_ca),
                )
            )
        else:
            lines.append(self.t("tech.network.trust_system"))
        return lines
