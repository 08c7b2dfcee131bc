#!/usr/bin/env python3
"""The search page in headless Chromium, driven over the DevTools protocol.

Indexes sample/, starts `kamerzoek serve` on a free loopback port, then: runs a
query from ?q= on load, types a query and presses Enter, moves through the hits
with the arrow keys, follows a link to a document view, and saves screenshots
of a wide and a narrow viewport. Python standard library only.
"""
import argparse
import base64
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--remote-debugging-port=0", "--remote-allow-origins=*",
]


class WebSocket:
    """Just enough of RFC 6455 for the DevTools protocol: text frames, client side."""

    def __init__(self, url):
        host_port, path = url[len("ws://"):].split("/", 1)
        host, port = host_port.split(":")
        self.sock = socket.create_connection((host, int(port)), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET /{path} HTTP/1.1\r\nHost: {host_port}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                           "Sec-WebSocket-Version: 13\r\n\r\n").encode())
        response = b""
        while b"\r\n\r\n" not in response:
            response += self.sock.recv(1)
        if b" 101 " not in response.split(b"\r\n")[0]:
            raise RuntimeError(f"websocket handshake failed: {response!r}")

    def _read(self, n):
        data = b""
        while len(data) < n:
            chunk = self.sock.recv(n - len(data))
            if not chunk:
                raise RuntimeError("websocket closed")
            data += chunk
        return data

    def send(self, text):
        payload = text.encode()
        header = bytes([0x81])
        if len(payload) < 126:
            header += bytes([0x80 | len(payload)])
        elif len(payload) < 65536:
            header += bytes([0x80 | 126]) + struct.pack(">H", len(payload))
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", len(payload))
        mask = os.urandom(4)
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    def receive(self):
        message = b""
        while True:
            first, second = self._read(2)
            length = second & 0x7F
            if length == 126:
                length = struct.unpack(">H", self._read(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self._read(8))[0]
            payload = self._read(length)
            if first & 0x0F in (0x9, 0xA):  # ping/pong: nothing to do for a test
                continue
            message += payload
            if first & 0x80:
                return message.decode()


class DevTools:
    def __init__(self, ws_url):
        self.ws = WebSocket(ws_url)
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.receive())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def eval(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True,
                           awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression, what, timeout=15):
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                if self.eval(expression):
                    return
            except RuntimeError:
                pass  # the page is between documents
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}: {expression}")

    def key(self, key, code, key_code, text=None):
        down = {"type": "keyDown", "key": key, "code": code, "windowsVirtualKeyCode": key_code}
        if text:
            down["text"] = text
        self.call("Input.dispatchKeyEvent", **down)
        self.call("Input.dispatchKeyEvent", type="keyUp", key=key, code=code,
                  windowsVirtualKeyCode=key_code)

    def viewport(self, width, height, mobile):
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height,
                  deviceScaleFactor=1, mobile=mobile)

    def screenshot(self, path):
        data = self.call("Page.captureScreenshot", format="png")["data"]
        with open(path, "wb") as out:
            out.write(base64.b64decode(data))
        print(f"screenshot: {path}")


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def start_service(cli, sample, workdir):
    index = os.path.join(workdir, "index")
    subprocess.run([cli, "index", "--db", index, sample], check=True, stdout=subprocess.DEVNULL)
    service = subprocess.Popen([cli, "serve", "--db", index, "--listen", "127.0.0.1:0", "-q"],
                               stderr=subprocess.PIPE, text=True)
    line = service.stderr.readline()  # "kamerzoek serve: http://127.0.0.1:PORT/ (index ...)"
    check("http://" in line, f"serve did not start: {line!r}")
    return service, line.split("http://", 1)[1].split("/", 1)[0]


def start_chromium(chromium, workdir):
    profile = os.path.join(workdir, "profile")
    browser = subprocess.Popen([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "about:blank"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port_file = os.path.join(profile, "DevToolsActivePort")
    deadline = time.time() + 30
    while not (os.path.exists(port_file) and open(port_file).read().count("\n") >= 1):
        check(time.time() < deadline and browser.poll() is None, f"{chromium} did not start")
        time.sleep(0.1)
    port = open(port_file).read().split("\n")[0]
    targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
    page = next(t for t in targets if t["type"] == "page")
    return browser, DevTools(page["webSocketDebuggerUrl"])


def hits_and_marks(page):
    return page.eval("[document.querySelectorAll('.hit').length,"
                     " document.querySelectorAll('.hit mark').length]")


def run(page, base, artifacts):
    page.call("Page.enable")
    page.viewport(1280, 900, False)

    # A query in the URL runs on load.
    page.call("Page.navigate", url=f"{base}/?q=ransomware")
    page.wait_for("document.querySelectorAll('.hit').length > 0", "hits from ?q=")
    hits, marks = hits_and_marks(page)
    check(hits >= 2 and marks >= 1, f"expected highlighted hits, got {hits} hits, {marks} marks")
    check(page.eval("document.getElementById('q').value") == "ransomware", "query box not filled")

    # A typed query: focus is in the box on load, Enter searches.
    page.call("Page.navigate", url=f"{base}/")
    page.wait_for("document.readyState === 'complete' && document.activeElement.id === 'q'",
                  "focus in the query box")
    page.call("Input.insertText", text="cyber diplomacy")
    page.key("Enter", "Enter", 13, "\r")
    page.wait_for("location.search.includes('q=cyber') && document.querySelectorAll('.hit').length > 0",
                  "hits for the typed query")
    titles = page.eval("[...document.querySelectorAll('.hit h2')].map(h => h.textContent)")
    print(f"typed query: {len(titles)} hits, first: {titles[0]!r}")
    official = page.eval("[...document.querySelectorAll('a.ref-url')].map(a => a.href)")
    check(all(url.startswith("https://") for url in official), f"official links: {official}")

    # Arrow keys move from the box into the results.
    page.key("ArrowDown", "ArrowDown", 40)
    check(page.eval("document.activeElement.classList.contains('hit')"), "ArrowDown did not reach a hit")
    page.screenshot(os.path.join(artifacts, "search-page-wide.png"))

    page.viewport(390, 844, True)
    page.wait_for("document.documentElement.scrollWidth <= window.innerWidth + 1",
                  "no horizontal scrolling on a narrow screen", timeout=5)
    page.screenshot(os.path.join(artifacts, "search-page.png"))

    # Follow a link to the document view (a reference in the index, else the hit's title).
    link = page.eval("(document.querySelector('a.ref-doc') || document.querySelector('.hit h2 a'))"
                     ".getAttribute('href')")
    check(link.startswith("/?doc="), f"unexpected document link {link!r}")
    page.eval("(document.querySelector('a.ref-doc') || document.querySelector('.hit h2 a')).click()")
    page.wait_for(f"location.search === {json.dumps(link[1:])} && "
                  "document.getElementById('status').textContent.startsWith('Document')",
                  "the document view")
    status = page.eval("document.getElementById('status').textContent")
    print(f"followed {link}: {status!r}")
    page.screenshot(os.path.join(artifacts, "document-view.png"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", required=True)
    parser.add_argument("--sample", required=True)
    parser.add_argument("--chromium", default="chromium")
    parser.add_argument("--artifacts", required=True)
    args = parser.parse_args()
    chromium = shutil.which(args.chromium)
    check(chromium, f"{args.chromium} not found: install it (scripts/install-deps.sh)")
    os.makedirs(args.artifacts, exist_ok=True)
    workdir = tempfile.mkdtemp(prefix="kamerzoek-browser-")
    service = browser = None
    try:
        service, address = start_service(args.cli, args.sample, workdir)
        browser, page = start_chromium(chromium, workdir)
        run(page, f"http://{address}", args.artifacts)
    finally:
        for process in (browser, service):
            if process:
                process.terminate()
                process.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)
    print("browser test passed")


if __name__ == "__main__":
    try:
        main()
    except AssertionError as failure:
        print(f"FAILED: {failure}", file=sys.stderr)
        sys.exit(1)
