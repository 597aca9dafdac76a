"""Words every technician screen shares: the session, ages and sizes, the record kinds. Technical
words are fine here (the technician reads them), but still plain: what happened, what to do."""

from __future__ import annotations

from ui.i18n import Text

MESSAGES = {
    "tech.not_signed_in": Text(
        "运维登录已结束，请重新登录。", "تېخنىك كىرىشى ئاخىرلاشتى، قايتا كىرىڭ."
    ),
    "tech.signed_in_as": Text("已登录：{number} {name}", "كىرگەن: {number} {name}"),
    "tech.failed": Text("操作没有完成：{reason}", "مەشغۇلات تاماملانمىدى: {reason}"),
    # ages, sizes and times
    "tech.age.seconds": Text("{n} 秒", "{n} سېكۇنت"),
    "tech.age.minutes": Text("{n} 分钟", "{n} مىنۇت"),
    "tech.age.hours": Text("{h} 小时 {m} 分", "{h} سائەت {m} مىنۇت"),
    "tech.age.days": Text("{d} 天 {h} 小时", "{d} كۈن {h} سائەت"),
    "tech.ago": Text("{time}（{age}前）", "{time} ({age} ئىلگىرى)"),
    "tech.never": Text("从未", "ھېچقاچان"),
    "tech.list_sep": Text("、", "، "),
    # record kinds
    "tech.kind.submission": Text("申请", "ئىلتىماس"),
    "tech.kind.evaluation": Text("评价", "باھا"),
    "tech.kind.complaint": Text("咨询投诉", "مەسلىھەت ۋە ئەرز"),
    "tech.kind.appointment": Text("预约", "ۋاقىت بەلگىلەش"),
    # restarting the kiosk (设置, 登记新终端)
    "tech.config.restart": Text("重新启动终端程序", "ئۈسكۈنە پروگراممىسىنى قايتا قوزغىتىش"),
    "tech.config.restarting": Text("正在重新启动，请稍候…", "قايتا قوزغىتىلىۋاتىدۇ، سەل ساقلاڭ…"),
}
