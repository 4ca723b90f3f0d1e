"""End-to-end: a bodega owner on a phone signs up from the landing page and goes through
every step of the set-up wizard to the dashboard, closing the browser midway and signing in
again to land on the step they left.

Phone-sized screenshots of the wizard go to docs/screenshots/onboarding-*.png.
"""
from __future__ import annotations

import secrets
import struct
import zlib
from pathlib import Path
from urllib.parse import urlparse

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from pages import click, expect_text, fill, link_in, log_in, visible, wait

BUSINESS = "Bodega Don Lucho"
OWNER = "Luis Huamán"
PASSWORD = "clave-segura-123"
DNI = "46779354"
RUC_10 = "10467793549"


def as_phone(driver) -> None:
    driver.set_window_size(390, 844)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
    wait(driver).until(lambda d: d.execute_script("return window.innerWidth") == 390)


def step(driver, key: str) -> None:
    """Waits for the wizard to show step `key`."""
    wait(driver).until(lambda d: d.find_elements(By.ID, "wizard-step")
                       and d.find_element(By.ID, "wizard-step").get_attribute("data-step") == key,
                       f"the wizard is not on step {key} (at {driver.current_url})")


def shot(driver, screenshots_dir: Path, name: str) -> None:
    driver.save_screenshot(str(screenshots_dir / f"onboarding-{name}.png"))


def png(path: Path) -> Path:
    """A small real PNG (a grey square), as a phone's QR screenshot would be."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + b"\x80" * 16 for _ in range(16))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 0, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
    return path


def test_minimarket_signs_up_through_every_step(server, mail, driver, second_driver, screenshots_dir, tmp_path):
    email = f"lucho+{secrets.token_hex(4)}@example.pe"

    # The landing page, then the sign-up form, with a DNI: a sole trader's RUC 10.
    driver.get(server.url("/"))
    as_phone(driver)
    click(driver, "cta-register")
    fill(driver, "business_name", BUSINESS)
    fill(driver, "ruc", DNI)
    fill(driver, "owner_name", OWNER)
    fill(driver, "email", email)
    fill(driver, "password", PASSWORD)
    click(driver, "register-submit")
    wait(driver).until(EC.url_contains("/onboarding"))
    slug = urlparse(driver.current_url).path.split("/")[2]
    click(driver, "wizard-continue")

    # 1. The account: confirmed by the link mailed over SMTP at sign-up.
    step(driver, "account")
    assert "1" in driver.find_element(By.ID, "wizard-position").text
    shot(driver, screenshots_dir, "account")
    message = mail.wait_for(lambda m: email in m["envelope_to"] and "/verify/" in (m["text"] or ""),
                            f"with the confirmation link to {email}")
    driver.get(link_in(message, r"/verify/"))

    # 2. Business data: a mistyped RUC is refused at the step, with the reason.
    step(driver, "business")
    assert driver.find_element(By.ID, "field-ruc").get_attribute("value") == RUC_10
    fill(driver, "field-ruc", "10467793548")
    fill(driver, "field-address", "Jr. Huallaga 321")
    fill(driver, "field-district", "San Juan de Lurigancho")
    click(driver, "step-submit")
    expect_text(driver, "error-ruc", "dígito verificador")
    assert driver.find_element(By.ID, "field-address").get_attribute("value") == "Jr. Huallaga 321"
    shot(driver, screenshots_dir, "business-error")
    fill(driver, "field-ruc", RUC_10)
    fill(driver, "field-legal_name", "Luis Huamán Quispe")
    fill(driver, "field-trade_name", BUSINESS)
    click(driver, "step-submit")

    # 3. The niche: a minimarket.
    step(driver, "niche")
    driver.find_element(By.CSS_SELECTOR, "input[name='modules[]'][value='minimarket']").click()
    shot(driver, screenshots_dir, "niche")
    click(driver, "step-submit")

    # 4. The plan: the trial starts, nothing to pay.
    step(driver, "plan")
    driver.find_element(By.CSS_SELECTOR, "input[name='plan'][value='negocio']").click()
    shot(driver, screenshots_dir, "plan")
    click(driver, "step-submit")
    step(driver, "invoicing")

    # The owner closes the browser; later, on another, signs in and is back on that step.
    driver.quit()
    log_in(second_driver, server, email, PASSWORD)
    as_phone(second_driver)
    driver = second_driver
    step(driver, "invoicing")
    assert urlparse(driver.current_url).path == f"/t/{slug}/onboarding/invoicing"

    # 5. Invoicing: test mode and the usual series.
    assert driver.find_element(By.CSS_SELECTOR, "input[name='environment'][value='sandbox']").is_selected()
    shot(driver, screenshots_dir, "invoicing")
    click(driver, "step-submit")

    # 6. Payments: the owner's Yape with its QR.
    step(driver, "payments")
    fill(driver, "field-yape_phone", "987 654 321")
    fill(driver, "field-yape_holder", "Luis H.")
    driver.find_element(By.ID, "field-yape_qr").send_keys(str(png(tmp_path / "yape.png")))
    shot(driver, screenshots_dir, "payments")
    click(driver, "step-submit")

    # 7. The team: a cashier, invited by mail.
    step(driver, "team")
    fill(driver, "field-emails", f"cajera+{secrets.token_hex(3)}@example.pe")
    click(driver, "step-submit")
    invitation = mail.wait_for(lambda m: "/invite/" in (m["text"] or "") and BUSINESS in (m["text"] or ""), "with the invitation")
    assert invitation

    # The minimarket's own steps: each opens its page (the cashiers', the team page); left
    # for later here.
    while "minimarket." in (driver.find_element(By.ID, "wizard-step").get_attribute("data-step") or ""):
        current = driver.find_element(By.ID, "wizard-step").get_attribute("data-step")
        assert driver.find_element(By.ID, "step-open-page").get_attribute("href").startswith(server.url(f"/t/{slug}/"))
        click(driver, "step-skip")
        wait(driver).until(lambda d: d.find_element(By.ID, "wizard-step").get_attribute("data-step") != current
                           if d.find_elements(By.ID, "wizard-step") else True)

    # Last: sample data, on request, and gone again with one click.
    step(driver, "samples")
    shot(driver, screenshots_dir, "samples")
    click(driver, "step-submit")
    visible(driver, "wizard-finished")
    visible(driver, "samples-remove")
    shot(driver, screenshots_dir, "finished")
    click(driver, "samples-remove")
    visible(driver, "samples-removed")
    assert not driver.find_elements(By.ID, "samples-remove")

    # Done: the dashboard, with no reminder left.
    click(driver, "go-dashboard")
    expect_text(driver, "dashboard-title", BUSINESS)
    assert not driver.find_elements(By.ID, "setup-reminder")
