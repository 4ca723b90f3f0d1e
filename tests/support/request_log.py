"""The requests a local test server received, kept for the test to read back."""
from __future__ import annotations

import threading
from typing import Any


class RequestLog:
    """Recorded requests, shared by the handler threads. `lock` also guards what subclasses add."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self._requests: list[dict[str, Any]] = []

    def record(self, entry: dict[str, Any]) -> dict[str, Any]:
        with self.lock:
            self._requests.append(entry)
        return entry

    def update(self, entry: dict[str, Any], **fields: Any) -> None:
        with self.lock:
            entry.update(fields)

    def snapshot(self) -> list[dict[str, Any]]:
        with self.lock:
            return [dict(r) for r in self._requests]

    def clear(self) -> None:
        with self.lock:
            self._requests.clear()
