/* Sigap lesson heartbeat: progressive enhancement of the lesson page.
 *
 * While the page is open and visible, a tiny POST every few seconds (the form
 * #lesson-heartbeat says where and how often) lets the server count active time.
 * It carries only the CSRF token: the server counts by its own clock, at most one
 * interval a beat. A beat lost on a weak connection is simply not counted; no
 * beat is queued behind one still on its way. Without this file the lesson page
 * works the same, without active time.
 */
(function () {
  "use strict";
  var form = document.getElementById("lesson-heartbeat");
  if (!form || !window.fetch || !window.FormData) { return; }
  var seconds = parseInt(form.dataset.seconds, 10);
  if (!(seconds > 0)) { seconds = 30; }
  var inFlight = false;
  var stopped = false;
  var timer = null;

  function beat() {
    if (stopped || inFlight || document.visibilityState !== "visible") { return; }
    inFlight = true;
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      keepalive: true
    }).then(function (response) {
      // Signed out, or no longer this learner's lesson: stop asking.
      if (response.status === 403 || response.status === 404) {
        stopped = true;
        window.clearInterval(timer);
      }
    }).catch(function () {
      // Offline or timed out: the next beat tries again.
    }).then(function () {
      inFlight = false;
    });
  }

  timer = window.setInterval(beat, seconds * 1000);
}());
