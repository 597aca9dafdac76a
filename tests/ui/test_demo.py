"""`make demo` on a reduced set, so it cannot rot: one pass (Chinese, elderly, portrait), the
home screen and the apply journey through to the printed receipt, in the test's own folder."""

from __future__ import annotations

from PIL import Image

from scripts import demo


def test_the_demo_walks_a_journey_and_writes_its_screens_receipt_and_index(qapp, tmp_path, capsys):
    out = tmp_path / "demo"
    code = demo.main(
        ["--passes", "zh-elderly-portrait", "--journeys", "home,apply", "--out", str(out)]
    )
    printed = capsys.readouterr().out
    assert code == 0, printed
    shots = sorted((out / "screens" / "zh-elderly-portrait").glob("*.png"))
    names = [p.stem.split("-", 1)[1] for p in shots]
    assert names[0] == "home" and "apply-form" in names and "apply-materials-1" in names
    assert names[-1] == "apply-receipt" and not any("FAILED" in n for n in names)
    assert all(Image.open(p).size == demo.PORTRAIT for p in shots)
    [receipt] = sorted((out / "receipts").glob("job-*.png"))  # the receipt, as printed
    assert Image.open(receipt).width == 576  # 80 mm paper
    index = (out / "index.html").read_text(encoding="utf-8")
    assert all(p.relative_to(out).as_posix() in index for p in [*shots, receipt])
    assert f"demo: {len(shots)} screenshots (1 passes), 1 receipts and slips" in printed
    assert "took" in printed
