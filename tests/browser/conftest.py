"""Fixtures for the browser tests: the real Multinicho server and a headless Chromium.

The server is the debug build at .build/debug/multinicho (override with MULTINICHO_BIN),
run from the repository root (it resolves Public/ and Resources/Views/ from its cwd) on a
free loopback port with a throwaway SQLite database and DATA_DIR.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

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
STARTUP_TIMEOUT = 60.0
LOG_TAIL_LINES = 80

# Set by the server fixture; read by pytest_terminal_summary to show the log when tests fail.
_server_log: Path | None = None


@dataclass
class Server:
    base_url: str
    data_dir: Path
    log_path: Path

    def url(self, path: str) -> str:
        return self.base_url + path

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


def _server_env(data_dir: Path, port: int) -> dict[str, str]:
    env = dict(os.environ)
    for key in ("DATABASE_URL", "SECRET_KEY", "TRUST_PROXY", "HOST", "PORT", "BASE_URL", "DATA_DIR", "APP_ENV"):
        env.pop(key, None)
    env.update(
        DATA_DIR=str(data_dir),
        DATABASE_URL=f"sqlite:///{data_dir}/db.sqlite",
        APP_ENV="development",
        BCRYPT_COST="4",
        HOST="127.0.0.1",
        PORT=str(port),
        BASE_URL=f"http://127.0.0.1:{port}",
    )
    return env


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as resp:
            return resp.status == 200
    except (urllib.error.URLError, OSError):
        return False


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory):
    global _server_log
    if not SERVER_BIN.exists():
        pytest.fail(f"server binary {SERVER_BIN} not found: run `swift build` first", pytrace=False)

    data_dir = tmp_path_factory.mktemp("multinicho-data")
    port = _free_port()
    env = _server_env(data_dir, port)
    log_path = data_dir / "server.log"
    _server_log = log_path

    migrate = subprocess.run(
        [str(SERVER_BIN), "migrate", "--yes"], cwd=REPO_ROOT, env=env,
        stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120,
    )
    if migrate.returncode != 0:
        pytest.fail(f"`multinicho migrate --yes` failed ({migrate.returncode}):\n"
                    f"{migrate.stdout}\n{migrate.stderr}", pytrace=False)

    srv = Server(base_url=f"http://127.0.0.1:{port}", data_dir=data_dir, log_path=log_path)
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


@pytest.fixture
def driver():
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
        drv = item.funcargs.get("driver")
        if drv is not None:
            try:
                body = drv.execute_script("return document.body ? document.body.innerText : ''") or ""
                report.sections.append(("browser state",
                                        f"URL: {drv.current_url}\nTitle: {drv.title}\n--- page text ---\n{body[:3000]}"))
            except Exception as exc:  # the browser may be gone
                report.sections.append(("browser state", f"(unavailable: {exc})"))
    return report


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if exitstatus != 0 and _server_log is not None and _server_log.exists():
        lines = _server_log.read_text(errors="replace").splitlines()[-LOG_TAIL_LINES:]
        terminalreporter.section(f"multinicho server log (last {len(lines)} lines of {_server_log})")
        for line in lines:
            terminalreporter.write_line(line)
