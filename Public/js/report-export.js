// The export page looks again every two seconds while its report is being made.
(function () {
  var page = document.getElementById("report-export");
  if (page && page.dataset.waiting === "true") {
    setTimeout(function () { window.location.reload(); }, 2000);
  }
})();
