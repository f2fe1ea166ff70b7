// The rich-text editor's own extensions (core.richtext.EDITOR_EXTENSIONS):
// internal links and document links chosen from the site (stored by reference,
// data-ref="kind:pk"), notes with back-links, library figures (data-image),
// embeds from the allowed hosts, and the writing aids (word count, reading
// time, the leave-page warning, the autosave of the draft).
//
// Every text shown comes from the extension's options, translated by Django
// (core.richtext.editor_extensions), so the editor speaks the admin's language.
import {
  Extension,
  Link as BaseLink,
  ListItem as BaseListItem,
  Node,
  OrderedList as BaseOrderedList,
  mergeAttributes,
} from "django-prose-editor/editor"

const attribute = (name) => ({
  default: null,
  parseHTML: (element) => element.getAttribute(name),
  renderHTML: (attrs) => (attrs[name] ? { [name]: attrs[name] } : {}),
})

const text = (options, key, values = {}) =>
  (options.texts?.[key] || key).replace(/%\((\w+)\)s/g, (_, name) => values[name] ?? "")

// A small dialog: a search box and the records that match, as buttons.
function choose(editor, options, kinds, onChoose) {
  const dialog = document.createElement("dialog")
  dialog.className = "tt-chooser"
  dialog.setAttribute("aria-label", text(options, "choose"))
  const label = document.createElement("label")
  label.textContent = text(options, "search")
  const input = document.createElement("input")
  input.type = "search"
  input.autocomplete = "off"
  label.append(input)
  const list = document.createElement("ul")
  list.setAttribute("role", "listbox")
  const cancel = document.createElement("button")
  cancel.type = "button"
  cancel.textContent = text(options, "cancel")
  cancel.addEventListener("click", () => dialog.close())
  dialog.append(label, list, cancel)
  document.body.append(dialog)
  dialog.addEventListener("close", () => dialog.remove())

  let asked = 0
  const search = async () => {
    const query = new URLSearchParams({ q: input.value })
    for (const kind of kinds) query.append("kind", kind)
    const mine = ++asked
    const answer = await fetch(`${options.chooserUrl}?${query}`, {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
    if (mine !== asked || !answer.ok) return
    const { results } = await answer.json()
    list.replaceChildren(
      ...results.map((result) => {
        const item = document.createElement("li")
        const button = document.createElement("button")
        button.type = "button"
        button.dataset.ref = result.ref
        button.textContent = `${text(options, result.kind)}: ${result.label}`
        button.addEventListener("click", () => {
          dialog.close()
          onChoose(result)
        })
        item.append(button)
        return item
      }),
    )
    if (!results.length) {
      const item = document.createElement("li")
      item.textContent = text(options, "nothing")
      list.append(item)
    }
  }
  let timer
  input.addEventListener("input", () => {
    clearTimeout(timer)
    timer = setTimeout(search, 200)
  })
  dialog.showModal()
  search()
}

// A figure or an embed goes after the block that is selected (a figure just
// inserted stays selected): inserting over a selected node would replace it.
function insertBlock(editor, content) {
  const { selection } = editor.state
  const chain = editor.chain().focus()
  if (selection.node) chain.insertContentAt(selection.to, content)
  else chain.insertContent(content)
  chain.run()
}

// Links: the package's, plus what internal links and notes carry.
export const Link = BaseLink.extend({
  addOptions() {
    return { ...this.parent?.(), texts: {}, chooserUrl: "" }
  },
  addAttributes() {
    return {
      ...this.parent?.(),
      "data-ref": attribute("data-ref"),
      id: attribute("id"),
      role: attribute("role"),
    }
  },
  parseHTML() {
    return [...(this.parent?.() || []), { tag: "a[data-ref]" }]
  },
})

export const OrderedList = BaseOrderedList.extend({
  addAttributes() {
    return { ...this.parent?.(), role: attribute("role") }
  },
})

export const ListItem = BaseListItem.extend({
  addAttributes() {
    return { ...this.parent?.(), id: attribute("id") }
  },
})

// Internal links: a record of the site, chosen by searching.
export const InternalLink = Extension.create({
  name: "InternalLink",
  addOptions: () => ({ texts: {}, chooserUrl: "", kinds: [] }),
  addMenuItems({ buttons, menu }) {
    const options = this.options
    menu.defineItem({
      name: "internalLink",
      groups: "link",
      button: buttons.material("link", text(options, "internal link")),
      command(editor) {
        choose(editor, options, options.kinds, (result) => {
          const chain = editor.chain().focus()
          if (editor.state.selection.empty) {
            chain.insertContent({
              type: "text",
              text: result.label,
              marks: [{ type: "link", attrs: { "data-ref": result.ref } }],
            })
          } else {
            chain.extendMarkRange("link").setMark("link", { href: null, "data-ref": result.ref })
          }
          chain.run()
        })
      },
      active: (editor) => !!editor.getAttributes("link")["data-ref"],
    })
  },
})

// Notes: a numbered reference here, its text in the list of notes at the end.
export const Notes = Extension.create({
  name: "Notes",
  addOptions: () => ({ texts: {} }),
  addMenuItems({ buttons, menu }) {
    const options = this.options
    menu.defineItem({
      name: "note",
      groups: "nodes",
      button: buttons.material("format_list_numbered_rtl", text(options, "note")),
      command(editor) {
        const note = window.prompt(text(options, "note text"))
        if (!note) return
        let count = 0
        let list = null
        editor.state.doc.descendants((node, pos) => {
          if (node.type.name === "orderedList" && node.attrs.role === "doc-endnotes") {
            list = { node, pos }
            count = node.childCount
          }
        })
        const n = count + 1
        const { from } = editor.state.selection
        const item = {
          type: "listItem",
          attrs: { id: `fn${n}` },
          content: [
            {
              type: "paragraph",
              content: [
                { type: "text", text: `${note} ` },
                {
                  type: "text",
                  text: "↩",
                  marks: [{ type: "link", attrs: { href: `#fnref${n}`, role: "doc-backlink" } }],
                },
              ],
            },
          ],
        }
        const chain = editor.chain().focus()
        if (list) {
          chain.insertContentAt(list.pos + list.node.nodeSize - 1, item)
        } else {
          chain.insertContentAt(editor.state.doc.content.size, {
            type: "orderedList",
            attrs: { role: "doc-endnotes" },
            content: [item],
          })
        }
        chain
          .insertContentAt(from, {
            type: "text",
            text: String(n),
            marks: [
              { type: "superscript" },
              { type: "link", attrs: { href: `#fn${n}`, id: `fnref${n}`, role: "doc-noteref" } },
            ],
          })
          .run()
      },
    })
  },
})

// How a figure or an embed shows in the editor: a box naming it. An address
// is isolated (<bdi dir=ltr>) so that right-to-left text does not reorder it.
function placeholder(className, label, detail = "", address = "") {
  const dom = document.createElement("div")
  dom.className = `tt-placeholder ${className}`
  dom.contentEditable = "false"
  const name = document.createElement("strong")
  name.textContent = label
  const what = document.createElement("span")
  what.className = "tt-placeholder__detail"
  what.dir = "auto"
  what.textContent = detail
  dom.append(name, " ", what)
  if (address) {
    const where = document.createElement("bdi")
    where.dir = "ltr"
    where.className = "tt-placeholder__address"
    where.textContent = address
    dom.append(" ", where)
  }
  return dom
}

// The library's label of an image (its title), asked once per image.
const imageLabels = new Map()
function imageLabel(options, pk) {
  if (!imageLabels.has(pk)) {
    const query = new URLSearchParams({ kind: "image", q: pk })
    imageLabels.set(
      pk,
      fetch(`${options.chooserUrl}?${query}`, {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      })
        .then((answer) => (answer.ok ? answer.json() : { results: [] }))
        .then(({ results }) => results.find((r) => r.ref === `image:${pk}`)?.label || "")
        .catch(() => ""),
    )
  }
  return imageLabels.get(pk)
}

// Figures: a library image, drawn on the page from its renditions.
export const LibraryFigure = Node.create({
  name: "libraryFigure",
  group: "block",
  atom: true,
  draggable: true,
  addOptions: () => ({ texts: {}, chooserUrl: "" }),
  addAttributes: () => ({
    "data-image": attribute("data-image"),
    "data-alt": attribute("data-alt"),
    "data-caption": attribute("data-caption"),
  }),
  parseHTML: () => [{ tag: "figure[data-image]" }],
  renderHTML: ({ HTMLAttributes }) => ["figure", mergeAttributes(HTMLAttributes)],
  addNodeView() {
    return ({ node }) => {
      const pk = node.attrs["data-image"]
      const dom = placeholder("tt-figure", text(this.options, "figure"), `#${pk}`)
      dom.dataset.image = pk
      const detail = dom.querySelector(".tt-placeholder__detail")
      imageLabel(this.options, pk).then((label) => {
        const alt = node.attrs["data-alt"]
        detail.textContent = [label || `#${pk}`, alt && `(${alt})`].filter(Boolean).join(" ")
      })
      return { dom }
    }
  },
  addMenuItems({ buttons, menu }) {
    const options = this.options
    menu.defineItem({
      name: "libraryFigure",
      groups: "nodes",
      button: buttons.material("image", text(options, "figure")),
      command(editor) {
        choose(editor, options, ["image"], (result) => {
          const alt = window.prompt(text(options, "alt override"), "")
          insertBlock(editor, {
            type: "libraryFigure",
            attrs: { "data-image": result.ref.split(":")[1], "data-alt": alt || null },
          })
        })
      },
    })
  },
})

// Embeds: a page of an allowed host in a frame (sandboxed on the site).
export const Embed = Node.create({
  name: "embed",
  group: "block",
  atom: true,
  draggable: true,
  addOptions: () => ({ texts: {}, hosts: [] }),
  addAttributes: () => ({ src: attribute("src"), title: attribute("title") }),
  parseHTML: () => [{ tag: "iframe[src]" }],
  renderHTML: ({ HTMLAttributes }) => ["iframe", mergeAttributes(HTMLAttributes)],
  addNodeView() {
    return ({ node }) => ({
      dom: placeholder("tt-embed", text(this.options, "embed"), node.attrs.title, node.attrs.src),
    })
  },
  addMenuItems({ buttons, menu }) {
    const options = this.options
    menu.defineItem({
      name: "embed",
      groups: "nodes",
      button: buttons.material("insert_chart", text(options, "embed")),
      command(editor) {
        const src = window.prompt(text(options, "embed address", { hosts: options.hosts.join(", ") }))
        if (!src) return
        let host = ""
        try {
          const url = new URL(src)
          host = url.protocol === "https:" ? url.hostname : ""
        } catch {}
        if (!options.hosts.includes(host)) {
          window.alert(text(options, "embed refused", { hosts: options.hosts.join(", ") }))
          return
        }
        const title = window.prompt(text(options, "embed title"))
        if (!title) return
        insertBlock(editor, { type: "embed", attrs: { src, title } })
      },
    })
  },
})

// Word count and reading time, the leave-page warning, the autosave.
const forms = new WeakMap()

function watchForm(form, options) {
  if (forms.has(form)) return forms.get(form)
  const state = { dirty: false, saving: false, submitting: false }
  forms.set(form, state)
  form.addEventListener("input", () => {
    state.dirty = true
    state.autosaveDirty = true
  })
  form.addEventListener("submit", () => {
    state.submitting = true
  })
  window.addEventListener("beforeunload", (event) => {
    if (state.dirty && !state.submitting) {
      event.preventDefault()
      event.returnValue = ""
    }
  })
  // An existing record's change page saves its draft at ./autosave/.
  const autosaveUrl = /\/\d+\/change\/$/.test(location.pathname)
    ? location.pathname.replace(/change\/$/, "autosave/")
    : ""
  if (autosaveUrl && options.autosaveSeconds > 0) {
    const status = document.createElement("p")
    status.className = "tt-autosave"
    status.setAttribute("role", "status")
    form.prepend(status)
    setInterval(async () => {
      if (!state.autosaveDirty || state.saving || state.submitting) return
      state.saving = true
      state.autosaveDirty = false
      try {
        const answer = await fetch(autosaveUrl, {
          method: "POST",
          body: new FormData(form),
          credentials: "same-origin",
          headers: { Accept: "application/json" },
        })
        status.textContent = answer.ok
          ? (await answer.json()).message
          : text(options, "autosave failed")
        if (!answer.ok) state.autosaveDirty = true
      } catch {
        status.textContent = text(options, "autosave failed")
        state.autosaveDirty = true
      } finally {
        state.saving = false
      }
    }, options.autosaveSeconds * 1000)
  }
  return state
}

const WORDS_PER_MINUTE = 200

export const WritingAids = Extension.create({
  name: "WritingAids",
  addOptions: () => ({ texts: {}, autosaveSeconds: 0 }),
  onCreate() {
    const element = this.editor.options.element
    const textarea = element.closest(".prose-editor")?.querySelector("textarea") ||
      element.parentElement?.querySelector("textarea")
    const count = document.createElement("p")
    count.className = "tt-wordcount help"
    count.setAttribute("aria-live", "polite")
    ;(element.closest(".prose-editor") || element).after(count)
    this.storage.count = count
    this.storage.form = textarea?.form || element.closest("form")
    if (this.storage.form) this.storage.state = watchForm(this.storage.form, this.options)
    this.storage.show = () => {
      const words = this.editor.getText().split(/\s+/).filter(Boolean).length
      count.textContent = text(this.options, "words", {
        words,
        minutes: Math.max(1, Math.round(words / WORDS_PER_MINUTE)),
      })
    }
    this.storage.show()
  },
  onUpdate({ transaction }) {
    this.storage.show?.()
    if (transaction?.docChanged !== false && this.storage.state) {
      this.storage.state.dirty = true
      this.storage.state.autosaveDirty = true
    }
  },
  addStorage: () => ({}),
})
