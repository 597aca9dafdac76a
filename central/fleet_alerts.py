"""What needs a technician at a terminal, judged from its last heartbeat and a short history.

Pure functions of the stored health and `now`: the fleet page, the admin API and the tests
all ask here. Thresholds live in FleetPolicy (`python -m central serve --silent-after-s ...`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

DEVICE_LABELS = {
    "card_reader": "读卡器",
    "id_reader": "身份证阅读器",
    "camera": "摄像头",
    "printer": "打印机",
}
STATE_LABELS = {
    "ready": "正常",
    "busy": "使用中",
    "degraded": "需注意",
    "offline": "离线",
    "error": "故障",
}
# The technician's words for the message keys devices report (kiosk/ports/*.py).
MESSAGE_LABELS = {
    "printer.ready": "正常",
    "printer.paper_near_end": "纸将用完",
    "printer.out_of_paper": "缺纸",
    "printer.offline": "离线或盖板打开",
    "printer.silent": "无应答",
    "printer.not_found": "未连接",
    "printer.error": "故障",
    "reader.ready": "正常",
    "reader.busy": "读卡中",
    "reader.missing": "未连接",
    "reader.no_service": "读卡服务未运行",
    "reader.error": "故障",
    "camera.error": "故障",
    "camera.missing": "未连接",
    "camera.no_frame": "无画面",
}


@dataclass(frozen=True)
class FleetPolicy:
    silent_after_s: int = 3600
    clock_skew_s: int = 120  # requests are refused past 300 s; warn well before
    backlog_window_s: int = 3600
    backlog_min_beats: int = 3
    disk_low_bytes: int = 500 * 1024 * 1024
    refusal_window_s: int = 24 * 3600


@dataclass(frozen=True)
class Alert:
    code: str
    severity: str  # critical | warning
    label: str  # for the page, in Chinese

    def to_json(self) -> dict[str, str]:
        return {"code": self.code, "severity": self.severity, "label": self.label}


def duration_words(seconds: float) -> str:
    s = max(0, int(seconds))
    if s < 60:
        return f"{s} 秒"
    if s < 3600:
        return f"{s // 60} 分钟"
    if s < 86400:
        return f"{s // 3600} 小时"
    return f"{s // 86400} 天"


def device_words(device: Mapping[str, Any]) -> str:
    key = str(device.get("message_key", ""))
    state = str(device.get("state", ""))
    return MESSAGE_LABELS.get(key) or STATE_LABELS.get(state, state or "未知")


def backlog_growing(trend: Sequence[Sequence[int]], now_ms: int, policy: FleetPolicy) -> bool:
    """Over the window the backlog never went down and ended higher: records arrive and none
    leave. `trend` is [[at_ms, pending], ...], oldest first."""
    start = now_ms - policy.backlog_window_s * 1000
    points = [(int(at), int(n)) for at, n in trend if at >= start]
    if len(points) < policy.backlog_min_beats:
        return False
    if points[-1][0] - points[0][0] < policy.backlog_window_s * 500:
        return False  # too short a stretch to call it a trend
    counts = [n for _, n in points]
    return all(b >= a for a, b in zip(counts, counts[1:], strict=False)) and counts[-1] > counts[0]


def terminal_alerts(row: Mapping[str, Any], now_ms: int, policy: FleetPolicy) -> list[Alert]:
    """`row`: received_at_ms (None before the first heartbeat), body (the last heartbeat),
    clock_skew_ms, trend, audit_alert, last_refusal_at_ms, last_refusal_reason."""
    alerts: list[Alert] = []
    received = row.get("received_at_ms")
    if received is None:
        return [Alert("silent", "critical", "从未上报")]
    silent_s = (now_ms - int(received)) / 1000
    if silent_s > policy.silent_after_s:
        alerts.append(Alert("silent", "critical", f"失联 {duration_words(silent_s)}"))
    body: Mapping[str, Any] = row.get("body") or {}
    for name, device in sorted((body.get("devices") or {}).items()):
        label = DEVICE_LABELS.get(name, name)
        key = device.get("message_key")
        if key == "printer.out_of_paper":
            alerts.append(Alert("paper_out", "critical", "打印机缺纸"))
        elif key == "printer.paper_near_end":
            alerts.append(Alert("paper_low", "warning", "打印纸将用完"))
        elif device.get("state") in ("offline", "error"):
            alerts.append(Alert("device_fault", "critical", f"{label}{device_words(device)}"))
    queue: Mapping[str, Any] = body.get("queue") or {}
    if queue.get("refusing"):
        alerts.append(Alert("queue_full", "critical", "待上传已满，暂停受理"))
    if backlog_growing(row.get("trend") or [], now_ms, policy):
        alerts.append(Alert("backlog_growing", "warning", "待上传持续增加"))
    if int(queue.get("dead_letters") or 0):
        alerts.append(Alert("dead_letters", "warning", f"{queue['dead_letters']} 条被平台拒收"))
    if int(queue.get("conflicts") or 0):
        alerts.append(Alert("conflicts", "warning", f"{queue['conflicts']} 条编号冲突"))
    skew = row.get("clock_skew_ms")
    if skew is not None and abs(int(skew)) > policy.clock_skew_s * 1000:
        way = "慢" if int(skew) > 0 else "快"
        # Whole minutes: the measure includes the request's transit time.
        minutes = round(abs(int(skew)) / 60_000)
        alerts.append(Alert("clock_skew", "warning", f"时钟{way} {duration_words(minutes * 60)}"))
    disk = body.get("disk") or {}
    if disk and int(disk.get("free_bytes", 0)) < policy.disk_low_bytes:
        alerts.append(Alert("disk_low", "critical", "磁盘空间不足"))
    if row.get("audit_alert"):
        alerts.append(Alert("audit_broken", "critical", "审计日志异常"))
    refused_at = row.get("last_refusal_at_ms")
    if refused_at is not None and now_ms - int(refused_at) < policy.refusal_window_s * 1000:
        alerts.append(
            Alert("command_refused", "warning", f"终端拒绝指令（{row.get('last_refusal_reason')}）")
        )
    restarts = body.get("restarts") or {}
    last_at, reason = restarts.get("last_at_ms"), restarts.get("last_reason")
    if last_at is not None and reason not in (None, "stopped", "sync_stopped"):
        if now_ms - int(last_at) < policy.backlog_window_s * 1000:
            # The sync service's reasons carry a sync_ prefix (kiosk/ops/restarts.py).
            why = str(reason)
            what = "同步服务异常重启" if why.startswith("sync_") else "异常重启"
            alerts.append(Alert("restarted", "warning", f"{what}（{why.removeprefix('sync_')}）"))
    if body.get("probe_errors"):
        alerts.append(
            Alert("probe_error", "warning", "自检出错：" + ", ".join(body["probe_errors"]))
        )
    return alerts
