// The package's second SCO (SCORM 1.2): a closing page with a note kept in
// cmi.suspend_data (restored on resume); "completed" when the learner saves it.
(function () {
  "use strict";
  function cariApi(win) {
    var tries = 0;
    while (win && tries < 10) {
      if (win.API) return win.API;
      if (win.parent === win) break;
      win = win.parent;
      tries += 1;
    }
    return null;
  }
  var api = cariApi(window.parent !== window ? window.parent : window);
  var note = document.getElementById("catatan");
  if (api) {
    api.LMSInitialize("");
    var status = String(api.LMSGetValue("cmi.core.lesson_status") || "");
    if (!status || status === "not attempted") api.LMSSetValue("cmi.core.lesson_status", "incomplete");
    var saved = String(api.LMSGetValue("cmi.suspend_data") || "");
    if (saved && !note.value) note.value = saved;
    if (status === "completed") document.getElementById("hasil").textContent = "Bagian ini sudah selesai.";
    document.getElementById("status").textContent = "Terhubung. Catatan Anda tersimpan di Sigap.";
  } else {
    document.getElementById("status").textContent = "Buka bagian ini dari Sigap.";
  }
  document.getElementById("rencana").addEventListener("submit", function (event) {
    event.preventDefault();
    if (api) {
      api.LMSSetValue("cmi.suspend_data", note.value.slice(0, 4000));
      api.LMSSetValue("cmi.core.lesson_status", "completed");
      api.LMSCommit("");
    }
    document.getElementById("hasil").textContent = "Tersimpan. Bagian ini selesai.";
  });
  window.addEventListener("pagehide", function () {
    if (!api) return;
    api.LMSSetValue("cmi.suspend_data", note.value.slice(0, 4000));
    api.LMSSetValue("cmi.core.exit", "suspend");
    api.LMSCommit("");
    api.LMSFinish("");
  });
})();
