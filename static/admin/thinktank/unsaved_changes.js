/*
 * Asks before leaving a change form whose edits are not saved. No
 * dependencies, no inline code: it runs under the site's Content Security
 * Policy.
 *
 * The form counts as edited once the editor changes a field: "input" and
 * "change" events bubble up to the form, the prose editor's included. A page
 * that came back with errors holds edits that were not saved yet. Submitting
 * the form (Save, or a workflow button, which saves the form first) leaves
 * without a question; any other way out (a link, another form such as
 * "Publish changes", closing the tab) asks first.
 */
"use strict";
(function () {
    function watch() {
        const form = document.querySelector("body.change-form #content-main form");
        if (!form) {
            return;
        }
        let edited = document.querySelector("#content-main .errornote") !== null;
        let submitting = false;

        function markEdited(event) {
            // Only the editor's own typing and clicks: scripts that fill in
            // fields as the page loads do not count.
            if (event.isTrusted) {
                edited = true;
            }
        }

        form.addEventListener("input", markEdited);
        form.addEventListener("change", markEdited);
        form.addEventListener("submit", function () {
            submitting = true;
        });
        window.addEventListener("pageshow", function () {
            // Back from the next page (the back-forward cache): not submitting any more.
            submitting = false;
        });
        window.addEventListener("beforeunload", function (event) {
            if (edited && !submitting) {
                event.preventDefault();
                event.returnValue = "";
            }
        });
    }

    // The admin loads this script in the page's head, before the form exists.
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", watch);
    } else {
        watch();
    }
})();
