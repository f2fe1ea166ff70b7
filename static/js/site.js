/*
 * thinktank: the public site's one script. Every page works without it; it
 * only makes the menus and the copy-link button behave as a reader expects.
 *
 * - The phone menu (components/site_header.html): its checkbox and label give
 *   way to a button with aria-expanded.
 * - Menus (the phone menu, the Issues and Regions drop-downs): one open at a
 *   time; Escape closes the open one and returns focus to its control; a click
 *   outside closes it.
 * - Copy link (components/share_links.html): copies the page's address.
 */
(function () {
  "use strict";

  var header = document.querySelector("[data-site-header]");
  var button = header && header.querySelector(".site-menu__button");
  var state = header && header.querySelector(".site-menu__state");
  var menu = header && document.getElementById("site-menu");

  function dropDowns() {
    return Array.prototype.slice.call(document.querySelectorAll(".term-menu details"));
  }

  function siteMenuOpen() {
    return Boolean(header && header.classList.contains("site-header--open"));
  }

  function setSiteMenu(open) {
    if (!button) {
      return;
    }
    header.classList.toggle("site-header--open", open);
    button.setAttribute("aria-expanded", open ? "true" : "false");
    if (!open) {
      dropDowns().forEach(function (details) {
        details.open = false;
      });
    }
  }

  if (button && state && menu) {
    // The checkbox may come back checked from the back/forward cache.
    var wasOpen = state.checked;
    state.checked = false;
    header.classList.add("site-header--js");
    button.hidden = false;
    setSiteMenu(wasOpen);
    button.addEventListener("click", function () {
      setSiteMenu(!siteMenuOpen());
    });
  }

  // One drop-down open at a time.
  dropDowns().forEach(function (details) {
    details.addEventListener("toggle", function () {
      if (!details.open) {
        return;
      }
      dropDowns().forEach(function (other) {
        if (other !== details) {
          other.open = false;
        }
      });
    });
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      return;
    }
    var open = dropDowns().filter(function (details) {
      return details.open;
    });
    if (open.length) {
      open.forEach(function (details) {
        details.open = false;
      });
      open[0].querySelector("summary").focus();
      event.preventDefault();
    } else if (siteMenuOpen()) {
      setSiteMenu(false);
      button.focus();
      event.preventDefault();
    }
  });

  document.addEventListener("click", function (event) {
    dropDowns().forEach(function (details) {
      if (details.open && !details.contains(event.target)) {
        details.open = false;
      }
    });
    if (siteMenuOpen() && !menu.contains(event.target) && !button.contains(event.target)) {
      setSiteMenu(false);
    }
  });

  // Copy link: the button replaces the plain link once the script runs.
  Array.prototype.slice.call(document.querySelectorAll("[data-copy-link]")).forEach(function (box) {
    var link = box.querySelector(".share__permalink");
    var copy = box.querySelector(".share__copy");
    var status = box.querySelector(".share__status");
    if (!link || !copy || !status) {
      return;
    }
    var url = link.getAttribute("href");

    function copied() {
      status.textContent = copy.getAttribute("data-copied");
    }

    function byHand() {
      var field = document.createElement("textarea");
      field.value = url;
      field.setAttribute("readonly", "");
      field.className = "visually-hidden";
      document.body.appendChild(field);
      field.select();
      var done = false;
      try {
        done = document.execCommand("copy");
      } catch (error) {
        done = false;
      }
      document.body.removeChild(field);
      if (done) {
        copied();
      } else {
        status.textContent = url;
      }
    }

    link.hidden = true;
    copy.hidden = false;
    copy.addEventListener("click", function () {
      status.textContent = "";
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url).then(copied, byHand);
      } else {
        byHand();
      }
    });
  });
})();
