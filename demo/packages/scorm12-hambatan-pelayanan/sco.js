// A SCORM 1.2 SCO: four parts, a three-question check at the end. It finds the
// LMS's API in a parent window, resumes at the saved part with the saved answers
// (cmi.core.lesson_location, cmi.suspend_data), and reports the score and
// passed / failed (mastery score 60) when the answers are sent.
(function () {
  "use strict";
  var KUNCI = { s1: "b", s2: "c", s3: "a" };
  var LULUS = 60;
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
  var slides = document.querySelectorAll(".slide");
  var current = 0;
  var answers = {};

  function get(name) { return api ? String(api.LMSGetValue(name) || "") : ""; }
  function set(name, value) { if (api) api.LMSSetValue(name, String(value)); }
  function save() {
    set("cmi.core.lesson_location", current);
    set("cmi.suspend_data", JSON.stringify(answers));
    if (api) api.LMSCommit("");
  }
  function show(index) {
    current = Math.max(0, Math.min(slides.length - 1, index));
    for (var i = 0; i < slides.length; i += 1) slides[i].hidden = i !== current;
    document.getElementById("langkah").textContent =
      "Bagian " + (current + 1) + " dari " + slides.length;
    document.getElementById("sebelumnya").disabled = current === 0;
    document.getElementById("berikutnya").disabled = current === slides.length - 1;
  }
  function restoreAnswers() {
    Object.keys(answers).forEach(function (name) {
      var input = document.querySelector(
        'input[name="' + name + '"][value="' + answers[name] + '"]'
      );
      if (input) input.checked = true;
    });
  }

  if (api) {
    api.LMSInitialize("");
    var status = get("cmi.core.lesson_status");
    if (!status || status === "not attempted") set("cmi.core.lesson_status", "incomplete");
    if (get("cmi.core.entry") === "resume") {
      current = parseInt(get("cmi.core.lesson_location"), 10) || 0;
      try { answers = JSON.parse(get("cmi.suspend_data") || "{}"); } catch (e) { answers = {}; }
    }
  }
  restoreAnswers();
  show(current);

  document.getElementById("sebelumnya").addEventListener("click", function () { show(current - 1); save(); });
  document.getElementById("berikutnya").addEventListener("click", function () { show(current + 1); save(); });
  document.getElementById("kuis").addEventListener("change", function (event) {
    answers[event.target.name] = event.target.value;
    save();
  });
  document.getElementById("kuis").addEventListener("submit", function (event) {
    event.preventDefault();
    var right = 0;
    Object.keys(KUNCI).forEach(function (name) { if (answers[name] === KUNCI[name]) right += 1; });
    var score = Math.round((right / 3) * 100);
    set("cmi.core.score.min", 0);
    set("cmi.core.score.max", 100);
    set("cmi.core.score.raw", score);
    set("cmi.core.lesson_status", score >= LULUS ? "passed" : "failed");
    save();
    document.getElementById("hasil").textContent = score >= LULUS
      ? "Lulus dengan nilai " + score + ". Pelajaran ini selesai."
      : "Nilai " + score + ". Baca lagi bagian sebelumnya, lalu coba lagi.";
  });
  window.addEventListener("pagehide", function () {
    if (!api) return;
    set("cmi.core.exit", "suspend");
    save();
    api.LMSFinish("");
  });
})();
