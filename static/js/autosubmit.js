// A form marked data-autosubmit is posted as soon as the page loads (the LTI
// deep linking answer going back to the platform); without JavaScript its
// button does the same.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosubmit]");
  if (form) {
    form.submit();
  }
})();
