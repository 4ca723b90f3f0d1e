"""End-to-end: sign up a business, log out, recover the password with the link from the
mail (sent over SMTP to the test sink), log in with the new password, and check the reset
link and old password no longer work.

Runs against the real server in Spanish (the default language) and saves the README
screenshots to docs/screenshots/.
"""
from __future__ import annotations

import secrets
from urllib.parse import urlparse

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from pages import click, expect_path, expect_text, fill, link_in, log_in, log_out, register, visible, wait

BUSINESS = "Pollería El Buen Sabor"
RUC = "20100070970"
OWNER = "Carmen Rojas"
PASSWORD = "clave-segura-123"
NEW_PASSWORD = "otra-clave-456"


def reset_link_for(mail, email: str) -> str:
    # The mail goes out through a background job, so it may take a moment to arrive.
    message = mail.wait_for(lambda m: email in m["envelope_to"] and "/reset/" in (m["text"] or ""),
                            f"with a reset link to {email}", timeout=15)
    return link_in(message, r"/reset/")


def test_signup_logout_recover_and_login(server, mail, driver, screenshots_dir):
    email = f"carmen+{secrets.token_hex(4)}@example.pe"

    # The landing page, for the README.
    driver.get(server.url("/"))
    wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, "main")))
    driver.save_screenshot(str(screenshots_dir / "landing.png"))

    # Sign up a new business.
    register(driver, server, BUSINESS, RUC, OWNER, email, PASSWORD)

    click(driver, "go-dashboard")
    expect_text(driver, "dashboard-title", BUSINESS)
    dashboard_url = driver.current_url
    driver.save_screenshot(str(screenshots_dir / "dashboard.png"))
    # Phone size: the window, plus a device-metrics override so the viewport itself is 390x844.
    driver.set_window_size(390, 844)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
    wait(driver).until(lambda d: d.execute_script("return window.innerWidth") == 390)
    expect_text(driver, "dashboard-title", BUSINESS)
    driver.save_screenshot(str(screenshots_dir / "dashboard-phone.png"))
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.set_window_size(1280, 900)

    # Log out (a form POST) and ask for a password reset.
    log_out(driver)
    click(driver, "forgot-link")
    expect_path(driver, "/recover")
    fill(driver, "email", email)
    click(driver, "recover-submit")
    visible(driver, "recover-sent")

    # Follow the link from the mail.
    link = reset_link_for(mail, email)
    driver.get(link)
    fill(driver, "password", NEW_PASSWORD)
    fill(driver, "password_confirmation", NEW_PASSWORD)
    click(driver, "reset-submit")
    expect_path(driver, "/login")
    visible(driver, "notice")

    # The new password works: /app sends the owner back to the set-up they left unfinished
    # (the email is still unconfirmed), under the business's own address.
    log_in(driver, server, email, NEW_PASSWORD)
    wait(driver).until(EC.url_contains("/onboarding/account"), "sign-in did not resume the set-up")
    assert urlparse(driver.current_url).path.startswith(urlparse(dashboard_url).path + "/onboarding/"), driver.current_url

    # The reset link is single-use, and the old password no longer works.
    log_out(driver)
    driver.get(link)
    visible(driver, "reset-invalid")
    assert not driver.find_elements(By.ID, "reset-submit")

    log_in(driver, server, email, PASSWORD)
    visible(driver, "login-error")
    assert urlparse(driver.current_url).path == "/login", driver.current_url
    assert not driver.find_elements(By.ID, "dashboard-title")
