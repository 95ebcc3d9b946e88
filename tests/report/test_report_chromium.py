"""The HTML report in a real browser (headless Chromium, Debian package ``chromium``): it renders,
its script runs under its own CSP, the findings are marked and injected markup stays text."""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

import pytest

CHROMIUM = next((p for p in ("/usr/bin/chromium", shutil.which("chromium") or "") if p and Path(p).is_file()),
                None)

pytestmark = pytest.mark.skipif(CHROMIUM is None,
                                reason="chromium is not installed (Debian: apt-get install chromium)")

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio"]


def _chromium(tmp: Path, name: str, *args: str) -> subprocess.Popen:
    profile = tmp / f"profile-{name}"
    profile.mkdir()
    return subprocess.Popen([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)


def _finish(proc: subprocess.Popen) -> str:
    try:
        out, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        pytest.fail("chromium did not finish in 60 s")
    assert proc.returncode == 0, err.decode(errors="replace")[-2000:]
    return out.decode("utf-8")


def test_report_renders_in_chromium(render, tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    report.write_text(render("html"), encoding="utf-8")
    shot = tmp_path / "shot.png"
    url = report.resolve().as_uri()
    # Screenshot and DOM dump in parallel: two browsers, two profiles.
    screenshot = _chromium(tmp_path, "shot", f"--screenshot={shot}", "--window-size=1280,900", url)
    dump = _chromium(tmp_path, "dom", "--dump-dom", url)
    dom = _finish(dump)
    _finish(screenshot)

    assert shot.is_file()
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (1280, 900)
    assert len(png) > 20_000, "the screenshot is nearly blank"

    assert 'data-js="ready"' in dom  # the inline script ran: the CSP hash matches it
    for code in ("XL101", "XL103", "XL105", "XL106", "XL204", "XL402", "XL403", "XL107"):
        assert f'data-codes="{code}' in dom or f' {code}"' in dom, code
    assert dom.count("<mark ") >= 10
    assert "<img" not in dom  # the injected <img onerror> never became an element
    assert "&lt;img src=x onerror=alert(1)&gt;" in dom
    assert "<script>alert(1)</script>" not in dom
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom
    assert dom.count("<script") == 1
