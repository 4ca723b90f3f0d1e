"""End-to-end: a laundry sets up its Yape number and sends a payment link; the customer pays
in their Yape app (outside the browser), sends the operation number on the link's page; the
owner approves it in the payments page; the customer's page then shows it paid."""
from __future__ import annotations

import secrets
from urllib.parse import urlparse

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from pages import click, expect_text, fill, log_in, log_out, register, visible, wait

PASSWORD = "clave-segura-123"


def test_customer_sends_a_yape_voucher_and_the_owner_approves_it(server, driver, screenshots_dir):
    email = f"lucia+{secrets.token_hex(4)}@example.pe"
    register(driver, server, "Lavandería La Espuma", "20131312955", "Lucía Huamán", email, PASSWORD)
    click(driver, "go-dashboard")
    visible(driver, "dashboard-title")
    payments = urlparse(driver.current_url).path.rstrip("/") + "/payments"

    # The owner's Yape wallet, then a payment link for a customer.
    driver.get(server.url(payments))
    fill(driver, "wallet-phone", "987 654 321")
    fill(driver, "wallet-holder", "Lucía H.")
    click(driver, "wallet-submit")
    wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".wallet[data-kind='yape']")))
    fill(driver, "link-description", "Lavado y secado 6 kg")
    fill(driver, "link-amount", "42.50")
    click(driver, "link-submit")
    link = visible(driver, "new-link").get_attribute("href")
    log_out(driver)

    # The customer, with no account, opens the link, pays in Yape and sends the number.
    driver.get(link)
    expect_text(driver, "pay-amount", "S/ 42.50")
    assert "987654321" in driver.find_element(By.CSS_SELECTOR, ".wallet .wallet-phone").text
    fill(driver, "voucher-operation", "40312345")
    fill(driver, "voucher-amount", "42.00")
    click(driver, "voucher-submit")
    expect_text(driver, "error-amount", "S/ 42.50")
    fill(driver, "voucher-amount", "42.50")
    click(driver, "voucher-submit")
    wait(driver).until(lambda d: d.find_element(By.ID, "pay-state").get_attribute("data-state") == "claimed",
                       "the voucher did not move the payment to claimed")
    driver.save_screenshot(str(screenshots_dir / "voucher-claimed.png"))

    # The owner sees it waiting with its operation number and approves it.
    log_in(driver, server, email, PASSWORD)
    wait(driver).until(lambda d: "/t/" in d.current_url, "sign-in did not reach the business")
    driver.get(server.url(payments))
    payment_id = urlparse(link).path.rsplit("/", 1)[-1]
    row = visible(driver, f"payment-{payment_id}")
    assert row.get_attribute("data-state") == "claimed"
    assert "40312345" in row.text
    row.find_element(By.CSS_SELECTOR, "button.approve").click()
    visible(driver, "payments-decided")
    assert driver.find_element(By.ID, f"payment-{payment_id}").get_attribute("data-state") == "approved"
    log_out(driver)

    # The customer's page now says it is paid.
    driver.get(link)
    expect_text(driver, "pay-state", "Pagado")
    assert not driver.find_elements(By.ID, "voucher-form")
