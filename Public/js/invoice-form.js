// The document form: "+ add item" copies the last row, emptied.
(function () {
  var button = document.getElementById("add-item");
  var body = document.querySelector("#items tbody");
  if (!button || !body) return;
  button.addEventListener("click", function () {
    var rows = body.querySelectorAll("tr.item-row");
    var copy = rows[rows.length - 1].cloneNode(true);
    copy.querySelectorAll("input").forEach(function (input) { input.value = ""; });
    copy.querySelectorAll(".field-error").forEach(function (error) { error.remove(); });
    body.appendChild(copy);
    copy.querySelector("input").focus();
  });
})();
