/*
 * Presence on an admin change page: while the page is open it tells the
 * server so every few seconds (a heartbeat), and as it is left it says so
 * (a beacon), so that "Being edited by …" names only the people who have the
 * page open now. No dependencies, no inline code: it runs under the site's
 * Content Security Policy.
 *
 * The script element carries data-presence-url (the record's presence URL)
 * and data-presence-every (seconds between heartbeats); the change form's
 * CSRF token goes with each POST. Without JavaScript the page counts as open
 * from its load until the presence lapses (history.services.PRESENCE_SECONDS).
 */
"use strict";
(function () {
    const script = document.currentScript;
    const url = script.dataset.presenceUrl;
    const every = Number(script.dataset.presenceEvery) * 1000;
    let timer = null;

    function form(leave) {
        const data = new FormData();
        const token = document.querySelector("input[name=csrfmiddlewaretoken]");
        if (token) {
            data.append("csrfmiddlewaretoken", token.value);
        }
        if (leave) {
            data.append("leave", "1");
        }
        return data;
    }

    function stop() {
        if (timer !== null) {
            clearInterval(timer);
            timer = null;
        }
    }

    function beat() {
        fetch(url, {method: "POST", body: form(false), credentials: "same-origin"})
            .then(function (response) {
                if (response.status === 403 || response.status === 404) {
                    stop(); // signed out, or the record is gone: nothing to keep
                }
            })
            .catch(function () {
                // Offline for a moment: the next heartbeat tries again.
            });
    }

    // pageshow also fires when the page comes back from the back/forward cache.
    window.addEventListener("pageshow", function () {
        stop();
        beat();
        timer = setInterval(beat, every);
    });
    window.addEventListener("pagehide", function () {
        stop();
        navigator.sendBeacon(url, form(true));
    });
})();
