/*
 * Language tabs for translated fields in the admin. No dependencies, no
 * inline code: it runs under the site's Content Security Policy.
 *
 * The server marks every per-language input with data-mt-field, data-mt-lang
 * and data-mt-lang-name (see thinktank/admin.py) and sets its lang and dir.
 * The inputs of one field in one form form a group: a tab bar goes before the
 * group and only the chosen language's row stays visible. Choosing a language
 * in one group switches every group, so an editor works through one language
 * at a time. A language with a validation error is marked on its tabs and is
 * the one shown first. Without JavaScript every language's row stays visible.
 */
"use strict";
(function () {
    const HIDDEN = "mt-hidden";
    const groups = [];
    let current = null;

    function localizedSuffix(lang) {
        return "_" + lang.replace(/-/g, "_");
    }

    function groupKey(input) {
        const suffix = localizedSuffix(input.dataset.mtLang);
        const name = input.name || input.id;
        return name.endsWith(suffix) ? name.slice(0, -suffix.length) : name;
    }

    function hasErrors(container) {
        return container.classList.contains("errors") || container.querySelector(".errorlist, .errors") !== null;
    }

    function show(lang) {
        current = lang;
        for (const group of groups) {
            if (!group.panels.some((panel) => panel.lang === lang)) {
                continue;
            }
            for (const panel of group.panels) {
                const selected = panel.lang === lang;
                panel.container.classList.toggle(HIDDEN, !selected);
                panel.tab.setAttribute("aria-selected", selected ? "true" : "false");
                panel.tab.tabIndex = selected ? 0 : -1;
            }
        }
    }

    function onKeydown(event, group, index) {
        const step = {ArrowRight: 1, ArrowLeft: -1}[event.key];
        if (!step) {
            return;
        }
        // In a right-to-left page the arrows point the other way.
        const rtl = getComputedStyle(group.bar).direction === "rtl";
        const count = group.panels.length;
        const next = group.panels[(index + (rtl ? -step : step) + count) % count];
        show(next.lang);
        next.tab.focus();
        event.preventDefault();
    }

    function buildGroup(key, inputs) {
        const group = {bar: document.createElement("div"), panels: []};
        group.bar.className = "mt-tabs";
        group.bar.setAttribute("role", "tablist");
        const idBase = "mt-" + key.replace(/[^\w-]/g, "-");
        inputs.forEach((input, index) => {
            const lang = input.dataset.mtLang;
            const container = input.closest(".fieldBox, .form-row");
            const tab = document.createElement("button");
            tab.type = "button";
            tab.className = "mt-tab";
            tab.id = idBase + "-tab-" + lang;
            tab.lang = lang;
            tab.dataset.mtLang = lang;
            tab.setAttribute("role", "tab");
            tab.textContent = input.dataset.mtLangName || lang;
            if (!container.id) {
                container.id = idBase + "-panel-" + lang;
            }
            container.setAttribute("role", "tabpanel");
            container.setAttribute("aria-labelledby", tab.id);
            tab.setAttribute("aria-controls", container.id);
            const error = hasErrors(container);
            tab.classList.toggle("mt-tab-error", error);
            tab.addEventListener("click", () => show(lang));
            tab.addEventListener("keydown", (event) => onKeydown(event, group, index));
            group.bar.append(tab);
            group.panels.push({lang, container, tab, error});
        });
        // Name the tab list after the field: its label without the "[en]" suffix.
        const label = group.panels[0].container.querySelector("label");
        if (label) {
            group.bar.setAttribute("aria-label", label.textContent.replace(/\s*\[[^\]]*\]\s*:?\s*$/, ""));
        }
        group.panels[0].container.before(group.bar);
        return group;
    }

    function init(root) {
        const byKey = new Map();
        for (const input of root.querySelectorAll("[data-mt-field][data-mt-lang]")) {
            const key = groupKey(input);
            // The empty form of an inline formset is a template; it is set up once copied.
            if (key.includes("__prefix__") || !input.closest(".fieldBox, .form-row")) {
                continue;
            }
            if (!byKey.has(key)) {
                byKey.set(key, []);
            }
            byKey.get(key).push(input);
        }
        const added = [];
        for (const [key, inputs] of byKey) {
            if (inputs.length > 1) {
                added.push(buildGroup(key, inputs));
            }
        }
        groups.push(...added);
        if (!added.length) {
            return;
        }
        if (current === null) {
            const firstError = groups.flatMap((group) => group.panels).find((panel) => panel.error);
            current = firstError ? firstError.lang : groups[0].panels[0].lang;
        }
        show(current);
    }

    // The prose editor replaces a textarea with a contenteditable element:
    // give that element the textarea's language and direction.
    function markEditor(textarea, element) {
        for (const name of ["lang", "dir"]) {
            if (textarea.hasAttribute(name)) {
                element.setAttribute(name, textarea.getAttribute(name));
            }
        }
    }

    document.addEventListener("prose-editor:ready", (event) => {
        const {editor, textarea} = event.detail;
        markEditor(textarea, editor.view.dom);
    });

    document.addEventListener("formset:added", (event) => init(event.target));

    function start() {
        init(document);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
