// A cmi5 AU without a library: it reads the launch parameters, fetches its auth
// token once, reads LMS.LaunchData, and sends initialized, then completed and
// passed / failed (with the scaled score) and terminated to the endpoint.
(function () {
  "use strict";
  var KUNCI = { s1: "b", s2: "a" };
  var params = new URLSearchParams(window.location.search);
  var endpoint = params.get("endpoint");
  var statusEl = document.getElementById("status");
  if (!endpoint || !params.get("fetch")) {
    statusEl.textContent = "Buka latihan ini dari Sigap.";
    return;
  }
  if (endpoint.slice(-1) !== "/") endpoint += "/";
  var actor = JSON.parse(params.get("actor"));
  var registration = params.get("registration");
  var activityId = params.get("activityId");
  var token = null;
  var launchData = null;
  var VERB = "http://adlnet.gov/expapi/verbs/";
  var CAT = { id: "https://w3id.org/xapi/cmi5/context/categories/cmi5" };
  var MOVEON = { id: "https://w3id.org/xapi/cmi5/context/categories/moveon" };

  function headers() {
    return {
      "Authorization": "Basic " + token,
      "X-Experience-API-Version": "1.0.3",
      "Content-Type": "application/json"
    };
  }
  function statement(verb, display, result, categories) {
    var context = JSON.parse(JSON.stringify(launchData.contextTemplate || {}));
    context.registration = registration;
    context.contextActivities = context.contextActivities || {};
    context.contextActivities.category = categories;
    var body = {
      id: crypto.randomUUID ? crypto.randomUUID() : undefined,
      actor: actor,
      verb: { id: VERB + verb, display: { "id-ID": display } },
      object: { id: activityId, objectType: "Activity" },
      context: context,
      timestamp: new Date().toISOString()
    };
    if (result) body.result = result;
    return fetch(endpoint + "statements", {
      method: "POST", headers: headers(), body: JSON.stringify(body), credentials: "omit"
    }).then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); });
  }

  fetch(params.get("fetch"), { method: "POST", credentials: "same-origin" })
    .then(function (r) { return r.json(); })
    .then(function (answer) {
      if (!answer["auth-token"]) throw new Error(answer["error-text"] || "token");
      token = answer["auth-token"];
      var state = endpoint + "activities/state?stateId=LMS.LaunchData&activityId=" +
        encodeURIComponent(activityId) + "&agent=" + encodeURIComponent(JSON.stringify(actor)) +
        "&registration=" + encodeURIComponent(registration);
      return fetch(state, { headers: headers(), credentials: "omit" });
    })
    .then(function (r) { return r.json(); })
    .then(function (data) {
      launchData = data;
      return statement("initialized", "memulai", null, [CAT]);
    })
    .then(function () { statusEl.textContent = "Terhubung. Jawab latihan di bawah."; })
    .catch(function (error) { statusEl.textContent = "Tidak dapat terhubung ke Sigap (" + error.message + ")."; });

  document.getElementById("latihan").addEventListener("submit", function (event) {
    event.preventDefault();
    if (!token || !launchData) return;
    var form = new FormData(event.target);
    var right = 0;
    Object.keys(KUNCI).forEach(function (name) { if (form.get(name) === KUNCI[name]) right += 1; });
    var scaled = right / Object.keys(KUNCI).length;
    var mastery = typeof launchData.masteryScore === "number" ? launchData.masteryScore : 0.6;
    var passed = scaled >= mastery;
    var hasil = document.getElementById("hasil");
    var chain = passed
      ? statement("completed", "menyelesaikan", { completion: true }, [CAT, MOVEON])
      : Promise.resolve();
    chain
      .then(function () {
        return statement(passed ? "passed" : "failed", passed ? "lulus" : "tidak lulus",
          { success: passed, score: { scaled: scaled } }, [CAT, MOVEON]);
      })
      .then(function () {
        if (passed) return statement("terminated", "mengakhiri", null, [CAT]);
      })
      .then(function () {
        hasil.textContent = passed
          ? "Lulus (" + Math.round(scaled * 100) + "). Latihan ini selesai; kembali ke halaman kursus."
          : "Nilai " + Math.round(scaled * 100) + ". Coba lagi.";
      })
      .catch(function (error) { hasil.textContent = "Jawaban tidak terkirim (" + error.message + ")."; });
  });
})();
