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
  if (config.standard === "scorm12" || config.standard === "scorm2004") {
    var settings = {
      autocommit: true,
      autocommitSeconds: 15,
      lmsCommitUrl: config.commitUrl,
      dataCommitFormat: "json",
      xhrHeaders: { "X-CSRFToken": config.csrfToken },
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
