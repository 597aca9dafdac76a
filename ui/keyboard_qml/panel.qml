// The on-screen keyboard, embedded at the bottom of the kiosk's one window (ui/keyboard.py
// says why it is embedded and not a window of its own). Layouts are the kiosk's own, from
// layouts/: Chinese pinyin, Uyghur and a digit pad; `dock` is the Python side.
import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings

Item {
    id: root
    property bool bigKeys: false
    property string locale: "zh_CN"
    readonly property real panelHeight: panel.height
    readonly property bool active: panel.active

    InputPanel {
        id: panel
        width: root.width
        anchors.bottom: root.bottom
    }

    // The style's fonts and key heights scale with width / keyboardDesignWidth: a narrower
    // design width makes every key and letter bigger (elderly mode).
    Binding {
        target: panel.keyboard.style
        property: "keyboardDesignWidth"
        value: root.bigKeys ? 1750 : 2560
        when: panel.keyboard.style !== null
    }

    onLocaleChanged: VirtualKeyboardSettings.locale = root.locale
    onPanelHeightChanged: dock.panelHeightChanged(root.panelHeight)
    onActiveChanged: dock.activeChanged(root.active)
    Component.onCompleted: {
        VirtualKeyboardSettings.activeLocales = ["zh_CN", "ug_CN"]
        VirtualKeyboardSettings.locale = root.locale
        dock.panelHeightChanged(root.panelHeight)
    }
}
