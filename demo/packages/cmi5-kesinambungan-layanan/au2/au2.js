// The course's second AU (moveOn Completed): a checklist. It fetches its own
// token, reads LMS.LaunchData, sends initialized, then completed and
// terminated when the learner ticks every item.
(function () {
  "use strict";
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
  var started = Date.now();
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
  function seconds() { return "PT" + Math.round((Date.now() - started) / 1000) + "S"; }

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
    .then(function () { statusEl.textContent = "Terhubung. Centang setiap butir yang sudah siap."; })
    .catch(function (error) { statusEl.textContent = "Tidak dapat terhubung ke Sigap (" + error.message + ")."; });

  document.getElementById("periksa").addEventListener("submit", function (event) {
    event.preventDefault();
    if (!token || !launchData) return;
    var hasil = document.getElementById("hasil");
    statement("completed", "menyelesaikan", { completion: true, duration: seconds() }, [CAT, MOVEON])
      .then(function () { return statement("terminated", "mengakhiri", { duration: seconds() }, [CAT]); })
      .then(function () { hasil.textContent = "Selesai. Daftar periksa tersimpan."; })
      .catch(function (error) { hasil.textContent = "Tidak terkirim (" + error.message + ")."; });
  });
})();
