// Next to each date-and-time input, the server writes the time zone its moment
// is read in (the institute's). When the editor's computer keeps another zone,
// say so beside it, so that "09:00" is never read in the wrong one.
(function () {
  "use strict";
  function annotate() {
    var own;
    try {
      own = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (error) {
      return;
    }
    document.querySelectorAll("span.time-zone[data-time-zone]").forEach(function (note) {
      if (!own || own === note.dataset.timeZone || note.dataset.annotated) {
        return;
      }
      note.dataset.annotated = "1";
      var extra = document.createElement("span");
      extra.className = "time-zone-own";
      extra.textContent = " (" + note.dataset.ownLabel.replace("%(zone)s", own) + ")";
      note.appendChild(extra);
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", annotate);
  } else {
    annotate();
  }
})();
