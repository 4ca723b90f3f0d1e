"""End-to-end, the salon's acceptance: a client books Salón Rosa (made by `multinicho
seed-demo`) on its public page, pays in the sandbox gateway and receives the boleta's PDF by
mail (over SMTP, to the test sink); the stylist cancels from her agenda; the client opens the
link in the cancellation mail and moves the booking, with one click, to the other stylist who
can do the service at the same time.

Saves docs/screenshots/salon-booking.png (the public booking page) for the README.
"""
from __future__ import annotations

import base64
import io
import re
from datetime import date, datetime, timedelta, timezone

import pdfplumber
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import Select

from pages import click, expect_text, fill, link_in, log_in, visible, wait

# Peru has kept UTC-5 all year since 1994: the salon's days are these, whatever the machine's zone.
LIMA = timezone(timedelta(hours=-5))
STYLIST = ("ana@salon-rosa.pe", "demo-multinicho", "Ana Torres")
OTHER_STYLIST = "Bea Flores"  # also does alisado; the owner, Rosa Quispe, does not
SERVICE = "Alisado corto"
CLIENT = "Lucía Quispe"
REASON = "Ana está con descanso médico"


@pytest.fixture(scope="module")
def salon(server) -> str:
    """The demo salon's slug, seeded into the running server's database."""
    output = server.command("seed-demo")
    found = re.search(r"/b/([a-z0-9-]+)/salon\b", output)
    assert found, f"seed-demo printed no salon booking page:\n{output}"
    return found.group(1)


def booking_day() -> date:
    """A weekday a few days ahead in Lima: past the minimum notice, within the days bookable,
    and a day both stylists work (Monday to Saturday; Saturday avoided for margin)."""
    day = datetime.now(LIMA).date() + timedelta(days=3)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def choose(driver: WebDriver, select_id: str, text_prefix: str) -> str:
    """Picks the option starting with `text_prefix`; the select submits its form on change,
    so this waits for the new page. Returns the option's value."""
    options = Select(visible(driver, select_id)).options
    option = next((o for o in options if o.text.startswith(text_prefix)), None)
    assert option, f"no {text_prefix!r} in #{select_id}: {[o.text for o in options]}"
    value = option.get_attribute("value")
    if option.is_selected():
        return value  # no change, no reload
    Select(driver.find_element(By.ID, select_id)).select_by_value(value)
    wait(driver).until(lambda d: f"{select_id}={value}" in d.current_url, f"choosing {text_prefix!r} did not reload the page")
    return value


def screenshot_from_top(driver: WebDriver, path) -> None:
    """The page from its top, tall enough for the choices, the day's times and the form."""
    driver.set_window_size(1280, 1400)
    driver.execute_script("document.activeElement.blur(); window.scrollTo(0, 0)")
    wait(driver).until(lambda d: d.execute_script("return window.scrollY") == 0)
    driver.save_screenshot(str(path))
    driver.set_window_size(1280, 900)


def mail_to(mail, email: str, what: str, match) -> dict:
    return mail.wait_for(lambda m: email in m["envelope_to"] and match(m), f"{what} to {email}", timeout=30)


def book_and_pay(driver: WebDriver, server, salon: str, day: date, email: str, screenshots_dir) -> tuple[str, str]:
    """Books the 10:00 alisado with the stylist and pays it; returns the other stylist's id
    and the booked start (the radio's value)."""
    driver.get(server.url(f"/b/{salon}/salon"))
    choose(driver, "service", SERVICE)
    other = next(o.get_attribute("value") for o in Select(visible(driver, "staff")).options if o.text == OTHER_STYLIST)
    choose(driver, "staff", STYLIST[2])
    driver.execute_script("arguments[0].value = arguments[1]", visible(driver, "date"), day.isoformat())
    click(driver, "see-times")
    wait(driver).until(lambda d: f"date={day.isoformat()}" in d.current_url, "the day's times did not load")
    slot = visible(driver, "slot-10:00")
    start = slot.get_attribute("value")
    slot.click()
    fill(driver, "name", CLIENT)
    fill(driver, "email", email)
    fill(driver, "phone", "987 654 321")
    Select(visible(driver, "method")).select_by_value("sandbox")
    screenshot_from_top(driver, screenshots_dir / "salon-booking.png")
    click(driver, "book-submit")

    # The held booking's payment, then the sandbox gateway's page, where the payer approves.
    expect_text(driver, "pay-amount", "S/ 150.00")
    click(driver, "pay-continue")
    click(driver, "sandbox-approve")
    wait(driver).until(lambda d: d.find_element(By.ID, "pay-state").get_attribute("data-state") == "approved",
                       "the sandbox approval did not reach the payment")
    return other, start


def check_boleta(message: dict) -> None:
    pdfs = [a for a in message["attachments"] if a["content_type"] == "application/pdf"]
    assert message["tls"], "the mail went over SMTP without TLS"
    assert len(pdfs) == 1, f"the boleta mail has {[a['content_type'] for a in message['attachments']]}"
    data = base64.b64decode(pdfs[0]["base64"])
    assert data.startswith(b"%PDF"), data[:16]
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert "BOLETA" in text.upper(), text
    assert SERVICE in text and "150.00" in text, text


def cancel_as_stylist(driver: WebDriver, server, salon: str, day: date) -> None:
    log_in(driver, server, STYLIST[0], STYLIST[1])
    visible(driver, "logout")
    driver.get(server.url(f"/t/{salon}/salon?date={day.isoformat()}"))
    rows = wait(driver).until(
        lambda d: [r for r in d.find_elements(By.CSS_SELECTOR, "tr[data-state='confirmed']") if CLIENT in r.text],
        f"no confirmed booking of {CLIENT} in the agenda")
    assert len(rows) == 1 and STYLIST[2] in rows[0].text, rows[0].text
    booking = rows[0].get_attribute("id").removeprefix("booking-")
    fill(driver, f"cancel-reason-{booking}", REASON)
    click(driver, f"cancel-{booking}")
    visible(driver, "agenda-notice")
    assert driver.find_element(By.ID, f"booking-{booking}").get_attribute("data-state") == "cancelled"


def test_client_books_pays_gets_boleta_and_rebooks_after_the_stylist_cancels(
        server, mail, salon, driver, second_driver, screenshots_dir):
    day = booking_day()
    email = "lucia.quispe@example.pe"  # a fresh server and sink per session: nobody else writes to her
    other, start = book_and_pay(driver, server, salon, day, email, screenshots_dir)

    # Paid: the boleta's PDF and the confirmation with the link to the booking's page.
    check_boleta(mail_to(mail, email, "a PDF", lambda m: m["attachments"]))
    confirmed = mail_to(mail, email, "the confirmation", lambda m: "confirmada" in m["subject"])
    driver.get(link_in(confirmed, rf"/b/{salon}/salon/v/"))
    assert visible(driver, "salon-visit").get_attribute("data-state") == "confirmed"
    expect_text(driver, "visit-state", "Confirmada")
    expect_text(driver, "visit-lines", STYLIST[2])
    visible(driver, "visit-invoice")

    # The stylist, in her own browser, cancels from the agenda with a reason.
    cancel_as_stylist(second_driver, server, salon, day)

    # The client's mail says why and links to the other stylists and times; one click moves it.
    cancelled = mail_to(mail, email, "the cancellation", lambda m: "cancelar" in m["subject"])
    assert REASON in cancelled["text"]
    driver.get(link_in(cancelled, rf"/b/{salon}/salon/v/"))
    expect_text(driver, "visit-cancelled", REASON)
    choices = [b.text for b in driver.find_elements(By.CSS_SELECTOR, "#visit-choices button.choice")]
    assert choices and not [c for c in choices if STYLIST[2] in c or "Rosa Quispe" in c], choices
    click(driver, f"choice-{other}-{start}")
    expect_text(driver, "visit-notice", "nueva hora")
    assert driver.find_element(By.ID, "salon-visit").get_attribute("data-state") == "confirmed"
    lines = visible(driver, "visit-lines").text
    assert OTHER_STYLIST in lines and "10:00" in lines and STYLIST[2] not in lines, lines
    moved = mail_to(mail, email, "the new time", lambda m: "nueva cita" in m["subject"])
    assert "10:00" in moved["text"], moved["text"]
