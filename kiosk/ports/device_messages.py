"""Every message key a device can emit, with what it means and how to fix it, in plain Chinese.

The UI must translate each key in DEVICE_MESSAGE_KEYS for villagers (its own words, both
languages); the technician texts here are what `python -m devices diagnose` and the technician
screen show. tests/devices/test_device_health.py checks that the list is complete: every key
the device code can emit is here, and every key here is emitted somewhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple


class TechnicianText(NamedTuple):
    problem: str  # what the key means, in plain Chinese
    fix: str  # what to do about it; "" when there is nothing to do


_T = TechnicianText
DEVICE_MESSAGES: Mapping[str, TechnicianText] = {
    # every device
    "device.disabled": _T("此设备未启用（driver = none）", ""),
    "device.starting": _T("设备正在启动", ""),
    "device.config_invalid": _T(
        "设备配置有误", "按括号里的提示改正配置文件中 [devices.*] 的这一项，然后重启终端"
    ),
    "device.failed": _T("设备驱动启动失败", "重启终端；仍不行请把日志发给运维人员"),
    # card readers (PC/SC and the resident ID card reader)
    "reader.ready": _T("读卡器正常", ""),
    "reader.busy": _T("读卡器正在读卡", ""),
    "reader.missing": _T(
        "找不到读卡器",
        "检查读卡器的 USB 线是否插紧，换一个 USB 口试试；核对配置中的读卡器名称或串口号",
    ),
    "reader.no_service": _T(
        "智能卡服务 pcscd 没有运行", "执行 systemctl restart pcscd，或重启终端"
    ),
    "reader.not_responding": _T(
        "串口上的设备不应答身份证读卡器的指令",
        "核对串口号（如 /dev/ttyUSB0）和波特率（一般为 115200），确认接的是身份证读卡器",
    ),
    "reader.sam_failed": _T(
        "身份证读卡器的安全模块（SAM）故障",
        "给读卡器断电再通电；仍不行请联系读卡器厂家维修或重新授权安全模块",
    ),
    "reader.error": _T("读卡器出错", "拔下读卡器再插上；仍不行请把日志发给运维人员"),
    "card.unreadable": _T("卡片读不出来", "把卡放平放正再试；仍读不出，卡片可能已损坏"),
    "card.unknown_type": _T("不认识这种卡", "请放居民身份证或社会保障卡，不要放银行卡、公交卡"),
    "card.removed_during_read": _T("读卡时卡被拿开了", "把卡放好，听到读完的提示再拿开"),
    "card.needs_psam": _T(
        "社保卡的个人信息要有 PSAM 卡才能读",
        "向人社部门申领 PSAM 卡，插入读卡器的 PSAM 卡座；没有 PSAM 时只能读到卡的有效期",
    ),
    "card.expired": _T("证件已过有效期", "请用有效证件办理，或到窗口办理"),
    "card.photo_unavailable": _T("卡内照片读不出来", "不影响办理；人脸比对时请改用窗口核验"),
    "card.photo_unavailable_no_decoder": _T(
        "没有安装身份证照片解码库，读不出卡内照片",
        "安装读卡器厂家提供的照片解码库，并把路径填入 [devices.id_reader] photo_decoder",
    ),
    # receipt printer
    "printer.ready": _T("打印机正常", ""),
    "printer.paper_near_end": _T("打印纸快用完了", "尽快换上新纸卷"),
    "printer.out_of_paper": _T("打印机没纸了", "打开打印机盖，换上新纸卷，纸头拉出一点再合上盖"),
    "printer.offline": _T("打印机脱机（可能盖子没关或出错）", "合好打印机盖；关掉电源再打开"),
    "printer.silent": _T(
        "打印机不回答状态查询", "检查打印机电源和网线；核对配置中的地址和端口（一般为 9100）"
    ),
    "printer.not_found": _T(
        "找不到打印机", "检查打印机电源和网线或 USB 线；核对配置中的地址、端口或设备号"
    ),
    "printer.not_escpos": _T(
        "这个地址上的设备不是小票打印机（回答的不是 ESC/POS 状态）",
        "核对配置中的打印机地址和端口；在打印机上打印自检页查看它的 IP 地址",
    ),
    "printer.error": _T("打印机出错", "关掉打印机电源再打开；仍不行请联系运维人员"),
    # camera
    "camera.ready": _T("摄像头正常", ""),
    "camera.missing": _T("找不到摄像头", "检查摄像头的 USB 线；核对配置中的 source（一般为 0）"),
    "camera.no_frame": _T("摄像头没有画面", "拔下摄像头再插上；仍不行请更换摄像头"),
    "camera.stream_ended": _T("视频源已播放完", "把配置中的 loop 设为 true，或改用真实摄像头"),
    "camera.black_frame": _T("摄像头画面全黑", "检查镜头是否被遮住、镜头盖是否取下"),
    "camera.error": _T("摄像头出错", "拔下摄像头再插上；仍不行请联系运维人员"),
    # document guidance (spoken to the villager while a page is photographed)
    "document.ok": _T("材料拍得清楚", ""),
    "document.not_found": _T("画面里没找到材料", "把材料平放在拍摄区内"),
    "document.too_dark": _T("太暗了", "打开拍摄区的灯，或把终端移到亮处"),
    "document.move_closer": _T("材料离得太远", "把材料放近一些"),
    "document.cut_off": _T("材料边缘出了画面", "把整张材料放进画面"),
    "document.blurry": _T("画面模糊", "把材料放稳；擦一擦镜头"),
    "document.glare": _T("材料上有反光", "调整灯光角度，或把材料稍微倾斜"),
    # faces
    "face.ready": _T("人脸比对引擎已就绪", ""),
    "face.ok": _T("人脸位置合适", ""),
    "face.none": _T("没有看到人脸", "请正对摄像头"),
    "face.several": _T("画面里不止一个人", "请只留一个人在摄像头前"),
    "face.off_centre": _T("人脸不在画面中间", "请站到屏幕正前方"),
    "face.too_small": _T("离摄像头太远", "请走近一些"),
    "face.too_dark": _T("脸部太暗", "打开灯，或换个朝向"),
    "face.not_found": _T("照片或画面里找不到一张清楚的脸", "请正对摄像头，摘下帽子和口罩"),
    "face.error": _T("人脸比对出错", "改用窗口人工核验；把日志发给运维人员"),
    # voice prompts
    "voice.ready": _T("语音提示正常", ""),
    "voice.disabled": _T("语音提示已关闭", ""),
    "voice.no_audio_output": _T(
        "没有可用的声音输出，语音提示听不到",
        "检查音箱电源和音频线；在 [devices.voice] 中设置 player（如 aplay -D plughw:1,0）",
    ),
    "voice.language_unsupported": _T(
        "这种语言没有语音", "只用文字提示；如需语音，请安装对应的 espeak-ng 语音"
    ),
    "voice.engine_missing": _T("没有安装语音合成程序 espeak-ng", "执行 apt-get install espeak-ng"),
    "voice.error": _T("语音合成出错", "重启终端；仍不行请把日志发给运维人员"),
}
DEVICE_MESSAGE_KEYS: tuple[str, ...] = tuple(DEVICE_MESSAGES)


def technician_text(message_key: str) -> TechnicianText:
    """The plain-Chinese meaning and fix of a key; an unknown key is named, not hidden."""
    return DEVICE_MESSAGES.get(message_key, TechnicianText(f"未知状态 {message_key}", ""))
