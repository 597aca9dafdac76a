"""Words every agent screen shares. The agent is a trained village helper, not a technician:
plain words, no codes but their own agent number and the receipt numbers."""

from __future__ import annotations

from ui.i18n import Text

MESSAGES = {
    "agent.not_signed_in": Text(
        "代办员登录已结束，请重新登录。", "ۋاكالەتچى كىرىشى ئاخىرلاشتى، قايتا كىرىڭ."
    ),
    "agent.no_worklist": Text(
        "本终端还没有连上平台，暂时看不到办件清单。",
        "بۇ ئۈسكۈنە تېخى سۇپىغا ئۇلانمىدى، ھازىرچە ئىش تىزىملىكىنى كۆرگىلى بولمايدۇ.",
    ),
    "agent.signed_in_as": Text("代办员：{name}（{number}）", "ۋاكالەتچى: {name} ({number})"),
    "agent.failed": Text("没有办成：{reason}", "تاماملانمىدى: {reason}"),
    "agent.count": Text("{count} 件", "{count} ئىش"),
    "agent.identify_for": Text(
        "代办员 {agent} 为您办理。请村民本人把自己的证件放在读卡区。",
        "ۋاكالەتچى {agent} سىزگە بېجىرىدۇ. ئاھالە ئۆزى ئۆز كىملىكىنى ئوقۇش رايونىغا قويسۇن.",
    ),
    # a case's state, as the agent reads it (kiosk.domain.case.CaseStatus values)
    "agent.state.submitted": Text("已提交", "يوللاندى"),
    "agent.state.accepted": Text("已受理", "قوبۇل قىلىندى"),
    "agent.state.under_review": Text("审核中", "تەكشۈرۈلۈۋاتىدۇ"),
    "agent.state.correction_needed": Text("需补正材料", "ماتېرىيال تولۇقلاش كېرەك"),
    "agent.state.completed": Text("已办结，可领取", "تاماملاندى، ئالسا بولىدۇ"),
    "agent.state.refused": Text("不予受理", "قوبۇل قىلىنمىدى"),
    "agent.state.withdrawn": Text("已撤回", "قايتۇرۇۋېلىندى"),
}
