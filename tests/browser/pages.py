"""What the browser tests do again and again: wait for, fill and click elements by id, sign
in and out as a business owner does, and follow links in mails."""
from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlparse

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

TIMEOUT = 15


def wait(driver: WebDriver) -> WebDriverWait:
    # An element found just before the page it lives on is replaced (a form post answered
    # with a new page) goes stale; the next poll finds the new page's element instead.
    return WebDriverWait(driver, TIMEOUT, ignored_exceptions=(StaleElementReferenceException,))


def path_is(path: str):
    return lambda d: urlparse(d.current_url).path == path


def visible(driver: WebDriver, element_id: str):
    return wait(driver).until(EC.visibility_of_element_located((By.ID, element_id)),
                              f"#{element_id} not visible on {driver.current_url}")


def fill(driver: WebDriver, element_id: str, value: str) -> None:
    field = visible(driver, element_id)
    field.clear()
    field.send_keys(value)


def click(driver: WebDriver, element_id: str) -> None:
    wait(driver).until(EC.element_to_be_clickable((By.ID, element_id)),
                       f"#{element_id} not clickable on {driver.current_url}").click()


def expect_text(driver: WebDriver, element_id: str, text: str) -> None:
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, element_id), text),
                       f"#{element_id} does not contain {text!r} on {driver.current_url}")


def expect_path(driver: WebDriver, path: str) -> None:
    wait(driver).until(path_is(path), f"expected path {path}, at {driver.current_url}")


def log_out(driver: WebDriver) -> None:
    click(driver, "logout")
    expect_path(driver, "/login")
    visible(driver, "notice")


def log_in(driver: WebDriver, server, email: str, password: str) -> None:
    driver.get(server.url("/login"))
    fill(driver, "email", email)
    fill(driver, "password", password)
    click(driver, "login-submit")


def register(driver: WebDriver, server, business: str, ruc: str, owner: str, email: str, password: str) -> None:
    """Signs up a new business through /register and lands on its onboarding page."""
    driver.get(server.url("/register"))
    fill(driver, "business_name", business)
    fill(driver, "ruc", ruc)
    fill(driver, "owner_name", owner)
    fill(driver, "email", email)
    fill(driver, "password", password)
    click(driver, "register-submit")
    wait(driver).until(EC.url_contains("/onboarding"),
                       f"registration did not land on the onboarding page (at {driver.current_url})")


def link_in(message: dict[str, Any], path_pattern: str) -> str:
    """The first URL in the mail's text whose path matches `path_pattern` (a regex)."""
    text = message.get("text") or message.get("html") or ""
    found = re.search(r"https?://[^\s\"'<>]*" + path_pattern + r"[^\s\"'<>]*", text)
    assert found, f"no link matching {path_pattern!r} in the mail {message.get('subject')!r}:\n{text}"
    return found.group(0)
