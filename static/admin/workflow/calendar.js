// The editorial calendar: move a scheduled item to another day by dragging it
// (mouse) or with a "Move" button and the arrow keys (keyboard). Either way the
// item's own "Reschedule" form is filled in with the new day (the time of day is
// kept) and submitted: without this script, that form does the same job.
(function () {
  "use strict";

  function cellFor(date) {
    return document.querySelector('.calendar-month td[data-date="' + date + '"]');
  }

  function submitMove(item, date) {
    var form = item.querySelector("form.calendar-move-form");
    var input = form && form.querySelector('input[type="datetime-local"]');
    if (!input || !date) {
      return;
    }
    input.value = date + "T" + item.dataset.time;
    form.submit();
  }

  function shift(date, days) {
    var parts = date.split("-").map(Number);
    var moved = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2] + days));
    return moved.toISOString().slice(0, 10);
  }

  function init() {
    var calendar = document.querySelector(".calendar-month");
    var announce = document.querySelector(".calendar-announce");
    if (!calendar) {
      return;
    }
    var dragged = null;

    function say(message) {
      if (announce) {
        announce.textContent = message;
      }
    }

    function mark(cell) {
      calendar.querySelectorAll("td.is-target").forEach(function (td) {
        td.classList.remove("is-target");
      });
      if (cell) {
        cell.classList.add("is-target");
      }
    }

    calendar.querySelectorAll('.calendar-item[draggable="true"]').forEach(function (item) {
      item.addEventListener("dragstart", function (event) {
        dragged = item;
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", item.querySelector("a").textContent);
      });
      item.addEventListener("dragend", function () {
        dragged = null;
        mark(null);
      });

      // The keyboard's way: a button picks the item up, arrows choose the day.
      var button = document.createElement("button");
      button.type = "button";
      button.className = "calendar-pick";
      button.textContent = item.closest("table").dataset.moveLabel || "Move";
      button.setAttribute("aria-pressed", "false");
      item.insertBefore(button, item.querySelector("details"));
      var target = null;

      function cancel(message) {
        target = null;
        item.classList.remove("is-picked");
        button.setAttribute("aria-pressed", "false");
        mark(null);
        if (message) {
          say(message);
        }
      }

      button.addEventListener("click", function () {
        if (target) {
          var date = target;
          cancel();
          submitMove(item, date);
          return;
        }
        target = item.closest("td").dataset.date;
        item.classList.add("is-picked");
        button.setAttribute("aria-pressed", "true");
        mark(cellFor(target));
        say(announce.dataset.picked.replace("%(title)s", item.querySelector("a").textContent));
      });
      button.addEventListener("keydown", function (event) {
        if (!target) {
          return;
        }
        var steps = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };
        if (document.documentElement.dir === "rtl") {
          steps.ArrowLeft = 1;
          steps.ArrowRight = -1;
        }
        if (event.key in steps) {
          event.preventDefault();
          var next = shift(target, steps[event.key]);
          if (cellFor(next)) {
            target = next;
            mark(cellFor(next));
            say(next);
          }
        } else if (event.key === "Escape") {
          event.preventDefault();
          cancel(announce.dataset.cancelled);
        } else if (event.key === "Enter") {
          event.preventDefault();
          var date = target;
          cancel();
          submitMove(item, date);
        }
      });
    });

    calendar.querySelectorAll("td[data-date]").forEach(function (cell) {
      cell.addEventListener("dragover", function (event) {
        if (dragged) {
          event.preventDefault();
          event.dataTransfer.dropEffect = "move";
          mark(cell);
        }
      });
      cell.addEventListener("drop", function (event) {
        if (!dragged) {
          return;
        }
        event.preventDefault();
        var item = dragged;
        dragged = null;
        mark(null);
        if (cell !== item.closest("td")) {
          submitMove(item, cell.dataset.date);
        }
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
