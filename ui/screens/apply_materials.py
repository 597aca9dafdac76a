"""Materials, one page at a time: the live camera picture with the page's outline, what to do
said in plain words (from the document pipeline's guidance), 拍照 to take the page, and the
list of materials with how many pages each still needs."""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.domain.catalog import ServiceItem
from kiosk.services.apply import ApplyDraft, needs_photo
from ui.camera_preview import CameraPreview, Outline
from ui.context import UiContext
from ui.i18n import Text
from ui.widgets import BigButton, BodyLabel, TitleLabel, TouchScroll

MATERIALS_MESSAGES = {
    "apply.materials_title": Text("拍照上传材料", "ماتېرىياللارنى رەسىمگە تارتىش"),
    "apply.material_now": Text(
        "现在拍：{name}（第 {page} 页，共 {count} 页）",
        "ھازىر تارتىلىدىغىنى: {name} ({count} بەتنىڭ {page}-بېتى)",
    ),
    "apply.material_place": Text(
        "请把材料平放在拍摄区，看到绿色框后按“拍照”。",
        "ماتېرىيالنى تارتىش رايونىغا تۈز قويۇپ، يېشىل رامكا كۆرۈنگەندە «رەسىمگە تارتىش» نى بېسىڭ.",
    ),
    "apply.material_done": Text("✔ {name}：已拍 {have} 页", "✔ {name}: {have} بەت تارتىلدى"),
    "apply.material_todo": Text(
        "○ {name}：还要拍 {left} 页", "○ {name}: يەنە {left} بەت تارتىش كېرەك"
    ),
    "apply.material_optional": Text(
        "○ {name}：有就拍，没有可以跳过", "○ {name}: بولسا تارتىڭ، بولمىسا ئۆتكۈزۈۋېتىڭ"
    ),
    "apply.material_card": Text(
        "✔ {name}：已经读过证件，不用拍", "✔ {name}: كارتا ئوقۇلدى، تارتىش ھاجەتسىز"
    ),
    "apply.capture": Text("◉ 拍照", "◉ رەسىمگە تارتىش"),
    "apply.capturing": Text(
        "正在处理照片，请不要移动材料……", "رەسىم بىر تەرەپ قىلىنىۋاتىدۇ، مىدىرلاتماڭ……"
    ),
    "apply.captured": Text("✔ 拍好了。", "✔ تارتىلدى."),
    "apply.retake": Text("重拍上一页", "ئالدىنقى بەتنى قايتا تارتىش"),
    "apply.skip": Text("这份先不拍", "بۇنى ھازىرچە تارتمايمەن"),
    "apply.materials_next": Text("下一步：核对信息", "كېيىنكى قەدەم: ئۇچۇرنى تەكشۈرۈش"),
    "apply.no_camera": Text(
        "摄像头暂时不能用。您可以先提交，材料带到窗口交。",
        "كامېرا ھازىرچە ئىشلىمەيدۇ. ئاۋۋال يوللاپ، ماتېرىيالنى كۆزنەككە ئېلىپ بېرىڭ.",
    ),
}


class MaterialsPage(QWidget):
    """The widgets; the apply screen drives them (camera, workers, the draft)."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        box = QVBoxLayout(self)
        self.heading = TitleLabel()
        self.now = BodyLabel(role="field")
        self.place = BodyLabel()
        self.preview = CameraPreview(Outline.PAGE)
        self.guidance = BodyLabel(role="field")
        self.capture_button = BigButton()
        self.retake_button = BigButton(role="secondary")
        self.skip_button = BigButton(role="secondary")
        self.list = BodyLabel()
        self.next_button = BigButton()
        row = QHBoxLayout()
        row.addWidget(self.retake_button, 1)
        row.addWidget(self.skip_button, 1)
        for widget in (self.heading, self.now, self.place):
            box.addWidget(widget)
        # Portrait: the preview above the buttons and the list. Landscape: the preview on the
        # left and the rest beside it, scrolling if the list is long (resizeEvent turns it).
        self.split = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        box.addLayout(self.split, 1)
        self.split.addWidget(self.preview, 1)
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.guidance)
        column.addWidget(self.capture_button)
        column.addLayout(row)
        column.addWidget(self.list)
        column.addStretch(1)
        column.addWidget(self.next_button)
        self.side = TouchScroll(side)
        self.split.addWidget(self.side)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        landscape = self.width() > self.height()
        direction = (
            QBoxLayout.Direction.LeftToRight if landscape else QBoxLayout.Direction.TopToBottom
        )
        if self.split.direction() != direction:
            self.split.setDirection(direction)
            self.split.setStretch(1, 1 if landscape else 0)

    def t(self, key: str, **params: object) -> str:
        return self.ctx.tr.t(key, **params)

    def retranslate(self) -> None:
        self.heading.set_plain(self.t("apply.materials_title"))
        self.place.set_plain(self.t("apply.material_place"))
        self.capture_button.setText(self.t("apply.capture"))
        self.retake_button.setText(self.t("apply.retake"))
        self.skip_button.setText(self.t("apply.skip"))
        self.next_button.setText(self.t("apply.materials_next"))

    def show_state(self, item: ServiceItem, draft: ApplyDraft, current: int | None) -> None:
        lines = []
        for index, material in enumerate(item.materials):
            have = len(draft.pages.get(index, []))
            if not needs_photo(material):
                lines.append(self.t("apply.material_card", name=material.name))
            elif have >= material.count:
                lines.append(self.t("apply.material_done", name=material.name, have=have))
            elif material.required:
                left = material.count - have
                lines.append(self.t("apply.material_todo", name=material.name, left=left))
            else:
                lines.append(self.t("apply.material_optional", name=material.name))
        self.list.set_plain("\n".join(lines))
        on_material = current is not None
        if current is not None:
            material = item.materials[current]
            page = len(draft.pages.get(current, [])) + 1
            self.now.set_plain(
                self.t(
                    "apply.material_now",
                    name=material.name,
                    page=min(page, material.count),
                    count=material.count,
                )
            )
        else:
            self.now.set_plain("")
        for widget in (self.now, self.place, self.preview, self.guidance):
            widget.setVisible(on_material)
        self.capture_button.setVisible(on_material)
        self.skip_button.setVisible(on_material)
        self.retake_button.setVisible(bool(current is not None and draft.pages.get(current)))

    def forget(self) -> None:
        self.preview.clear()
        self.guidance.set_plain("")
        self.list.set_plain("")
        self.now.set_plain("")
