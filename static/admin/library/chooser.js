/*
 * "Choose from the library" (library/widgets/upload_or_choose.html): a panel
 * listing the library (library.choosers), searched, filtered and paged in
 * place; choosing a record fills the raw-id input the form posts. Without
 * this script the raw-id input, its lookup and the upload field still work.
 */
(function () {
  "use strict";

  function panelUrl(base, fieldId, query) {
    var url = new URL(base, window.location.href);
    if (query) {
      url.search = query;
    }
    url.searchParams.set("field", fieldId);
    url.searchParams.set("panel", "1");
    return url.toString();
  }

  function open(chooser) {
    var input = document.getElementById(chooser.dataset.input);
    var dialog = document.createElement("dialog");
    dialog.className = "tt-chooser-dialog";
    var close = document.createElement("button");
    close.type = "button";
    close.className = "tt-chooser-dialog__close";
    close.textContent = "×";
    close.setAttribute("aria-label", chooser.dataset.closeLabel || "Close");
    var body = document.createElement("div");
    body.className = "tt-chooser-dialog__body";
    body.setAttribute("aria-live", "polite");
    dialog.append(close, body);
    document.body.append(dialog);

    function load(url) {
      body.setAttribute("aria-busy", "true");
      return fetch(url, { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) {
            throw new Error(response.status);
          }
          return response.text();
        })
        .then(function (html) {
          body.innerHTML = html;
          body.removeAttribute("aria-busy");
          var search = body.querySelector("input[type=search]");
          if (search && document.activeElement === document.body) {
            search.focus();
          }
        })
        .catch(function () {
          body.removeAttribute("aria-busy");
          body.textContent = "The library could not be loaded.";
        });
    }

    function choose(item) {
      input.value = item.dataset.pk;
      input.dispatchEvent(new Event("change", { bubbles: true }));
      var thumbnail = chooser.querySelector(".tt-chooser__thumbnail");
      if (item.dataset.thumbnail) {
        thumbnail.src = item.dataset.thumbnail;
        thumbnail.hidden = false;
      } else {
        thumbnail.hidden = true;
      }
      chooser.querySelector(".tt-chooser__title").textContent = item.dataset.title;
      var label = input.parentNode.querySelector("strong a, strong");
      if (label) {
        label.textContent = item.dataset.title;
      }
      dialog.close();
    }

    body.addEventListener("submit", function (event) {
      var form = event.target.closest("form");
      if (!form) {
        return;
      }
      event.preventDefault();
      var query = new URLSearchParams(new FormData(form)).toString();
      load(panelUrl(chooser.dataset.chooserUrl, input.id, query));
    });
    body.addEventListener("click", function (event) {
      var item = event.target.closest(".tt-chooser-item");
      if (item) {
        choose(item);
        return;
      }
      var link = event.target.closest(".tt-chooser-pages a");
      if (link) {
        event.preventDefault();
        var query = new URL(link.href, window.location.href).search;
        load(panelUrl(chooser.dataset.chooserUrl, input.id, query));
      }
    });
    close.addEventListener("click", function () {
      dialog.close();
    });
    dialog.addEventListener("close", function () {
      dialog.remove();
      chooser.querySelector(".tt-chooser__open").focus();
    });
    dialog.showModal();
    load(panelUrl(chooser.dataset.chooserUrl, input.id, ""));
  }

  function enhance(root) {
    root.querySelectorAll(".tt-chooser[hidden]").forEach(function (chooser) {
      chooser.hidden = false;
      chooser.querySelector(".tt-chooser__open").addEventListener("click", function () {
        open(chooser);
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      enhance(document);
    });
  } else {
    enhance(document);
  }
})();
