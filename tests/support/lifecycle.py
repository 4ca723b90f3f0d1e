"""How the local test servers end, whoever started them.

A server started by a Swift test stops when the test closes its stdin (a crashed test closes
it too), when its parent process goes away, or on SIGTERM/SIGINT. Foundation's `Process` may
start children with those signals blocked (it passes on the mask of the Dispatch worker thread
that launched it), so they are unblocked first.
"""
from __future__ import annotations

import os
import signal
import stat
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable


def stop_with_parent(stop: Callable[[], None]) -> None:
    """Calls `stop` (once it matters, from any thread) on any of the endings above."""
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    signal.signal(signal.SIGTERM, lambda *_: stop())
    signal.signal(signal.SIGINT, lambda *_: stop())
    if _stdin_is_pipe():
        threading.Thread(target=_wait_for_eof, args=(stop,), name="stdin-watch", daemon=True).start()
    threading.Thread(target=_watch_parent, args=(os.getppid(), stop), name="parent-watch", daemon=True).start()


def serve_http(handler: type[BaseHTTPRequestHandler], port: int = 0) -> int:
    """Serves `handler` on 127.0.0.1:`port` (0: any free port), prints `READY <port>` for the
    test that started it, and runs until one of the endings above. Returns the exit status."""
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True  # a sleeping or hanging handler must not delay exit
    stop_with_parent(exit_now)
    sys.stdout.write(f"READY {server.server_address[1]}\n")
    sys.stdout.flush()
    try:
        server.serve_forever(poll_interval=0.2)
    except SystemExit:
        pass
    finally:
        server.server_close()
    return 0


def exit_now() -> None:
    """A `stop` for servers with nothing to flush: end the process at once."""
    os._exit(0)


def _wait_for_eof(stop: Callable[[], None]) -> None:
    try:
        while os.read(0, 65536):
            pass
    except OSError:
        pass
    stop()


def _watch_parent(original: int, stop: Callable[[], None]) -> None:
    while os.getppid() == original:
        time.sleep(0.5)
    stop()


def _stdin_is_pipe() -> bool:
    # /dev/null, a file or a terminal say nothing about the parent being alive.
    try:
        mode = os.fstat(0).st_mode
    except OSError:
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)
