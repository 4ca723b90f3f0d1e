"""End-to-end, the minimarket's acceptance: a newly registered bodega turns the minimarket on,
and its cashier opens the till, rings up a sale by typing barcodes into the POS as a keyboard-wedge
scanner does (the code, then Enter), is told plainly that an unknown code added nothing, picks
cheese from the search with the arrow keys and weighs it, gives a discount, pays cash and sees
the change and the rounding to S/ 0.10; gets the boleta's number and its 80 mm ticket opened for
printing, and a fresh sale; closes the till with expected against counted cash; and finds the
boleta in the invoice history.

The products are created through the public API with a key from `multinicho create-api-key`. (A
new business rather than `seed-demo`'s: the salon's test reads its slug from the first seeding.)
Saves docs/screenshots/minimarket-pos.png (the POS with lines and the cash payment) for the README.
"""
from __future__ import annotations

import json
import re
import secrets
import urllib.error
import urllib.request
from urllib.parse import urlparse

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver

from pages import click, expect_text, fill, register, visible, wait

BUSINESS = "Minimarket Don Lucho"


def ean13(payload: str) -> str:
    """The 12 digits plus their GS1 check digit."""
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(payload))
    return payload + str((10 - total % 10) % 10)


# Codes no demo product has; the unknown one is valid, so only the catalogue can refuse it.
INCA = ean13("775899100001")
GALLETA = ean13("775899100002")
UNKNOWN = ean13("775899100099")


def api(server, key: str, method: str, path: str, body: dict | None = None) -> tuple[int, dict]:
    request = urllib.request.Request(server.url("/api/v1" + path), method=method,
                                     data=json.dumps(body).encode() if body is not None else None,
                                     headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def open_business(driver: WebDriver, server) -> str:
    """Signs a bodega up, turns the minimarket on in the onboarding and returns its slug."""
    register(driver, server, BUSINESS, "20100070970", "Luis Huamán", f"lucho+{secrets.token_hex(4)}@example.pe", "clave-segura-123")
    slug = urlparse(driver.current_url).path.split("/")[2]
    driver.get(server.url(f"/t/{slug}/onboarding/niche"))
    box = visible(driver, "step-form").find_element(By.CSS_SELECTOR, "input[name='modules[]'][value='minimarket']")
    if not box.is_selected():
        box.click()
    click(driver, "step-submit")
    wait(driver).until(EC.url_contains("/onboarding/plan"), "the minimarket was not turned on")
    return slug


def stock_products(server, slug: str) -> dict[str, str]:
    """Three products through the API; returns the key and the products' ids."""
    output = server.command("create-api-key", "--tenant", slug, "--sandbox", "--name", "pos-test")
    key = next(line.strip() for line in output.splitlines() if line.strip().startswith("mn_"))
    ids = {"key": key}
    for name, body in {
        "inca": {"name": "Inca Kola 500 ml", "barcode": INCA, "price": "2.50", "stock": "24"},
        "galleta": {"name": "Galleta Soda San Jorge", "barcode": GALLETA, "price": "0.80", "stock": "50"},
        "queso": {"name": "Queso andino", "unit": "kg", "tax": "exonerado", "price": "22.90", "stock": "5.000"},
    }.items():
        status, product = api(server, key, "POST", "/minimarket/products", body)
        assert status == 201, f"{name}: {status} {product}"
        ids[name] = product["id"]
    return ids


def lines(driver: WebDriver) -> list:
    return driver.find_elements(By.CSS_SELECTOR, "#till-lines-body tr.till-line")


def line_of(driver: WebDriver, product_id: str):
    return driver.find_element(By.CSS_SELECTOR, f"#till-lines-body tr[data-product-id='{product_id}']")


def scan(driver: WebDriver, code: str) -> None:
    """What a keyboard-wedge scanner does: types the code into the focused field, then Enter."""
    search = driver.switch_to.active_element
    assert search.get_attribute("id") == "till-search", "the search field has the focus for the scanner"
    search.send_keys(code + Keys.ENTER)


def open_till(driver: WebDriver) -> None:
    fill(driver, "register-float", "100.00")
    click(driver, "register-open")
    expect_text(driver, "till-shift-text", "S/ 100.00")


def ring_up(driver: WebDriver, market: dict[str, str]) -> None:
    """Two Inca Kolas and a galleta by barcode, an unknown code, 0.250 kg of cheese by name."""
    scan(driver, INCA)
    wait(driver).until(lambda d: len(lines(d)) == 1, "the scanned Inca Kola was not added")
    scan(driver, INCA)
    scan(driver, GALLETA)
    wait(driver).until(lambda d: len(lines(d)) == 2 and line_of(d, market["inca"]).find_element(By.CSS_SELECTOR, ".line-qty")
                       .get_attribute("value") == "2", "the second scan did not add one more Inca Kola")

    scan(driver, UNKNOWN)
    expect_text(driver, "till-message", UNKNOWN)
    assert "No hay ningún producto" in visible(driver, "till-message").text
    assert len(lines(driver)) == 2, "an unknown barcode adds nothing"

    search = driver.switch_to.active_element
    search.send_keys("andino")
    wait(driver).until(lambda d: [m.text for m in d.find_elements(By.CSS_SELECTOR, "#till-matches .till-match") if "Queso andino" in m.text],
                       "typing a name lists the matches")
    for _ in range(5):  # other demo products may match too: the arrows pick ours
        if "Queso andino" in driver.find_element(By.CSS_SELECTOR, ".till-match[aria-selected=true]").text:
            break
        search.send_keys(Keys.ARROW_DOWN)
    search.send_keys(Keys.ENTER)
    wait(driver).until(lambda d: len(lines(d)) == 3, "Enter on the match did not add the cheese")
    weight = driver.switch_to.active_element
    assert weight.get_attribute("class") == "line-qty", "a kg product asks for its weight at once"
    weight.send_keys("0.250" + Keys.ENTER)
    assert driver.switch_to.active_element.get_attribute("id") == "till-search"

    discount = line_of(driver, market["inca"]).find_element(By.CSS_SELECTOR, ".line-discount")
    discount.send_keys("0.50")
    # 2 × 2.50 − 0.50 + 0.80 + 22.90 × 0.250 (5.725 → 5.73) = 11.03
    expect_text(driver, "till-total", "S/ 11.03")


def pay_cash(driver: WebDriver, screenshots_dir) -> None:
    driver.switch_to.active_element.send_keys(Keys.F4)
    tendered = driver.switch_to.active_element
    assert tendered.get_attribute("id") == "pay-tendered", "F4 goes to the payment"
    tendered.send_keys("20")
    expect_text(driver, "till-change", "S/ 9.00")
    assert visible(driver, "till-rounding").text == "-S/ 0.03", "cash rounds down to S/ 0.10, shown as its own line"
    assert visible(driver, "till-due").text == "S/ 11.00"
    driver.set_window_size(1280, 1120)
    driver.save_screenshot(str(screenshots_dir / "minimarket-pos.png"))
    tendered.send_keys(Keys.ENTER)


def check_sale_done(driver: WebDriver) -> str:
    """The boleta's number, its ticket opened in a new window, and an empty sale to scan into."""
    expect_text(driver, "till-done-number", "B")
    number = visible(driver, "till-done-number").text
    assert re.fullmatch(r"B\w{3}-\d+", number), number
    assert visible(driver, "till-done-change").text == "S/ 9.00"
    main = driver.current_window_handle
    wait(driver).until(lambda d: len(d.window_handles) == 2, "the ticket was not opened for printing")
    ticket = next(h for h in driver.window_handles if h != main)
    driver.switch_to.window(ticket)
    wait(driver).until(lambda d: "format=ticket" in d.current_url, "the new window is not the 80 mm ticket")
    driver.close()
    driver.switch_to.window(main)
    assert not lines(driver) and visible(driver, "till-empty")
    assert driver.switch_to.active_element.get_attribute("id") == "till-search", "a fresh sale, ready for the next scan"
    return number


def close_till(driver: WebDriver) -> None:
    click(driver, "register-close-start")
    expect_text(driver, "close-expected-cash", "S/ 111.00")  # the float and the cash part of the sale
    fill(driver, "close-counted", "110.00")
    expect_text(driver, "close-difference-cash", "-S/ 1.00")
    click(driver, "register-close")
    visible(driver, "till-shift-closed")
    assert visible(driver, "close-counted-cash").text == "S/ 110.00"
    assert visible(driver, "close-difference-cash").text == "-S/ 1.00"


def test_cashier_scans_pays_cash_and_finds_the_boleta(server, driver, screenshots_dir):
    slug = open_business(driver, server)
    market = stock_products(server, slug)
    driver.get(server.url(f"/t/{slug}/minimarket"))
    open_till(driver)
    ring_up(driver, market)
    pay_cash(driver, screenshots_dir)
    number = check_sale_done(driver)

    status, inca = api(server, market["key"], "GET", f"/minimarket/products/{market['inca']}")
    assert status == 200 and inca["stock"] == "22", inca
    close_till(driver)

    driver.get(server.url(f"/t/{slug}/invoices"))
    expect_text(driver, "documents", number)
    row = next(r for r in driver.find_elements(By.CSS_SELECTOR, "#documents tbody tr") if number in r.text)
    assert "S/ 11.03" in row.text, row.text

    # The owner's sales report for today: the sale is in it, paid in cash, and its charts drawn.
    driver.get(server.url(f"/t/{slug}/reports?period=today"))
    expect_text(driver, "card-total", "S/ 11.03")
    assert "Efectivo" in visible(driver, "table-methods").text
    assert driver.find_elements(By.CSS_SELECTOR, "#chart-bars svg, #chart-comparison svg, #chart-share svg")
    driver.save_screenshot(str(screenshots_dir / "reports.png"))
