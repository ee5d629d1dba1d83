"""`briefdoc preview` in a real browser: Debian's headless Chromium (installed by the
Makefile's test setup) loads the page, and after an edit to the seed (then to its
content catalog, then to the layout) the new text appears without anyone reloading
it. Chromium is driven over the DevTools protocol, with a small websocket client of
the standard library's parts; nothing is fetched from the network."""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).with_name("briefdoc")
SEED = ROOT / "seeds" / "000_3362ed2f4686983c.md"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"),
    reason="Debian's chromium is not installed ('make test' installs it)",
)


class DevTools:
    """A DevTools protocol client: one websocket to one page target."""

    def __init__(self, ws_url: str, timeout: float = 30):
        m = re.match(r"ws://([^/:]+):(\d+)(/.*)", ws_url)
        self.sock = socket.create_connection((m.group(1), int(m.group(2))), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET {m.group(3)} HTTP/1.1\r\nHost: {m.group(1)}:{m.group(2)}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            head += self.sock.recv(1)
        assert b" 101 " in head.split(b"\r\n")[0], head
        self.next_id = 0

    def _send(self, text: str) -> None:
        data = text.encode()
        mask = os.urandom(4)
        n = len(data)
        header = bytes([0x81]) + (bytes([0x80 | n]) if n < 126 else
                                  bytes([0x80 | 126]) + struct.pack(">H", n) if n < 65536 else
                                  bytes([0x80 | 127]) + struct.pack(">Q", n))
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def _exactly(self, n: int) -> bytes:
        out = b""
        while len(out) < n:
            chunk = self.sock.recv(n - len(out))
            if not chunk:
                raise ConnectionError("DevTools closed the connection")
            out += chunk
        return out

    def _receive(self) -> str:
        message = b""
        while True:
            b0, b1 = self._exactly(2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._exactly(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._exactly(8))[0]
            payload = self._exactly(n)
            if b0 & 0x0F in (0x1, 0x0):
                message += payload
                if b0 & 0x80:
                    return message.decode()

    def call(self, method: str, **params):
        self.next_id += 1
        self._send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            reply = json.loads(self._receive())
            if reply.get("id") == self.next_id:
                assert "error" not in reply, reply
                return reply["result"]

    def evaluate(self, expression: str):
        return self.call("Runtime.evaluate", expression=expression, returnByValue=True)["result"].get("value")

    def close(self) -> None:
        self.sock.close()


def _start_preview(tmp_path: Path, *args) -> tuple[subprocess.Popen, str]:
    log = open(tmp_path / "preview.err", "w")
    proc = subprocess.Popen([str(BIN), "preview", *map(str, args), "--port", "0"], cwd=tmp_path,
                            stdout=subprocess.DEVNULL, stderr=log, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        m = re.search(r"at (http://127\.0\.0\.1:\d+/)", (tmp_path / "preview.err").read_text())
        if m:
            return proc, m.group(1)
        assert proc.poll() is None, (tmp_path / "preview.err").read_text()
        time.sleep(0.2)
    raise AssertionError("the preview did not start: " + (tmp_path / "preview.err").read_text())


def _start_chromium(tmp_path: Path, url: str) -> tuple[subprocess.Popen, DevTools]:
    profile = tmp_path / "chromium-profile"
    proc = subprocess.Popen(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--remote-debugging-port=0", url],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    port_file = profile / "DevToolsActivePort"
    deadline = time.monotonic() + 60
    while not (port_file.is_file() and port_file.read_text().strip()):
        assert time.monotonic() < deadline and proc.poll() is None, "chromium did not start"
        time.sleep(0.1)
    port = port_file.read_text().split()[0]
    while True:
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10))
        pages = [t for t in targets if t.get("type") == "page" and t.get("url", "").startswith(url)]
        if pages:
            return proc, DevTools(pages[0]["webSocketDebuggerUrl"])
        assert time.monotonic() < deadline, targets
        time.sleep(0.2)


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def _text_appears(page: DevTools, needle: str, timeout: float = 90) -> str:
    deadline = time.monotonic() + timeout
    text = ""
    while time.monotonic() < deadline:
        text = page.evaluate("document.body ? document.body.innerText : ''") or ""
        if needle in text:
            return text
        time.sleep(0.3)
    raise AssertionError(f"{needle!r} never appeared; the page says: {text[:400]!r}")


def test_preview_reloads_in_chromium_after_edits(tmp_path):
    if CHROMIUM is None:
        pytest.fail("Debian's chromium is not installed: 'make test' installs it (TEST_APT_PACKAGES)")
    seed = tmp_path / "story.md"
    seed.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    layouts = tmp_path / "layouts"
    shutil.copytree(ROOT / "layouts" / "memo", layouts / "mymemo")
    toml = layouts / "mymemo" / "layout.toml"
    toml.write_text(toml.read_text().replace('name = "memo"', 'name = "mymemo"'))
    preview, url = _start_preview(tmp_path, seed.name, "--layout", "mymemo", "--locale", "en", "--layouts-dir", layouts)
    chromium = None
    try:
        assert url.startswith("http://127.0.0.1:")
        chromium, page = _start_chromium(tmp_path, url)
        _text_appears(page, "Lavrov: no checkpoints on the Lachin Corridor")
        page.evaluate("window.__beforeTheEdit = true")  # gone once the page has reloaded

        # the seed: a new headline, shown after the page reloaded itself
        seed.write_text(seed.read_text(encoding="utf-8").replace(
            'title: "Lavrov: no checkpoints on the Lachin Corridor"', 'title: "Lavrov rules out checkpoints in Lachin"'),
            encoding="utf-8")
        _text_appears(page, "Lavrov rules out checkpoints in Lachin")
        assert page.evaluate("window.__beforeTheEdit === undefined")  # the page reloaded itself (no one asked it to)

        # the layout: a line of the template, no seed change (no extraction again)
        template = layouts / "mymemo" / "template.html.j2"
        text = template.read_text(encoding="utf-8")
        assert "{% block body %}" in text
        template.write_text(text.replace("{% block body %}", "{% block body %}<p>Layout draft seven</p>", 1), encoding="utf-8")
        _text_appears(page, "Layout draft seven")

        # a broken template shows its error as the page, and the fix brings the brief back
        template.write_text(text.replace("{% block body %}", "{% block body %}{{ nope(", 1), encoding="utf-8")
        _text_appears(page, "could not be rebuilt")
        template.write_text(text, encoding="utf-8")
        _text_appears(page, "Lavrov rules out checkpoints in Lachin")
        page.close()
    finally:
        if chromium is not None:
            _stop(chromium)
        _stop(preview)
    assert preview.returncode == 0, (tmp_path / "preview.err").read_text()
    log = (tmp_path / "preview.err").read_text()
    assert "Traceback" not in log, log


def test_preview_serves_on_loopback_only_and_answers_its_own_host(tmp_path):
    seed = tmp_path / "story.md"
    seed.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    preview, url = _start_preview(tmp_path, seed.name, "--layout", "memo")
    try:
        port = int(url.rsplit(":", 1)[1].strip("/"))
        import psutil

        listening = {c.laddr.ip for c in psutil.net_connections(kind="inet")
                     if c.status == psutil.CONN_LISTEN and c.laddr.port == port}
        assert listening == {"127.0.0.1"}, listening
        with urllib.request.urlopen(url, timeout=30) as r:
            body = r.read().decode()
        assert "Lachin" in body and "/__briefdoc__/wait" in body
        # another Host (a DNS name pointed at 127.0.0.1 by a web page) is not answered
        req = urllib.request.Request(url, headers={"Host": f"attacker.example:{port}"})
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(req, timeout=10)
        assert err.value.code == 421
    finally:
        _stop(preview)


def test_preview_of_a_missing_seed_or_unknown_layout_is_one_line(tmp_path):
    for args, needle in ((["missing.md"], "missing.md"), ([str(SEED), "--layout", "nope"], "nope")):
        proc = subprocess.run([str(BIN), "preview", *args, "--port", "0"], cwd=tmp_path, capture_output=True,
                              text=True, timeout=60)
        assert proc.returncode == 2, proc.stderr
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("briefdoc: error:") and needle in lines[0], proc.stderr
