// The till (point of sale). The sale is rung up here and recorded with one POST; money is
// integer céntimos and quantities integer thousandths, so every sum is exact, and the server
// recomputes it all: its answer is what counts. Texts come from the page's data-t-* attributes.
(function () {
  "use strict";
  const root = document.getElementById("till");
  if (!root) return;
  const $ = (id) => document.getElementById(id);
  const base = root.dataset.base;

  // MARK: Texts and numbers

  function t(name, values) {
    let text = root.dataset["t" + name] || name;
    for (const key in values || {}) text = text.replace("{" + key + "}", values[key]);
    return text;
  }

  /** "0,250" with 3 decimals → 250; null unless plain digits with at most `decimals` decimals. */
  function parseFixed(text, decimals) {
    const found = /^(\d{0,9})(?:[.,](\d*))?$/.exec(String(text).replace(/^S\/\s*/i, "").trim());
    if (!found || (found[1] === "" && !found[2]) || (found[2] || "").length > decimals) return null;
    const unit = Math.pow(10, decimals);
    return Number(found[1] || "0") * unit + Number((found[2] || "").padEnd(decimals, "0") || "0");
  }

  /** An integer in 10^-decimals as text: (1230, 2) → "12.30". */
  function fixedText(value, decimals) {
    const unit = Math.pow(10, decimals), size = Math.abs(value);
    const whole = (size - (size % unit)) / unit;
    return (value < 0 ? "-" : "") + whole + (decimals ? "." + String(size % unit).padStart(decimals, "0") : "");
  }

  /** As the server's Money.formatted: "S/ 1,234.50", "-S/ 0.03". */
  function money(cents) {
    const size = Math.abs(cents), whole = (size - (size % 100)) / 100;
    const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return (cents < 0 ? "-" : "") + "S/ " + grouped + "." + String(size % 100).padStart(2, "0");
  }

  /** The server's decimal strings ("-0.03") as céntimos. */
  function centsOf(text) {
    const negative = String(text || "").startsWith("-");
    const cents = parseFixed(String(text || "0").replace("-", ""), 2) || 0;
    return negative ? -cents : cents;
  }

  /** Unit price × quantity rounded half-up to céntimos, as SaleMath.amount. */
  function lineAmount(priceCents, milli) {
    const scaled = priceCents * milli + 500;
    return (scaled - (scaled % 1000)) / 1000;
  }

  // MARK: Server

  async function call(method, path, body) {
    const headers = { Accept: "application/json" };
    if (method !== "GET") Object.assign(headers, { "Content-Type": "application/json", "X-CSRF-Token": root.dataset.csrf });
    const response = await fetch(base + path, { method, headers, credentials: "same-origin", body: body && JSON.stringify(body) });
    // A lapsed session is redirected to the login page: HTML, not an answer.
    const json = (response.headers.get("Content-Type") || "").includes("application/json");
    const data = json ? await response.json() : { error: t("Session") };
    return { status: json ? response.status : 0, data };
  }

  function newClientId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    // crypto.randomUUID needs a secure context; getRandomValues does not.
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  // MARK: The sale

  const sale = { lines: [], nextKey: 1, clientId: null, busy: false, tried: false, escapeAt: 0 };

  /** A line's quantity, discount and total, or the reason it cannot be sold as typed. */
  function read(line) {
    const kg = line.product.unit === "kg";
    const count = parseFixed(line.quantity, kg ? 3 : 0);
    const milli = count === null ? null : (kg ? count : count * 1000);
    if (!milli) return { error: line.quantity === "" && !sale.tried ? "" : t(kg ? "BadKg" : "BadUnits"), total: 0 };
    const amount = lineAmount(line.product.price_cents, milli);
    const discount = line.discount.trim() === "" ? 0 : parseFixed(line.discount, 2);
    if (discount === null) return { error: t("BadMoney"), total: amount };
    if (discount > amount) return { error: t("DiscountTooBig"), total: amount };
    return { milli, discount, total: amount - discount, error: line.serverError || null };
  }

  function total() {
    return sale.lines.reduce((sum, line) => sum + read(line).total, 0);
  }

  function method() {
    return document.querySelector("input[name=method]:checked").value;
  }

  /** How the payment settles the total, as the server's Settlement: only the cash part is
   *  rounded, down to S/ 0.10, and only cash gives change. */
  function settle() {
    const sum = total(), other = method() !== "cash";
    const amountText = $("pay-amount").value.trim();
    const nonCash = !other ? 0 : (amountText === "" ? sum : parseFixed(amountText, 2));
    const cashPart = nonCash === null ? 0 : sum - nonCash;
    const rounding = cashPart > 0 ? -(cashPart % 10) : 0;
    const cashDue = Math.max(cashPart + rounding, 0);
    const tenderedText = $("pay-tendered").value.trim();
    const tendered = tenderedText === "" ? cashDue : parseFixed(tenderedText, 2);
    return { total: sum, other, nonCash, cashPart, rounding, cashDue, due: sum + rounding, tendered,
             change: tendered === null ? 0 : Math.max(tendered - cashDue, 0) };
  }

  // MARK: Lines on screen

  function cell(tag, className, text) {
    const element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined) element.textContent = text;
    return element;
  }

  function input(id, value, label, className) {
    const element = cell("input", className);
    Object.assign(element, { id, value, autocomplete: "off", inputMode: "decimal" });
    element.setAttribute("aria-label", label);
    return element;
  }

  function row(line) {
    const tr = cell("tr", "till-line");
    tr.id = "line-" + line.key;
    tr.dataset.productId = line.product.id;
    const name = cell("td", "till-line-name", line.product.name);
    name.appendChild(cell("p", "field-error line-error"));
    const quantity = cell("td", "till-line-qty");
    quantity.append(input("line-qty-" + line.key, line.quantity, line.product.name, "line-qty"),
                    cell("span", "muted", line.product.unit === "kg" ? " kg" : ""));
    if (line.product.unit === "kg") quantity.firstChild.placeholder = t("KgHint");
    const discount = cell("td", "till-line-discount");
    discount.appendChild(input("line-discount-" + line.key, line.discount, line.product.name, "line-discount"));
    discount.firstChild.placeholder = "0.00";
    const remove = cell("button", "till-remove", "×");
    Object.assign(remove, { type: "button", id: "line-remove-" + line.key, title: t("Remove") });
    remove.setAttribute("aria-label", t("Remove") + " " + line.product.name);
    const last = cell("td");
    last.appendChild(remove);
    tr.append(name, quantity, cell("td", "num", money(line.product.price_cents) + (line.product.unit === "kg" ? "/kg" : "")),
              discount, cell("td", "num line-total"), last);
    return tr;
  }

  function renderLines() {
    const body = $("till-lines-body");
    body.replaceChildren(...sale.lines.map(row));
    $("till-empty").hidden = sale.lines.length > 0;
    refresh();
  }

  /** Line totals, their errors and the payment's figures, without touching what is typed. */
  function refresh() {
    for (const line of sale.lines) {
      const tr = $("line-" + line.key), state = read(line);
      tr.querySelector(".line-total").textContent = money(state.total);
      tr.querySelector(".line-error").textContent = state.error || "";
      tr.classList.toggle("invalid", !!state.error);
    }
    const s = settle();
    $("till-total").textContent = money(s.total);
    $("till-rounding").textContent = money(s.rounding);
    document.querySelectorAll(".till-rounding").forEach((e) => { e.hidden = s.rounding === 0; });
    $("till-due").textContent = money(s.due);
    $("till-change").textContent = money(s.change);
    $("till-submit-amount").textContent = money(s.due);
    $("pay-other").hidden = !s.other;
    $("pay-cash").hidden = s.other && s.cashPart <= 0;
    const label = $("pay-reference-label");
    label.textContent = method() === "card" ? label.dataset.card : label.dataset.yape;
  }

  function lineOf(element) {
    const tr = element.closest("tr.till-line");
    return tr && sale.lines.find((line) => "line-" + line.key === tr.id);
  }

  // MARK: Adding products

  function add(product) {
    hideMatches();
    $("till-done").hidden = true;
    const same = product.unit !== "kg" && sale.lines.find((l) => l.product.id === product.id && parseFixed(l.quantity, 0));
    if (same) {
      same.quantity = String(parseFixed(same.quantity, 0) + 1);
      same.serverError = null;
      renderLines();
    } else {
      sale.lines.push({ key: sale.nextKey++, product, quantity: product.unit === "kg" ? "" : "1", discount: "", serverError: null });
      renderLines();
    }
    say(t("Added", { name: product.name }), "ok");
    if (product.unit === "kg") focusQuantity(sale.lines[sale.lines.length - 1]);
    // Never select what is in the field: the scanner may already be typing the next code.
    else $("till-search").focus();
  }

  function focusQuantity(line) {
    const field = line && $("line-qty-" + line.key);
    if (field) { field.focus(); field.select(); }
  }

  function focusSearch() {
    const field = $("till-search");
    field.focus();
    field.select();
  }

  function say(text, kind) {
    const box = $("till-message");
    box.textContent = text;
    box.className = "till-message " + (kind || "");
    box.hidden = !text;
  }

  // MARK: Search and scan

  const matches = { list: [], active: -1, seq: 0, timer: null };

  /** What the search field holds on Enter: a barcode adds its product at once (or says it is
   *  unknown, adding nothing); text lists the matches. */
  async function lookup(text, enter) {
    const seq = ++matches.seq;
    let answer;
    try {
      answer = await call("GET", "/till/products?code=" + encodeURIComponent(text));
    } catch (_) {
      if (enter) say(t("Network"), "error");
      return;
    }
    if (seq !== matches.seq && !enter) return;
    const { status, data } = answer;
    if (status === 200 && data.barcode && data.products.length === 1) {
      add(data.products[0]);
    } else if (status === 200) {
      showMatches(data.products, text, enter);
    } else {
      hideMatches();
      say(data.error || t("Failed"), "error");
    }
  }

  function showMatches(products, text, enter) {
    matches.list = products;
    matches.active = products.length ? 0 : -1;
    const list = $("till-matches");
    list.replaceChildren(...products.map((product, index) => {
      const item = cell("li", "till-match", product.name);
      Object.assign(item, { id: "match-" + index });
      item.setAttribute("role", "option");
      item.appendChild(cell("span", "muted", money(product.price_cents) + (product.unit === "kg" ? "/kg" : "") + " · " + product.stock));
      item.addEventListener("mousedown", (event) => { event.preventDefault(); add(product); $("till-search").value = ""; });
      return item;
    }));
    list.hidden = products.length === 0;
    $("till-search").setAttribute("aria-expanded", String(products.length > 0));
    highlight();
    if (!products.length && enter) say(t("NoMatches", { q: text }), "error");
  }

  function hideMatches() {
    matches.list = [];
    matches.active = -1;
    $("till-matches").hidden = true;
    $("till-search").setAttribute("aria-expanded", "false");
  }

  function highlight() {
    document.querySelectorAll(".till-match").forEach((item, index) => {
      item.setAttribute("aria-selected", String(index === matches.active));
    });
    const active = $("match-" + matches.active);
    if (active) $("till-search").setAttribute("aria-activedescendant", active.id);
  }

  function onSearchKey(event) {
    const open = !$("till-matches").hidden;
    if (open && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      matches.active = (matches.active + step + matches.list.length) % matches.list.length;
      highlight();
    } else if (event.key === "Enter") {
      event.preventDefault();
      const text = event.target.value.trim();
      if (open && matches.active >= 0 && !/^\d+$/.test(text)) {
        event.target.value = "";
        add(matches.list[matches.active]);
      } else if (text) {
        clearTimeout(matches.timer);
        // A code leaves the field at once: the scanner may type the next one before we hear back.
        if (/^\d+$/.test(text)) event.target.value = "";
        lookup(text, true);
      } else if (sale.lines.length) {
        focusPay();
      }
    }
  }

  /** Matches while typing a name; digits are left alone (a scanner is typing a code). */
  function onSearchInput(event) {
    const text = event.target.value.trim();
    clearTimeout(matches.timer);
    if (text.length < 2 || /^\d+$/.test(text)) { hideMatches(); return; }
    matches.timer = setTimeout(() => lookup(text, false), 200);
  }

  // MARK: Paying

  function focusPay() {
    const field = method() === "cash" ? $("pay-tendered") : $("pay-reference");
    field.focus();
    field.select();
  }

  /** What the browser can tell before asking the server; the first problem, or null. */
  function check() {
    if (!sale.lines.length) return t("EmptyCart");
    if (sale.lines.some((line) => read(line).error)) return t("FixLines");
    const s = settle();
    if (s.other && s.nonCash === null) return t("BadMoney");
    if (s.other && s.nonCash > s.total) return t("AmountTooBig");
    if (s.other && method() !== "card" && !$("pay-reference").value.trim()) return t("ReferenceRequired");
    if (s.cashPart > 0 && s.tendered === null) return t("BadMoney");
    if (s.cashPart > 0 && s.tendered < s.cashDue) return t("Missing", { amount: money(s.cashDue - s.tendered) });
    return customer().error || null;
  }

  function customer() {
    const documentNumber = $("customer-document").value.trim(), name = $("customer-name").value.trim();
    const email = $("customer-email").value.trim(), out = {};
    if (/^\d{8}$/.test(documentNumber)) out.dni = documentNumber;
    else if (/^\d{11}$/.test(documentNumber)) out.ruc = documentNumber;
    else if (documentNumber) return { error: $("customer-document").placeholder };
    if (out.ruc && !name) return { error: t("NameRequired") };
    if (name) out.name = name;
    if (email) out.email = email;
    return { value: Object.keys(out).length ? out : null };
  }

  function payments(s) {
    const list = [];
    if (s.other) {
      const payment = { method: method(), amount: fixedText(s.nonCash, 2) };
      const reference = $("pay-reference").value.trim();
      if (reference) payment.reference = reference;
      list.push(payment);
    }
    if (s.cashPart > 0) list.push({ method: "cash", amount: fixedText(s.cashDue, 2), tendered: fixedText(s.tendered, 2) });
    // A sale discounted to nothing is still paid: S/ 0.00 in cash.
    if (!list.length) list.push({ method: "cash", amount: "0.00" });
    return list;
  }

  function order() {
    const body = {
      client_id: sale.clientId,
      lines: sale.lines.map((line) => {
        const state = read(line);
        return { product_id: line.product.id, quantity: fixedText(state.milli, 3), discount: fixedText(state.discount, 2) };
      }),
      payments: payments(settle()),
    };
    const buyer = customer().value;
    if (buyer) body.customer = buyer;
    return body;
  }

  async function submit(event) {
    if (event) event.preventDefault();
    if (sale.busy) return;
    sale.tried = true;
    sale.lines.forEach((line) => { line.serverError = null; });
    refresh();
    const problem = check();
    payError(problem);
    if (problem) return;
    // One id per sale, kept for every retry: the server makes one sale of it, however often it comes.
    sale.clientId = sale.clientId || newClientId();
    busy(true);
    try {
      const { status, data } = await call("POST", "/till/sales", order());
      answer(status, data);
    } catch (_) {
      payError(t("Network"));
    } finally {
      busy(false);
    }
  }

  function answer(status, data) {
    if ((status === 201 || status === 200) && data.id) return done(data, status === 200);
    if (status === 409 && data.code === "out_of_stock") {
      sale.lines.filter((line) => line.product.id === data.product_id).forEach((line) => { line.serverError = data.error; });
      refresh();
      return payError(data.error);
    }
    if (status === 422 && data.problems) return problems(data.problems);
    payError(data.error || t("Failed"));
  }

  /** 422: each problem beside what it is about (a line, the payment, the customer). */
  function problems(list) {
    const general = [];
    for (const problem of list) {
      const line = /^\/lines\/(\d+)/.exec(problem.pointer);
      if (line && sale.lines[Number(line[1])]) {
        sale.lines[Number(line[1])].serverError = problem.message;
      } else if (problem.pointer.startsWith("/customer")) {
        $("till-customer").open = true;
        $("customer-error").textContent = problem.message;
        $("customer-error").hidden = false;
      } else {
        general.push(problem.message);
      }
    }
    refresh();
    payError(general.join(" ") || t("FixLines"));
  }

  function payError(text) {
    $("pay-error").textContent = text || "";
    $("pay-error").hidden = !text;
    if (!text) $("customer-error").hidden = true;
  }

  function busy(on) {
    sale.busy = on;
    $("till-submit").disabled = on;
    $("till-submit").setAttribute("aria-busy", String(on));
    if (on) $("till-submit-amount").textContent = t("Busy");
    else refresh();
  }

  /** The comprobante's number, its 80 mm ticket opened for printing, and a fresh sale. */
  function done(data, replayed) {
    const documentInfo = data.document;
    $("till-done-number").textContent = documentInfo ? documentInfo.full_number : "";
    $("till-done-change").textContent = money(centsOf(data.change));
    $("till-done-ticket").href = documentInfo ? documentInfo.ticket : "#";
    $("till-done").hidden = false;
    reset();
    const printed = documentInfo && window.open(documentInfo.ticket, "_blank");
    say(replayed ? t("Replayed") : (documentInfo && !printed ? t("PopupBlocked") : ""), replayed ? "ok" : "error");
    focusSearch();
  }

  function reset() {
    Object.assign(sale, { lines: [], clientId: null, tried: false, escapeAt: 0 });
    ["pay-tendered", "pay-amount", "pay-reference", "customer-document", "customer-name", "customer-email", "till-search"]
      .forEach((id) => { $(id).value = ""; });
    $("method-cash").checked = true;
    $("till-customer").open = false;
    payError(null);
    hideMatches();
    renderLines();
  }

  function cancel() {
    reset();
    $("till-done").hidden = true;
    say(t("Cancelled"), "ok");
    focusSearch();
  }

  // MARK: Keys

  function onKey(event) {
    const keys = {
      F2: focusSearch,
      F4: focusPay,
      F8: () => focusQuantity(sale.lines[sale.lines.length - 1]),
      F9: () => { $("till-customer").open = true; $("customer-document").focus(); },
      Escape: escape,
    };
    const action = keys[event.key];
    if (!action || !$("till-close").hidden) return;
    event.preventDefault();
    action();
  }

  /** Esc closes the list of matches; on a sale, twice within 3 s cancels it. */
  function escape() {
    if (!$("till-matches").hidden) return hideMatches();
    if (!sale.lines.length) return focusSearch();
    const now = Date.now();
    if (now - sale.escapeAt < 3000) return cancel();
    sale.escapeAt = now;
    say(t("CancelAgain"), "error");
  }

  function onLineInput(event) {
    const line = lineOf(event.target);
    if (!line) return;
    line[event.target.classList.contains("line-qty") ? "quantity" : "discount"] = event.target.value;
    line.serverError = null;
    refresh();
  }

  function onLineKey(event) {
    if (event.key === "Enter" && lineOf(event.target)) { event.preventDefault(); focusSearch(); }
  }

  function onLineClick(event) {
    const button = event.target.closest(".till-remove");
    const line = button && lineOf(button);
    if (!line) return;
    sale.lines = sale.lines.filter((other) => other !== line);
    renderLines();
    focusSearch();
  }

  function onQuick(event) {
    const button = event.target.closest("button[data-cents]");
    if (!button) return;
    const cents = button.dataset.cents === "exact" ? settle().cashDue : Number(button.dataset.cents);
    $("pay-tendered").value = fixedText(cents, 2);
    refresh();
    $("till-submit").focus();
  }

  // MARK: The till's shift

  function shiftOpen(register) {
    const opened = new Date(register.opened_at).toLocaleString(root.dataset.lang === "en" ? "en-GB" : "es-PE",
      { timeZone: "America/Lima", day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hour12: false });
    $("till-shift-text").textContent = t("Since") + " " + opened.replace(",", "") + " · " + t("Float") + " " + money(centsOf(register.float));
    $("till-shift-open").hidden = false;
    $("till-shift-closed").hidden = true;
  }

  function shiftClosed() {
    $("till-shift-open").hidden = true;
    $("till-shift-closed").hidden = false;
  }

  async function openShift(event) {
    event.preventDefault();
    const float = parseFixed($("register-float").value, 2);
    const error = $("register-open-error");
    error.hidden = float !== null;
    if (float === null) { error.textContent = t("BadMoney"); return; }
    const { status, data } = await call("POST", "/till/register/open", { float: fixedText(float, 2) });
    if (status === 201) { shiftOpen(data); say(t("RegisterOpened"), "ok"); focusSearch(); return; }
    error.textContent = data.error || t("Failed");
    error.hidden = false;
  }

  async function startClosing() {
    const { status, data } = await call("GET", "/till/register");
    if (status !== 200) { shiftClosed(); say(data.error || t("Failed"), "error"); return; }
    for (const method of ["cash", "yape", "plin", "card"]) {
      const cents = method === "cash" ? centsOf(data.expected_cash) : centsOf((data.takings || {})[method]);
      $("close-expected-" + method).textContent = money(cents);
    }
    $("close-expected-cash").dataset.cents = centsOf(data.expected_cash);
    ["close-counted-cash", "close-difference-cash"].forEach((id) => { $(id).textContent = ""; });
    $("till-close-form").hidden = false;
    $("till-close").hidden = false;
    $("close-counted").value = "";
    $("close-counted").focus();
  }

  function onCounted() {
    const counted = parseFixed($("close-counted").value, 2);
    const expected = Number($("close-expected-cash").dataset.cents || 0);
    $("close-counted-cash").textContent = counted === null ? "" : money(counted);
    $("close-difference-cash").textContent = counted === null ? "" : money(counted - expected);
  }

  async function closeShift(event) {
    event.preventDefault();
    const counted = parseFixed($("close-counted").value, 2), error = $("register-close-error");
    error.hidden = counted !== null;
    if (counted === null) { error.textContent = t("BadMoney"); return; }
    const { status, data } = await call("POST", "/till/register/close", { counted_cash: fixedText(counted, 2) });
    if (status !== 200) { error.textContent = data.error || t("Failed"); error.hidden = false; return; }
    $("close-expected-cash").textContent = money(centsOf(data.expected_cash));
    $("close-counted-cash").textContent = money(centsOf(data.counted_cash));
    $("close-difference-cash").textContent = money(centsOf(data.difference));
    $("till-close-form").hidden = true;
    shiftClosed();
    say(t("RegisterClosed"), "ok");
  }

  // MARK: Wiring

  $("till-search").addEventListener("keydown", onSearchKey);
  $("till-search").addEventListener("input", onSearchInput);
  $("till-search").addEventListener("blur", () => setTimeout(hideMatches, 150));
  $("till-lines-body").addEventListener("input", onLineInput);
  $("till-lines-body").addEventListener("keydown", onLineKey);
  $("till-lines-body").addEventListener("click", onLineClick);
  $("till-pay").addEventListener("input", () => { payError(null); refresh(); });
  $("till-pay").addEventListener("change", refresh);
  $("till-pay").addEventListener("submit", submit);
  $("till-quick").addEventListener("click", onQuick);
  $("till-cancel").addEventListener("click", cancel);
  $("till-shift-closed").addEventListener("submit", openShift);
  $("register-close-start").addEventListener("click", startClosing);
  $("close-counted").addEventListener("input", onCounted);
  $("till-close-form").addEventListener("submit", closeShift);
  $("register-close-back").addEventListener("click", () => { $("till-close").hidden = true; focusSearch(); });
  document.addEventListener("keydown", onKey);
  renderLines();
  focusSearch();
})();
