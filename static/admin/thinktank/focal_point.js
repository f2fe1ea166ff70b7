/*
 * Focal point picker for image fields (thinktank/uploads.py's widget).
 *
 * A click on the preview (or the arrow keys) sets the <field>_focus_x and
 * <field>_focus_y inputs, in per cent of the image's width and height; a new
 * file chosen in the input is previewed at once. No inline code and no
 * dependencies: it runs under the admin's Content Security Policy (the preview
 * of a chosen file is a data: URL, which img-src allows).
 */
"use strict";
(function () {
    function clamp(value) {
        return Math.max(0, Math.min(100, Math.round(value)));
    }

    function setUp(box) {
        const form = box.closest("form");
        if (!form) {
            return;
        }
        const inputX = form.querySelector('[name="' + box.dataset.focalX + '"]');
        const inputY = form.querySelector('[name="' + box.dataset.focalY + '"]');
        const file = form.querySelector('input[type="file"][name="' + box.dataset.focalFile + '"]');
        const frame = box.querySelector(".tt-focal__frame");
        const image = box.querySelector(".tt-focal__image");
        const marker = box.querySelector(".tt-focal__marker");
        if (!inputX || !inputY || !frame || !image || !marker) {
            return;
        }

        function show() {
            const x = clamp(Number(inputX.value) || 0);
            const y = clamp(Number(inputY.value) || 0);
            marker.style.left = x + "%";
            marker.style.top = y + "%";
            frame.setAttribute("aria-valuetext", x + "% × " + y + "%");
        }

        function set(x, y) {
            inputX.value = clamp(x);
            inputY.value = clamp(y);
            inputX.dispatchEvent(new Event("change", {bubbles: true}));
            inputY.dispatchEvent(new Event("change", {bubbles: true}));
            show();
        }

        image.addEventListener("click", function (event) {
            const rect = image.getBoundingClientRect();
            if (rect.width && rect.height) {
                set(
                    (event.clientX - rect.left) / rect.width * 100,
                    (event.clientY - rect.top) / rect.height * 100
                );
            }
        });
        frame.addEventListener("keydown", function (event) {
            const step = event.shiftKey ? 10 : 1;
            const moves = {ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step]};
            const move = moves[event.key];
            if (move) {
                event.preventDefault();
                set(Number(inputX.value) + move[0], Number(inputY.value) + move[1]);
            }
        });
        inputX.addEventListener("input", show);
        inputY.addEventListener("input", show);
        if (file) {
            file.addEventListener("change", function () {
                const chosen = file.files && file.files[0];
                if (!chosen || !chosen.type.startsWith("image/")) {
                    return;
                }
                const reader = new FileReader();
                reader.addEventListener("load", function () {
                    image.src = reader.result;
                    box.hidden = false;
                });
                reader.readAsDataURL(chosen);
            });
        }
        show();
    }

    function init() {
        document.querySelectorAll(".tt-focal").forEach(setUp);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
