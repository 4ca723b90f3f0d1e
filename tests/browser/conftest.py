"""Fixtures for the browser tests: the real Multinicho server, the SMTP server its mail goes
to, and headless Chromium.

The server is the debug build at .build/debug/multinicho (override with MULTINICHO_BIN),
run from the repository root (it resolves Public/ and Resources/Views/ from its cwd) on a
free loopback port with a throwaway SQLite database and DATA_DIR. Its mail goes over real
SMTP (STARTTLS, as in production, on a certificate made for the run) to
tests/support/smtp_sink.py, which writes each message as N.json for the tests to read.
"""
from __future__ import annotations

import json
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import pytest

# Never let Selenium Manager go online (CI has no network beyond the package registries).
os.environ.setdefault("SE_OFFLINE", "true")
os.environ.setdefault("SE_AVOID_STATS", "true")

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parents[2]
SERVER_BIN = Path(os.environ.get("MULTINICHO_BIN", REPO_ROOT / ".build" / "debug" / "multinicho"))
CHROMIUM = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")
SCREENSHOTS = REPO_ROOT / "docs" / "screenshots"
SMTP_SINK = REPO_ROOT / "tests" / "support" / "smtp_sink.py"
SMTP_USER, SMTP_PASSWORD = "mailer", "sink-secret"
STARTUP_TIMEOUT = 60.0
LOG_TAIL_LINES = 80
# The drivers a test may hold; a failed test reports what each of them showed.
DRIVER_FIXTURES = ("driver", "second_driver")

# Set by the server fixture; read by pytest_terminal_summary to show the log when tests fail.
_server_log: Path | None = None


@dataclass
class Server:
    base_url: str
    data_dir: Path
    log_path: Path
    # The server's environment, for running other `multinicho` commands against its database.
    env: dict[str, str]

    def url(self, path: str) -> str:
        return self.base_url + path

    def command(self, *args: str) -> str:
        """Runs `multinicho ARGS` on the server's database and returns its output."""
        done = subprocess.run([str(SERVER_BIN), *args], cwd=REPO_ROOT, env=self.env, stdin=subprocess.DEVNULL,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, f"`multinicho {' '.join(args)}` failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
        return done.stdout

    def log_tail(self, lines: int = LOG_TAIL_LINES) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "(no server log)"
        return "\n".join(text.splitlines()[-lines:])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _server_env(data_dir: Path, port: int, mail: "MailSink") -> dict[str, str]:
    env = dict(os.environ)
    for key in ("DATABASE_URL", "SECRET_KEY", "TRUST_PROXY", "HOST", "PORT", "BASE_URL", "DATA_DIR", "APP_ENV",
                "SMTP_URL", "SMTP_CA_FILE", "MAIL_FROM", "MAIL_DIR"):
        env.pop(key, None)
    env.update(
        DATA_DIR=str(data_dir),
        DATABASE_URL=f"sqlite:///{data_dir}/db.sqlite",
        APP_ENV="development",
        BCRYPT_COST="4",
        HOST="127.0.0.1",
        PORT=str(port),
        BASE_URL=f"http://127.0.0.1:{port}",
        SMTP_URL=f"smtp://{SMTP_USER}:{SMTP_PASSWORD}@127.0.0.1:{mail.port}",
        SMTP_CA_FILE=str(mail.certificate),
    )
    return env


@dataclass
class MailSink:
    """What tests/support/smtp_sink.py received: one dict per message (its N.json)."""
    directory: Path
    certificate: Path
    port: int

    def messages(self) -> list[dict[str, Any]]:
        # N.json is written last and atomically: a listed file is a complete message.
        files = sorted(self.directory.glob("*.json"), key=lambda f: int(f.stem))
        return [json.loads(f.read_text(encoding="utf-8")) for f in files]

    def wait_for(self, match: Callable[[dict[str, Any]], bool], what: str, timeout: float = 30) -> dict[str, Any]:
        """The first message that `match`es, polling while the server's jobs send it."""
        deadline = time.monotonic() + timeout
        while True:
            found = [m for m in self.messages() if match(m)]
            if found:
                return found[0]
            if time.monotonic() > deadline:
                seen = [(m.get("to"), m.get("subject")) for m in self.messages()]
                raise AssertionError(f"no mail {what} within {timeout:.0f} s; received: {seen}")
            time.sleep(0.3)


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as resp:
            return resp.status == 200
    except (urllib.error.URLError, OSError):
        return False


def _self_signed_certificate(directory: Path) -> tuple[Path, Path]:
    certificate, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(certificate)],
                   check=True, capture_output=True, timeout=60)
    return certificate, key


def _read_ready_line(proc: subprocess.Popen, timeout: float) -> str:
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    return proc.stdout.readline().decode(errors="replace").strip() if ready else ""


@pytest.fixture(scope="session")
def mail(tmp_path_factory: pytest.TempPathFactory):
    """The SMTP sink, with STARTTLS and AUTH required, as a real relay would (the server
    refuses SMTP without TLS, so the sink offers it on a certificate the server is told to trust)."""
    base = tmp_path_factory.mktemp("smtp-sink")
    certificate, key = _self_signed_certificate(base)
    directory = base / "mail"
    log = open(base / "sink.log", "wb")
    # stdin is a pipe: the sink stops when it closes, so a killed pytest leaves nothing behind.
    proc = subprocess.Popen(
        [sys.executable, str(SMTP_SINK), "--dir", str(directory), "--starttls", str(certificate), str(key),
         "--auth", f"{SMTP_USER}:{SMTP_PASSWORD}"],
        cwd=REPO_ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log)
    try:
        line = _read_ready_line(proc, STARTUP_TIMEOUT)
        if not line.startswith("READY "):
            pytest.fail(f"the SMTP sink did not start (said {line!r}):\n{(base / 'sink.log').read_text(errors='replace')}",
                        pytrace=False)
        yield MailSink(directory=directory, certificate=certificate, port=int(line.split()[1]))
    finally:
        proc.stdin.close()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory, mail: MailSink):
    global _server_log
    if not SERVER_BIN.exists():
        pytest.fail(f"server binary {SERVER_BIN} not found: run `swift build` first", pytrace=False)

    data_dir = tmp_path_factory.mktemp("multinicho-data")
    port = _free_port()
    env = _server_env(data_dir, port, mail)
    log_path = data_dir / "server.log"
    _server_log = log_path

    migrate = subprocess.run(
        [str(SERVER_BIN), "migrate", "--yes"], cwd=REPO_ROOT, env=env,
        stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120,
    )
    if migrate.returncode != 0:
        pytest.fail(f"`multinicho migrate --yes` failed ({migrate.returncode}):\n"
                    f"{migrate.stdout}\n{migrate.stderr}", pytrace=False)

    srv = Server(base_url=f"http://127.0.0.1:{port}", data_dir=data_dir, log_path=log_path, env=env)
    with open(log_path, "ab") as log:
        proc = subprocess.Popen(
            [str(SERVER_BIN), "serve"], cwd=REPO_ROOT, env=env,
            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while not _healthy(srv.url("/healthz")):
            if proc.poll() is not None:
                pytest.fail(f"server exited with {proc.returncode} before /healthz answered:\n"
                            f"{srv.log_tail()}", pytrace=False)
            if time.monotonic() > deadline:
                pytest.fail(f"/healthz did not answer 200 within {STARTUP_TIMEOUT:.0f} s:\n"
                            f"{srv.log_tail()}", pytrace=False)
            time.sleep(0.2)
        yield srv
    finally:
        if proc.poll() is None:
            try:
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(timeout=10)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                proc.wait(timeout=10)


def _chromium() -> webdriver.Chrome:
    for path in (CHROMIUM, CHROMEDRIVER):
        if not shutil.which(path):
            pytest.fail(f"{path} not found: run `scripts/install-deps.sh test`", pytrace=False)
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=es-PE"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"intl.accept_languages": "es-PE,es"})
    drv = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    drv.set_page_load_timeout(30)
    return drv


@pytest.fixture
def driver():
    drv = _chromium()
    yield drv
    try:
        drv.quit()
    except Exception:  # the test closed it itself (a user closing the browser midway)
        pass


@pytest.fixture
def second_driver():
    """Another browser, with its own cookies: a second person at the same time."""
    drv = _chromium()
    yield drv
    drv.quit()


@pytest.fixture(scope="session")
def screenshots_dir() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """On a failed test, attach where the browser was and what it showed."""
    report = yield
    if report.when == "call" and report.failed:
        for name in DRIVER_FIXTURES:
            drv = item.funcargs.get(name)
            if drv is None:
                continue
            try:
                body = drv.execute_script("return document.body ? document.body.innerText : ''") or ""
                report.sections.append((f"browser state ({name})",
                                        f"URL: {drv.current_url}\nTitle: {drv.title}\n--- page text ---\n{body[:3000]}"))
            except Exception as exc:  # the browser may be gone
                report.sections.append((f"browser state ({name})", f"(unavailable: {exc})"))
    return report


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if exitstatus != 0 and _server_log is not None and _server_log.exists():
        lines = _server_log.read_text(errors="replace").splitlines()[-LOG_TAIL_LINES:]
        terminalreporter.section(f"multinicho server log (last {len(lines)} lines of {_server_log})")
        for line in lines:
            terminalreporter.write_line(line)
