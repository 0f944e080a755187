/* Sigap quiz autosave: progressive enhancement of the plain page form.
 *
 * Each answer is sent as soon as it is given (text after a short pause). A failed
 * save is kept in localStorage and retried with back-off until the server
 * acknowledges it; the status line always says whether answers are saved.
 * Without this file the page's "Simpan" buttons save everything on the page.
 */
(function () {
  "use strict";
  var form = document.getElementById("quiz-form");
  var timer = document.querySelector(".timer[data-seconds-left]");
  if (timer) { startTimer(timer); }
  if (!form || !form.dataset.autosaveUrl || !window.fetch) { return; }

  var url = form.dataset.autosaveUrl;
  var statusLine = document.getElementById("save-status");
  var storeKey = "sigap-quiz:" + url;
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var pending = {};   // pos -> {fields, seq}
  var inFlight = {};  // pos -> true
  var retryDelay = {}; // pos -> ms
  var closed = false;
  var lastSeq = 0;

  function nextSeq() {
    lastSeq = Math.max(Date.now(), lastSeq + 1);
    return lastSeq;
  }

  function say(state, text) {
    statusLine.dataset.state = state;
    statusLine.textContent = text;
  }

  function sayForQuestion(pos, state, text) {
    var box = form.querySelector('fieldset[data-pos="' + pos + '"] .save-state');
    if (box) { box.dataset.state = state; box.textContent = text; }
  }

  function loadStore() {
    try { return JSON.parse(localStorage.getItem(storeKey) || "{}"); } catch (e) { return {}; }
  }

  function saveStore() {
    try {
      if (Object.keys(pending).length) { localStorage.setItem(storeKey, JSON.stringify(pending)); }
      else { localStorage.removeItem(storeKey); }
    } catch (e) { /* storage full or disabled: the retry loop still runs */ }
  }

  function fieldsOf(fieldset) {
    var fields = [];
    var inputs = fieldset.querySelectorAll("input[name], select[name], textarea[name]");
    for (var i = 0; i < inputs.length; i++) {
      var el = inputs[i];
      if ((el.type === "radio" || el.type === "checkbox") && !el.checked) { continue; }
      fields.push([el.name, el.value]);
    }
    return fields;
  }

  function applyFields(fieldset, fields) {
    var inputs = fieldset.querySelectorAll("input[name], select[name], textarea[name]");
    for (var i = 0; i < inputs.length; i++) {
      var el = inputs[i];
      var values = fields.filter(function (f) { return f[0] === el.name; }).map(function (f) { return f[1]; });
      if (el.type === "radio" || el.type === "checkbox") { el.checked = values.indexOf(el.value) !== -1; }
      else { el.value = values.length ? values[0] : ""; }
    }
  }

  function refreshStatus() {
    if (closed) { return; }
    var waiting = Object.keys(pending).length;
    if (!waiting) { say("saved", form.dataset.msgAllSaved); return; }
    var failing = Object.keys(retryDelay).length;
    if (failing) { say("retry", navigator.onLine === false ? form.dataset.msgOffline : form.dataset.msgRetry); }
    else { say("saving", form.dataset.msgSaving); }
  }

  function queue(fieldset) {
    if (closed) { return; }
    var pos = fieldset.dataset.pos;
    pending[pos] = { fields: fieldsOf(fieldset), seq: nextSeq() };
    saveStore();
    sayForQuestion(pos, "saving", form.dataset.msgSaving);
    refreshStatus();
    send(pos);
  }

  function scheduleRetry(pos) {
    var delay = Math.min((retryDelay[pos] || 500) * 2, 30000);
    retryDelay[pos] = delay;
    sayForQuestion(pos, "retry", form.dataset.msgRetry);
    refreshStatus();
    setTimeout(function () { send(pos); }, delay);
  }

  function send(pos) {
    if (inFlight[pos] || !pending[pos] || closed) { return; }
    var entry = pending[pos];
    var body = new FormData();
    body.append("csrfmiddlewaretoken", csrf);
    body.append("pos", pos);
    body.append("seq", String(entry.seq));
    entry.fields.forEach(function (f) { body.append(f[0], f[1]); });
    inFlight[pos] = true;
    var controller = window.AbortController ? new AbortController() : null;
    var timeout = setTimeout(function () { if (controller) { controller.abort(); } }, 15000);
    fetch(url, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" },
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        return { status: response.status, data: data };
      });
    }).then(function (result) {
      clearTimeout(timeout);
      inFlight[pos] = false;
      if (result.status === 200 && result.data.saved) {
        delete retryDelay[pos];
        if (pending[pos] && pending[pos].seq === entry.seq) {
          delete pending[pos];
          saveStore();
          sayForQuestion(pos, "saved", form.dataset.msgSaved);
        } else { send(pos); }  // changed again while this save was on its way
        refreshStatus();
      } else if (result.status === 409) {
        onClosed(result.data);
      } else if (result.status === 400 || result.status === 404 || result.status === 403) {
        delete pending[pos];
        delete retryDelay[pos];
        saveStore();
        sayForQuestion(pos, "error", (result.data && result.data.error) || form.dataset.msgRejected);
        say("error", form.dataset.msgRejected);
      } else {
        scheduleRetry(pos);
      }
    }).catch(function () {
      clearTimeout(timeout);
      inFlight[pos] = false;
      scheduleRetry(pos);
    });
  }

  function onClosed(data) {
    closed = true;
    pending = {};
    saveStore();
    var message = (data && data.error) || form.dataset.msgClosed;
    say("error", message);
    var inputs = form.querySelectorAll("input, select, textarea, button");
    for (var i = 0; i < inputs.length; i++) { inputs[i].disabled = true; }
    if (data && data.result_url) {
      var link = document.createElement("a");
      link.href = data.result_url;
      link.className = "btn";
      link.textContent = form.dataset.msgClosed;
      statusLine.appendChild(document.createTextNode(" "));
      statusLine.appendChild(link);
    }
  }

  var typing = {};
  form.addEventListener("change", function (event) {
    var fieldset = event.target.closest("fieldset.question");
    if (fieldset) { clearTimeout(typing[fieldset.dataset.pos]); queue(fieldset); }
  });
  form.addEventListener("input", function (event) {
    if (event.target.type !== "text") { return; }
    var fieldset = event.target.closest("fieldset.question");
    if (!fieldset) { return; }
    clearTimeout(typing[fieldset.dataset.pos]);
    typing[fieldset.dataset.pos] = setTimeout(function () { queue(fieldset); }, 700);
  });
  form.addEventListener("submit", function (event) {
    if (navigator.onLine === false) {
      event.preventDefault();
      say("retry", form.dataset.msgOffline);
    }
  });
  window.addEventListener("online", function () {
    Object.keys(pending).forEach(function (pos) { delete retryDelay[pos]; send(pos); });
  });
  window.addEventListener("beforeunload", function (event) {
    if (Object.keys(pending).length && !closed) { event.preventDefault(); event.returnValue = ""; }
  });

  // Answers that never reached the server last time (page closed while offline).
  var stored = loadStore();
  Object.keys(stored).forEach(function (pos) {
    var fieldset = form.querySelector('fieldset.question[data-pos="' + pos + '"]');
    if (!fieldset) { pending[pos] = stored[pos]; return; }
    applyFields(fieldset, stored[pos].fields);
    pending[pos] = stored[pos];
  });
  Object.keys(pending).forEach(function (pos) { send(pos); });
  refreshStatus();

  function startTimer(el) {
    var left = parseInt(el.dataset.secondsLeft, 10);
    var value = el.querySelector(".timer-value");
    var endsAt = Date.now() + left * 1000;
    function tick() {
      var seconds = Math.max(0, Math.round((endsAt - Date.now()) / 1000));
      var m = Math.floor(seconds / 60), s = seconds % 60;
      value.textContent = m + ":" + (s < 10 ? "0" : "") + s;
      el.dataset.state = seconds <= 60 ? "low" : "";
      if (seconds === 0) {
        var f = document.getElementById("quiz-form");
        if (f && !closed) {
          var action = document.createElement("input");
          action.type = "hidden"; action.name = "action"; action.value = "submit";
          f.appendChild(action);
          setTimeout(function () { f.submit(); }, 1500);
        }
        return;
      }
      setTimeout(tick, 1000);
    }
    tick();
  }
})();
