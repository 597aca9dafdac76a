"""EspeakVoice: spoken prompts with espeak-ng, played through a sound device when there is one.

Mandarin uses the `cmn-latn-pinyin` voice: plain `cmn` reads many characters as English
letters and tone digits (hardware-lab notes). Uyghur uses espeak-ng's own `ug` voice, which
reads Arabic-script Uyghur (formant synthesis; robotic, but in the language). Each prompt is
synthesized to a wav in a private 0700 directory (about 20 ms for a sentence), then played with
`aplay`/`paplay`/`pw-play` or the configured player. Without a sound device the prompt is
synthesized only and the status says `voice.no_audio_output`, so a technician can tell a
silent kiosk from a broken engine.
"""

from __future__ import annotations

import glob
import io
import logging
import os
import shlex
import shutil
import subprocess
import tempfile
import threading
import wave
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from devices.status_broadcast import StatusBroadcast
from kiosk.errors import ConfigError
from kiosk.ports.device import DeviceState, DeviceStatus, StatusListener, Unsubscribe
from kiosk.ports.voice import SpokenPrompt

log = logging.getLogger(__name__)

VOICES: Mapping[str, str] = {"zh_CN": "cmn-latn-pinyin", "ug_CN": "ug", "en_GB": "en-gb"}
PLAYERS: tuple[tuple[str, ...], ...] = (("aplay", "-q"), ("paplay",), ("pw-play",))
SYNTH_TIMEOUT_S = 30.0

READY = DeviceStatus(DeviceState.READY, "voice.ready")
DISABLED = DeviceStatus(DeviceState.READY, "voice.disabled", "switched off")
NO_AUDIO = DeviceStatus(
    DeviceState.DEGRADED, "voice.no_audio_output", "no sound device: prompts are only synthesized"
)
NO_ENGINE = DeviceStatus(DeviceState.OFFLINE, "voice.engine_missing", "espeak-ng not found")


def audio_output_present() -> bool:
    """An ALSA playback device, or a PulseAudio / PipeWire server for this user."""
    if glob.glob("/dev/snd/pcmC*D*p"):
        return True
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime and any(Path(runtime, s).exists() for s in ("pulse/native", "pipewire-0")):
        return True
    return bool(os.environ.get("PULSE_SERVER"))


def find_player(setting: str) -> tuple[str, ...] | None:
    """`auto`: the first player installed, if a sound device exists; `none`: never play;
    anything else is a command line to which the wav's path is appended."""
    if setting == "none":
        return None
    if setting != "auto":
        return tuple(shlex.split(setting))
    if not audio_output_present():
        return None
    return next((p for p in PLAYERS if shutil.which(p[0])), None)


class EspeakVoice:
    """Threads: open() starts the "voice" thread, which synthesizes and plays one prompt at a
    time; speak() and cancel() only hand over and return. close() stops and joins it. Failures
    become status (voice.engine_missing, voice.language_unsupported, voice.error)."""

    def __init__(
        self,
        *,
        exe: str = "espeak-ng",
        voices: Mapping[str, str] = VOICES,
        rate: int = 140,
        player: str = "auto",
    ) -> None:
        self._exe = shutil.which(exe) or ""
        self._voices = dict(voices)
        self._rate = rate
        self._player = find_player(player)
        self._cond = threading.Condition()
        self._pending: tuple[str, str] | None = None
        self._busy = False
        self._generation = 0  # bumped by speak/cancel: a running prompt of an older one stops
        self._proc: subprocess.Popen[bytes] | None = None
        self._enabled = True
        self._last: SpokenPrompt | None = None
        self._status = StatusBroadcast("voice", self._idle_status())
        self._stop = False
        self._thread: threading.Thread | None = None
        self._dir: Path | None = None

    # -- Device --------------------------------------------------------------------------

    def open(self) -> None:
        with self._cond:
            if self._thread is not None:
                return
            self._stop = False
            self._dir = Path(tempfile.mkdtemp(prefix="kiosk-voice-"))  # 0700: prompts stay ours
            self._thread = threading.Thread(target=self._run, name="voice", daemon=True)
            self._thread.start()
        self._status.set(self._idle_status())

    def close(self) -> None:
        with self._cond:
            self._stop = True
            self._generation += 1
            self._kill_current()
            self._cond.notify_all()
            thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout=SYNTH_TIMEOUT_S)
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None

    def status(self) -> DeviceStatus:
        return self._status.get()

    def capabilities(self) -> frozenset[str]:
        languages = {f"speak_{lang}" for lang in self._voices}
        return frozenset(languages | ({"audio_output"} if self._player else set()))

    def reset(self) -> None:
        self.cancel()

    def cancel(self) -> None:
        """Silence the current prompt and drop a pending one. Any thread; returns at once."""
        with self._cond:
            self._pending = None
            self._generation += 1
            self._kill_current()

    def subscribe(self, listener: StatusListener) -> Unsubscribe:
        return self._status.subscribe(listener)

    # -- VoicePrompter ---------------------------------------------------------------------

    def speak(self, text: str, language: str = "zh_CN") -> None:
        with self._cond:
            if not self._enabled or self._thread is None or not text.strip():
                return
            self._pending = (text, language)
            self._generation += 1
            self._kill_current()
            self._cond.notify_all()

    @property
    def enabled(self) -> bool:
        return self._enabled

    def set_enabled(self, enabled: bool) -> None:
        with self._cond:
            self._enabled = enabled
        if not enabled:
            self.cancel()
        self._status.set(self._idle_status())

    def last_prompt(self) -> SpokenPrompt | None:
        with self._cond:
            return self._last

    def wait_idle(self, timeout_s: float) -> bool:
        with self._cond:
            return self._cond.wait_for(lambda: not self._busy and self._pending is None, timeout_s)

    # -- the voice thread ------------------------------------------------------------------

    def _idle_status(self) -> DeviceStatus:
        if not self._exe:
            return NO_ENGINE
        if not self._enabled:
            return DISABLED
        return READY if self._player else NO_AUDIO

    def _kill_current(self) -> None:
        """Caller holds the lock."""
        if self._proc is not None and self._proc.poll() is None:
            self._proc.kill()

    def _run(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._stop or self._pending is not None)
                if self._stop:
                    return
                if self._pending is None:  # cancelled while we woke up
                    continue
                text, language = self._pending
                self._pending = None
                self._busy = True
                generation = self._generation
            try:
                self._status.set(self._say(text, language, generation))
            except Exception:  # the thread must survive anything to report it
                log.exception("voice prompt failed")
                self._status.set(DeviceStatus(DeviceState.ERROR, "voice.error", "internal"))
            finally:
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()

    def _say(self, text: str, language: str, generation: int) -> DeviceStatus:
        """Synthesize, then play; returns the status this prompt leaves behind."""
        voice = self._voices.get(language)
        if not self._exe:
            return NO_ENGINE
        if voice is None or self._dir is None:
            return DeviceStatus(DeviceState.DEGRADED, "voice.language_unsupported", language)
        wav_path = self._dir / "prompt.wav"
        synth = [self._exe, "-v", voice, "-s", str(self._rate), "-b", "1", "-w", str(wav_path)]
        code = self._run_child([*synth, "--stdin"], generation, text.encode("utf-8"))
        if code is None:
            return self._idle_status()  # cancelled or replaced
        if code != 0 or not wav_path.exists():
            return DeviceStatus(DeviceState.ERROR, "voice.error", f"espeak-ng exit {code}")
        wav = wav_path.read_bytes()
        played = False
        if self._player is not None:
            code = self._run_child([*self._player, str(wav_path)], generation)
            if code is None:
                return self._idle_status()
            if code != 0:
                return DeviceStatus(DeviceState.DEGRADED, "voice.no_audio_output", f"exit {code}")
            played = True
        wav_path.unlink(missing_ok=True)  # a prompt is not kept on disk once done
        with self._cond:
            self._last = SpokenPrompt(language, voice, wav_duration_s(wav), played, wav)
        return self._idle_status()

    def _run_child(self, argv: Sequence[str], generation: int, stdin: bytes = b"") -> int | None:
        """Exit code, or None when a newer speak/cancel killed it (or it ran too long)."""
        with self._cond:
            if generation != self._generation:
                return None
            try:
                proc = subprocess.Popen(
                    argv, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
                )
            except OSError as exc:
                log.warning("voice: cannot run %s: %s", argv[0], exc.strerror)
                return 127
            self._proc = proc
        try:
            _, err = proc.communicate(stdin, timeout=SYNTH_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            return None
        finally:
            with self._cond:
                self._proc = None
        if generation != self._generation:
            return None
        if proc.returncode != 0:
            log.warning("voice: %s exit %s: %s", argv[0], proc.returncode, err[-200:])
        return proc.returncode


def wav_duration_s(wav: bytes) -> float:
    with wave.open(io.BytesIO(wav)) as reader:
        return float(reader.getnframes()) / float(reader.getframerate())


def espeak_voice_from_config(options: Mapping[str, Any]) -> EspeakVoice:
    """`[devices.voice] driver = "espeak"`: rate, player, voice_zh_cn, voice_ug_cn, voice_en_gb."""
    rate = int(options.get("rate", 140))
    if not 80 <= rate <= 450:
        raise ConfigError("devices.voice.rate: espeak-ng speaks 80 to 450 words per minute")
    voices = {
        "zh_CN": str(options.get("voice_zh_cn", VOICES["zh_CN"])),
        "ug_CN": str(options.get("voice_ug_cn", VOICES["ug_CN"])),
        "en_GB": str(options.get("voice_en_gb", VOICES["en_GB"])),
    }
    return EspeakVoice(
        voices=voices,
        rate=rate,
        player=str(options.get("player", "auto")),
    )
