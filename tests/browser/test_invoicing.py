"""End-to-end: a business adds a customer, writes a factura as a draft, issues it, finds it
in the history by its filters, and downloads its PDF, which pdfplumber reads back."""
from __future__ import annotations

import io
import secrets
import urllib.request
from urllib.parse import urlparse

import pdfplumber
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from pages import click, expect_text, fill, register, visible, wait

PASSWORD = "clave-segura-123"


def download(driver, url: str) -> bytes:
    """Fetches `url` with the browser's session cookie, as its download would."""
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    request = urllib.request.Request(url, headers={"Cookie": cookie})
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.headers["Content-Type"].startswith("application/pdf")
        return response.read()


def test_owner_issues_a_factura_finds_it_and_downloads_its_pdf(server, driver, screenshots_dir):
    email = f"dueno+{secrets.token_hex(4)}@example.pe"
    register(driver, server, "Ferretería El Clavo", "20100070970", "Jorge Salas", email, PASSWORD)
    click(driver, "go-dashboard")
    visible(driver, "dashboard-title")
    base = urlparse(driver.current_url).path.rstrip("/")

    # A customer with a RUC.
    driver.get(server.url(f"{base}/customers"))
    Select(visible(driver, "document_type")).select_by_value("6")
    fill(driver, "document_number", "20131312955")
    fill(driver, "name", "Constructora Añaños S.A.C.")
    fill(driver, "email", "compras@anianos.pe")
    click(driver, "customer-submit")
    visible(driver, "flash")
    assert "Constructora Añaños S.A.C." in visible(driver, "customers").text

    # A factura to it, as a draft first, with a second item added by the form's button.
    driver.get(server.url(f"{base}/invoices/new"))
    Select(visible(driver, "type")).select_by_value("01")
    Select(visible(driver, "customer_id")).select_by_visible_text("Constructora Añaños S.A.C. — 20131312955")
    rows = driver.find_elements(By.CSS_SELECTOR, "#items tr.item-row")
    rows[0].find_element(By.CSS_SELECTOR, ".item-description").send_keys("Cemento Sol 42.5 kg")
    rows[0].find_element(By.CSS_SELECTOR, ".item-quantity").send_keys("10")
    rows[0].find_element(By.CSS_SELECTOR, ".item-price").send_keys("32.50")
    click(driver, "add-item")
    rows = driver.find_elements(By.CSS_SELECTOR, "#items tr.item-row")
    last = rows[-1]
    last.find_element(By.CSS_SELECTOR, ".item-description").send_keys("Flete a obra")
    last.find_element(By.CSS_SELECTOR, ".item-quantity").send_keys("1")
    last.find_element(By.CSS_SELECTOR, ".item-price").send_keys("50")
    click(driver, "save-draft")
    expect_text(driver, "doc-status", "Borrador")
    expect_text(driver, "doc-total", "S/ 375.00")

    click(driver, "issue")
    expect_text(driver, "doc-number", "F001-1")
    driver.save_screenshot(str(screenshots_dir / "invoice-issued.png"))
    document_path = urlparse(driver.current_url).path

    # The history finds it by type and by the customer's name, not by another type.
    driver.get(server.url(f"{base}/invoices"))
    Select(visible(driver, "filter-type")).select_by_value("03")
    click(driver, "filter-submit")
    visible(driver, "no-documents")
    Select(visible(driver, "filter-type")).select_by_value("01")
    fill(driver, "filter-q", "anaños")
    click(driver, "filter-submit")
    row = wait(driver).until(lambda d: d.find_element(By.CSS_SELECTOR, "#documents tbody tr"))
    assert "F001-1" in row.text and "S/ 375.00" in row.text
    driver.save_screenshot(str(screenshots_dir / "invoice-history.png"))
    row.find_element(By.CSS_SELECTOR, "a.doc-link").click()
    wait(driver).until(lambda d: urlparse(d.current_url).path == document_path)

    # Its PDF: the number and total printed on it.
    pdf = download(driver, visible(driver, "download-pdf").get_attribute("href"))
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        text = "\n".join(page.extract_text() or "" for page in document.pages)
    assert "F001-1" in text and "375.00" in text, text
