/*
 * Ordering by hand in the admin's inlines of ordered rows (an article's
 * authors and recommendations): each row gets "Move up" and "Move down"
 * buttons and a handle to drag it; moving a row renumbers the rows' "order"
 * inputs, which are what the form saves. Without this script the order
 * inputs are typed by hand, and the stored order is the same either way.
 *
 * A move is announced in a live region ("Jane Doe: position 2 of 3"), and
 * the focus stays on the button that was pressed. No dependencies, no inline
 * code: it runs under the site's Content Security Policy.
 */
"use strict";
(function () {
    // The words come from the page, in the editor's language (change_form.html).
    const words = document.querySelector("meta[name='tt-ordering']");
    const text = (key, fallback) =>
        (words && words.dataset[key]) || fallback;

    function setUp(group) {
        const tbody = group.querySelector("table tbody");
        if (!tbody) {
            return;
        }
        const live = document.createElement("div");
        live.className = "tt-ordering-status visually-hidden";
        live.setAttribute("aria-live", "polite");
        live.setAttribute("role", "status");
        group.appendChild(live);

        const rows = () =>
            Array.from(tbody.querySelectorAll("tr.form-row")).filter(
                (row) => !row.classList.contains("empty-form") && row.id
            );
        const orderInput = (row) => row.querySelector("input[name$='-order']");
        const chosen = (row) => {
            const select = row.querySelector("select");
            return select && select.value !== "";
        };
        const label = (row) => {
            const select = row.querySelector("select");
            const option = select && select.selectedOptions[0];
            return option ? option.textContent.trim() : "";
        };

        function renumber() {
            const filled = rows().filter(chosen);
            filled.forEach((row, index) => {
                const input = orderInput(row);
                if (input && input.value !== String(index)) {
                    input.value = String(index);
                    input.dispatchEvent(new Event("change", {bubbles: true}));
                }
            });
            return filled;
        }

        function announce(row) {
            const filled = rows().filter(chosen);
            const position = filled.indexOf(row) + 1;
            if (!position) {
                return;
            }
            const template = text(
                "position",
                "%(name)s: position %(position)s of %(count)s"
            );
            const values = {name: label(row), position: position, count: filled.length};
            live.textContent = template.replace(
                /%\((\w+)\)s/g,
                (match, name) => String(values[name])
            );
        }

        function move(row, step) {
            const all = rows();
            const index = all.indexOf(row);
            const target = all[index + step];
            if (!target) {
                return;
            }
            if (step < 0) {
                tbody.insertBefore(row, target);
            } else {
                tbody.insertBefore(row, target.nextSibling);
            }
            renumber();
            announce(row);
        }

        function button(name, arrow, step) {
            const b = document.createElement("button");
            b.type = "button";
            b.className = `tt-move tt-move-${step < 0 ? "up" : "down"}`;
            b.textContent = arrow;
            b.title = name;
            b.setAttribute("aria-label", name);
            b.addEventListener("click", (event) => {
                const row = event.currentTarget.closest("tr");
                move(row, step);
                event.currentTarget.focus();
            });
            return b;
        }

        let dragged = null;

        function decorate(row) {
            if (row.querySelector(".tt-ordering")) {
                return;
            }
            const cell = row.querySelector("td.field-order") || row.cells[1];
            if (!cell) {
                return;
            }
            const tools = document.createElement("span");
            tools.className = "tt-ordering";
            const handle = document.createElement("span");
            handle.className = "tt-drag-handle";
            handle.textContent = "⠿";
            handle.title = text("drag", "Drag to reorder");
            handle.setAttribute("aria-hidden", "true");
            tools.append(
                handle,
                button(text("up", "Move up"), "↑", -1),
                button(text("down", "Move down"), "↓", 1)
            );
            cell.appendChild(tools);
            row.draggable = true;
            row.addEventListener("dragstart", (event) => {
                dragged = row;
                row.classList.add("tt-dragging");
                event.dataTransfer.effectAllowed = "move";
                event.dataTransfer.setData("text/plain", row.id);
            });
            row.addEventListener("dragend", () => {
                row.classList.remove("tt-dragging");
                dragged = null;
            });
            row.addEventListener("dragover", (event) => {
                if (!dragged || dragged === row) {
                    return;
                }
                event.preventDefault();
                const box = row.getBoundingClientRect();
                const after = event.clientY > box.top + box.height / 2;
                tbody.insertBefore(dragged, after ? row.nextSibling : row);
            });
            row.addEventListener("drop", (event) => {
                event.preventDefault();
                if (dragged) {
                    renumber();
                    announce(dragged);
                }
            });
        }

        rows().forEach(decorate);
        // "Add another" makes rows later: decorate them as they come.
        new MutationObserver(() => rows().forEach(decorate)).observe(tbody, {
            childList: true,
        });
    }

    function start() {
        document.querySelectorAll(".inline-group .tt-ordered").forEach((module) =>
            setUp(module.closest(".inline-group"))
        );
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
