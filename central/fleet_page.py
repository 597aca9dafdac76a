"""The technicians' fleet page: every terminal on one plain, fast, server-rendered page.

`GET /fleet` (with `?township=` and `?alerts=1` filters) needs the admin token, either as
`Authorization: Bearer` or as the session cookie `POST /fleet/login` sets after the token is
typed into its form. The cookie is an expiry and an HMAC under the token, never the token
itself, and opens this read-only page only: commands go through the admin API.
No JavaScript; the page refreshes itself every minute.
"""

from __future__ import annotations

import gzip
import hashlib
import hmac
import html
from datetime import UTC, datetime, timedelta, timezone
from typing import Annotated, Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from central.context import platform
from central.fleet_alerts import (
    DEVICE_LABELS,
    Alert,
    FleetPolicy,
    device_words,
    duration_words,
    terminal_alerts,
)
from central.fleet_store import fleet_rows, townships

router = APIRouter()
COOKIE = "fleet_session"
SESSION_MS = 12 * 3600 * 1000
CHINA = timezone(timedelta(hours=8))
DEVICE_ORDER = ("card_reader", "id_reader", "camera", "printer")
ACTION_LABELS = {
    "refresh_catalog": "刷新目录",
    "upload_logs": "上传日志",
    "retry_dead_letters": "重试被拒记录",
}
COMMAND_STATUS_LABELS = {
    "pending": "待发送",
    "delivered": "已送达",
    "done": "已完成",
    "failed": "失败",
    "refused": "被终端拒绝",
    "interrupted": "中断",
    "expired": "已过期",
}
STYLE = """
body{font-family:"WenQuanYi Micro Hei","Noto Sans CJK SC",sans-serif;margin:16px;color:#111}
h1{font-size:22px;margin:0 0 6px}.summary{margin:0 0 10px;font-size:15px}
form.filters{margin:0 0 10px;font-size:15px}select,button,input{font-size:15px}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{border:1px solid #bbb;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#eee;position:sticky;top:0}small{color:#555}
tr.critical td:first-child{border-left:6px solid #b00}
tr.warning td:first-child{border-left:6px solid #d80}
tr.ok td:first-child{border-left:6px solid #080}
.alert{display:inline-block;margin:1px 2px;padding:1px 5px;border-radius:3px;font-weight:bold}
.alert.critical{background:#fdd;color:#900}.alert.warning{background:#fec;color:#740}
.dev-offline,.dev-error{color:#900;font-weight:bold}.dev-degraded{color:#740}
.login{max-width:360px;margin:60px auto;font-size:16px}.login input{width:100%;margin:6px 0}
.error{color:#900}
"""


def fleet_policy(request: Request) -> FleetPolicy:
    policy: FleetPolicy = request.app.state.fleet_policy
    return policy


def fleet_view(request: Request, township: str) -> list[dict[str, Any]]:
    """Every terminal's row (central/fleet_store.py) with its alerts as of now."""
    p = platform(request)
    now, policy = p.now_ms(), fleet_policy(request)
    rows = fleet_rows(p.storage, now, township)
    for row in rows:
        row["alerts"] = terminal_alerts(row, now, policy)
    return rows


def _session_value(token: str, expires_ms: int) -> str:
    mac = hmac.new(token.encode(), f"fleet-session:{expires_ms}".encode(), hashlib.sha256)
    return f"{expires_ms}.{mac.hexdigest()}"


def _allowed(request: Request) -> bool:
    p = platform(request)
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer ") and hmac.compare_digest(
        auth[7:].encode(), p.admin_token.encode()
    ):
        return True
    expires, _, _mac = request.cookies.get(COOKIE, "").partition(".")
    if not expires.isdigit() or int(expires) < p.now_ms():
        return False
    expected = _session_value(p.admin_token, int(expires))
    return hmac.compare_digest(request.cookies.get(COOKIE, "").encode(), expected.encode())


def _page(title: str, body: str, status: int = 200, refresh: bool = False) -> HTMLResponse:
    meta = '<meta http-equiv="refresh" content="60">' if refresh else ""
    return HTMLResponse(
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"{meta}<title>{html.escape(title)}</title><style>{STYLE}</style></head>"
        f"<body>{body}</body></html>",
        status_code=status,
        headers={"Cache-Control": "no-store", "X-Frame-Options": "DENY"},
    )


def _login_form(error: str = "", status: int = 401) -> HTMLResponse:
    note = f'<p class="error">{html.escape(error)}</p>' if error else ""
    return _page(
        "技术人员登录",
        '<form class="login" method="post" action="/fleet/login"><h1>终端运行状况 · 登录</h1>'
        f'{note}<label>管理令牌<input type="password" name="token" autocomplete="off" autofocus>'
        '</label><button type="submit">登录</button></form>',
        status,
    )


@router.get("/fleet/login", include_in_schema=False)
def login_page() -> HTMLResponse:
    return _login_form(status=200)


@router.post("/fleet/login", include_in_schema=False)
async def login(request: Request) -> Response:
    p = platform(request)
    form = parse_qs((await request.body())[:4096].decode("utf-8", errors="replace"))
    token = (form.get("token") or [""])[0].strip()
    if not token or not hmac.compare_digest(token.encode(), p.admin_token.encode()):
        return _login_form("令牌不正确")
    expires = p.now_ms() + SESSION_MS
    reply = RedirectResponse("/fleet", status_code=303)
    reply.set_cookie(
        COOKIE,
        _session_value(p.admin_token, expires),
        max_age=SESSION_MS // 1000,
        path="/fleet",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return reply


@router.get("/fleet/logout", include_in_schema=False)
def logout() -> Response:
    reply = RedirectResponse("/fleet/login", status_code=303)
    reply.delete_cookie(COOKIE, path="/fleet")
    return reply


def _when(ms: int | None, now_ms: int) -> str:
    if ms is None:
        return "—"
    at = datetime.fromtimestamp(ms / 1000, UTC).astimezone(CHINA).strftime("%m-%d %H:%M")
    ago = "刚刚" if now_ms - ms < 60_000 else duration_words((now_ms - ms) / 1000) + "前"
    return f"{ago}<br><small>{at}</small>"


def _size(n: int) -> str:
    if n < 1024 * 1024:
        return f"{n / 1024:.0f} kB"
    if n < 1024**3:
        return f"{n / 1024 / 1024:.1f} MB"
    return f"{n / 1024**3:.1f} GB"


def _command(last: dict[str, str] | None) -> str:
    if last is None:
        return "—"
    action, status = last["action"], last["status"]
    words = f"{ACTION_LABELS.get(action, action)} · {COMMAND_STATUS_LABELS.get(status, status)}"
    return f'<span title="{html.escape(action)} {html.escape(status)}">{html.escape(words)}</span>'


def _restarts(restarts: dict[str, Any] | None) -> str:
    if not restarts:
        return "—"
    return f"{int(restarts['total'])}<br><small>异常 {int(restarts['unexpected'])}</small>"


def _severity(alerts: list[Alert]) -> str:
    if any(a.severity == "critical" for a in alerts):
        return "critical"
    return "warning" if alerts else "ok"


def _row(row: dict[str, Any], now_ms: int) -> str:
    e = html.escape
    body: dict[str, Any] = row["body"]
    alerts: list[Alert] = row["alerts"]
    devices = body.get("devices") or {}
    cells = [
        f'<td class="tid">{e(row["terminal_id"])}</td>',
        f"<td>{e(row['hall_name'])}<br><small>{e(row['township'])}</small></td>",
        '<td class="alerts">'
        + (
            "".join(
                f'<span class="alert {a.severity}" data-code="{a.code}">{e(a.label)}</span>'
                for a in alerts
            )
            or "正常"
        )
        + "</td>",
        f'<td class="seen">{_when(row["received_at_ms"], now_ms)}</td>',
    ]
    for name in DEVICE_ORDER:
        d = devices.get(name)
        if d is None:
            cells.append(f'<td class="dev" data-device="{name}">—</td>')
            continue
        words = e(device_words(d))
        cells.append(
            f'<td class="dev dev-{e(d["state"])}" data-device="{name}"'
            f' title="{e(d.get("detail") or "")}">{words}</td>'
        )
    queue = body.get("queue") or {}
    oldest = queue.get("oldest_pending_age_s")
    backlog = f"{queue.get('pending', 0)} 条 · {_size(int(queue.get('bytes_pending', 0)))}"
    if oldest:
        backlog += f"<br><small>最早 {duration_words(oldest)}前</small>"
    disk = body.get("disk") or {}
    skew = row["clock_skew_ms"]
    cells += [
        f'<td class="backlog">{backlog if queue else "—"}</td>',
        f'<td class="dead">{queue.get("dead_letters", 0)} / {queue.get("conflicts", 0)}</td>',
        f'<td class="sync">{_when(body.get("last_sync_at_ms"), now_ms)}'
        + (f"<br><small>{e(body['last_error'])}</small>" if body.get("last_error") else "")
        + "</td>",
        f'<td class="clock">{"—" if skew is None else f"{skew / 1000:+.0f} 秒"}</td>',
        f'<td class="disk">{_size(int(disk["free_bytes"])) + " 可用" if disk else "—"}</td>',
        f'<td class="version">{e(row["software_version"])}</td>',
        f'<td class="restarts">{_restarts(body.get("restarts"))}</td>',
        f'<td class="command">{_command(row["last_command"])}</td>',
    ]
    others = sorted(set(devices) - set(DEVICE_ORDER))
    if others:
        cells[3] += (
            "<small>"
            + "".join(
                f"<br>{e(DEVICE_LABELS.get(n, n))}：{e(device_words(devices[n]))}" for n in others
            )
            + "</small>"
        )
    return (
        f'<tr id="t-{e(row["terminal_id"])}" class="row {_severity(alerts)}"'
        f' data-township="{e(row["township"])}">' + "".join(cells) + "</tr>"
    )


@router.get("/fleet", include_in_schema=False)
def fleet_page(
    request: Request,
    township: Annotated[str, Query(max_length=40)] = "",
    alerts: Annotated[str, Query(max_length=1)] = "",
) -> Response:
    if not _allowed(request):
        return _login_form("请先登录")
    p = platform(request)
    now = p.now_ms()
    rows = fleet_view(request, township)
    silent = sum(1 for r in rows if any(a.code == "silent" for a in r["alerts"]))
    alerted = sum(1 for r in rows if r["alerts"])
    total = len(rows)
    if alerts == "1":
        rows = [r for r in rows if r["alerts"]]
    rank = {"critical": 0, "warning": 1, "ok": 2}
    rows.sort(key=lambda r: rank[_severity(r["alerts"])])  # stable: hall order within a rank
    e = html.escape
    options = "".join(
        f'<option value="{e(t)}"{" selected" if t == township else ""}>{e(t)}</option>'
        for t in townships(p.storage)
    )
    heads = ["终端", "服务大厅", "告警", "最后上报"]
    heads += [DEVICE_LABELS[n] for n in DEVICE_ORDER]
    heads += ["待上传", "拒收/冲突", "最后同步", "时钟偏差", "磁盘", "版本", "重启次数", "最近指令"]
    updated = datetime.fromtimestamp(now / 1000, UTC).astimezone(CHINA).strftime("%m-%d %H:%M")
    body = (
        "<h1>自助终端运行状况</h1>"
        f'<p class="summary">共 <b id="count-total">{total}</b> 台 · 正常 '
        f'<b id="count-ok">{total - alerted}</b> · 有告警 <b id="count-alert">{alerted}</b>'
        f' · 失联 <b id="count-silent">{silent}</b> · 更新于 {updated}'
        ' · <a href="/fleet/logout">退出</a></p>'
        '<form class="filters" method="get" action="/fleet"><label>乡镇 <select name="township">'
        f'<option value="">全部</option>{options}</select></label> <label><input type="checkbox"'
        f' name="alerts" value="1"{" checked" if alerts == "1" else ""}> 只看有告警的</label> '
        '<button type="submit">筛选</button></form>'
        "<table><thead><tr>"
        + "".join(f"<th>{h}</th>" for h in heads)
        + "</tr></thead><tbody>"
        + "".join(_row(r, now) for r in rows)
        + "</tbody></table>"
    )
    page = _page("自助终端运行状况", body, refresh=True)
    if "gzip" in request.headers.get("accept-encoding", ""):
        # A county's page is ~0.9 MB of HTML and ~10x smaller compressed: it matters on the
        # technician's mobile link. Only this page: the terminal API keeps its own encoding.
        page.body = gzip.compress(page.body, 6)
        page.headers["Content-Encoding"] = "gzip"
        page.headers["Content-Length"] = str(len(page.body))
        page.headers["Vary"] = "Accept-Encoding"
    return page
