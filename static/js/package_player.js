// The package player: for SCORM, the runtime (scorm-again, vendored from npm)
// as window.API (1.2) or window.API_1484_11 (2004) with the learner's saved
// data, committing to Sigap with the CSRF token; then the package is framed.
// A cmi5 AU needs nothing here: its launch URL carries the cmi5 parameters.
(function () {
  "use strict";
  var frame = document.getElementById("package-frame");
  var holder = document.getElementById("package-runtime");
  if (!frame || !holder) return;
  var config = JSON.parse(holder.textContent || "{}");

  // scorm-again's HTTP service, with one change: the commit made while the page
  // unloads goes by fetch(keepalive) with the CSRF header instead of
  // sendBeacon, which cannot carry it (Sigap would refuse that last commit).
  function SigapCommits(csrfToken) {
    this.csrfToken = csrfToken;
  }
  SigapCommits.prototype.updateSettings = function () {};
  SigapCommits.prototype.processHttpRequest = function (url, params, immediate) {
    var body = JSON.stringify(params);
    var headers = { "Content-Type": "application/json", "X-CSRFToken": this.csrfToken };
    if (immediate && window.fetch) {
      window.fetch(url, {
        method: "POST", keepalive: true, credentials: "same-origin",
        headers: headers, body: body
      });
      return { result: "true", errorCode: 0 };
    }
    try {
      var xhr = new XMLHttpRequest();
      xhr.open("POST", url, false);
      Object.keys(headers).forEach(function (name) {
        xhr.setRequestHeader(name, headers[name]);
      });
      xhr.send(body);
      var answer = JSON.parse(xhr.responseText || "{}");
      var ok = xhr.status >= 200 && xhr.status < 300 && answer.result === true;
      return { result: ok ? "true" : "false", errorCode: ok ? 0 : (answer.errorCode || 101) };
    } catch (e) {
      return { result: "false", errorCode: 101 };
    }
  };

  if (config.standard === "scorm12" || config.standard === "scorm2004") {
    var settings = {
      autocommit: true,
      autocommitSeconds: 15,
      lmsCommitUrl: config.commitUrl,
      dataCommitFormat: "json",
      xhrHeaders: { "X-CSRFToken": config.csrfToken },
      httpService: new SigapCommits(config.csrfToken),
      logLevel: "ERROR"
    };
    var api;
    if (config.standard === "scorm12") {
      api = new window.Scorm12API(settings);
      window.API = api;
    } else {
      api = new window.Scorm2004API(settings);
      window.API_1484_11 = api;
    }
    api.loadFromJSON(config.cmi || {}, "");
  }
  frame.src = frame.getAttribute("data-src");
})();
