/* Sigap question form: show only the fields of the chosen question type.
 *
 * Each panel that only some types use carries data-question-types="single ..."
 * (courses/quizzes/models/questions.py). When the type select changes, the
 * panels of other types are hidden; their values stay in the form and the
 * server judges the question as before (content_problems). Without this file
 * every field stays visible.
 */
(function () {
  "use strict";
  function apply(select) {
    var type = select.value;
    var panels = document.querySelectorAll("[data-question-types]");
    for (var i = 0; i < panels.length; i++) {
      var types = panels[i].getAttribute("data-question-types").split(" ");
      panels[i].hidden = types.indexOf(type) === -1;
    }
  }
  function init() {
    var select = document.querySelector('form select[name="type"]');
    if (!select) { return; }
    apply(select);
    select.addEventListener("change", function () { apply(select); });
    // Choices added with "Add" arrive later: hide their fields the same way.
    if (window.MutationObserver) {
      new MutationObserver(function () { apply(select); }).observe(
        document.body, { childList: true, subtree: true }
      );
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
