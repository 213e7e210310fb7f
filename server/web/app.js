// onrecord's page: plain JavaScript, no build step, no third-party code.
// Every piece of text from the server is set with textContent, never as HTML.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const views = ["extract", "record", "speakers", "speaker", "article"];
  const ROLES = ["content", "cue", "source"]; // later roles win where spans overlap
  const ROLE_NAMES = { source: "Source (who)", cue: "Cue (attributing words)", content: "Content (what was said)" };

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null) continue;
      if (k === "class") e.className = v;
      else if (k === "text") e.textContent = v;
      else e.setAttribute(k, v);
    }
    for (const c of children) {
      if (c !== null && c !== undefined) e.append(c);
    }
    return e;
  }

  function setStatus(msg, isError) {
    const s = $("status");
    s.textContent = msg || "";
    s.classList.toggle("error", !!isError);
    s.setAttribute("role", isError ? "alert" : "status");
  }

  // api fetches JSON and throws the server's {"error"} message on failure.
  async function api(path, init) {
    let res;
    try {
      res = await fetch(path, init);
    } catch (e) {
      throw new Error("The server could not be reached: " + e.message);
    }
    let body = null;
    try {
      body = await res.json();
    } catch (e) {
      body = null;
    }
    if (!res.ok) {
      throw new Error((body && body.error) || res.status + " " + res.statusText);
    }
    return body;
  }

  function speakerName(q) {
    return q.speaker && q.speaker.name ? q.speaker.name : null;
  }

  function speakerLink(name) {
    return el("a", { href: "#/speaker/" + encodeURIComponent(name), text: name });
  }

  // parts lists the [start, end) code-point ranges of a span of the API.
  function parts(span) {
    if (!span) return [];
    return span.parts && span.parts.length ? span.parts : [[span.start, span.end]];
  }

  // highlight renders text with the sources, cues and contents of quotes
  // marked, and the speaker's name before each content. Offsets are code
  // points, so the text is split into code points first.
  function highlight(text, quotes) {
    const cps = Array.from(text);
    const n = cps.length;
    const role = new Int8Array(n).fill(-1);
    const owner = new Int32Array(n).fill(-1);
    const firstOf = new Map(); // code point → quote whose content starts there
    quotes.forEach((q, i) => {
      ROLES.forEach((r, ri) => {
        for (const [s, e] of parts(q[r])) {
          for (let k = Math.max(0, s); k < Math.min(n, e); k++) {
            if (ri >= role[k]) {
              role[k] = ri;
              owner[k] = i;
            }
          }
        }
      });
      const c = parts(q.content);
      if (c.length && c[0][0] >= 0 && c[0][0] < n && !firstOf.has(c[0][0])) firstOf.set(c[0][0], i);
    });
    const root = el("div", { class: "article" });
    let k = 0;
    while (k < n) {
      if (firstOf.has(k)) {
        const i = firstOf.get(k);
        const name = speakerName(quotes[i]);
        root.append(el("span", { class: "who", "data-q": String(i), title: "Quote " + (i + 1), text: name || "unknown speaker" }));
      }
      let j = k + 1;
      while (j < n && role[j] === role[k] && owner[j] === owner[k] && !firstOf.has(j)) j++;
      const s = cps.slice(k, j).join("");
      if (role[k] < 0) {
        root.append(s);
      } else {
        const r = ROLES[role[k]];
        root.append(el("mark", { class: r, "data-q": String(owner[k]), title: ROLE_NAMES[r] + ", quote " + (owner[k] + 1), text: s }));
      }
      k = j;
    }
    return root;
  }

  function legend() {
    return el("ul", { class: "legend", "aria-label": "Legend" },
      ...["source", "cue", "content"].map((r) => el("li", {}, el("mark", { class: r, text: r[0].toUpperCase() + r.slice(1) }),
        el("span", { text: ROLE_NAMES[r].replace(/^\w+ /, "") }))),
      el("li", {}, el("span", { class: "who", text: "Speaker" }), el("span", { text: "who it is" })));
  }

  // quoteCard describes quote i of the article rendered in art.
  function quoteCard(q, i, art) {
    const name = speakerName(q);
    const go = el("button", { type: "button", text: "Show in text" });
    go.addEventListener("click", () => {
      const marks = art.querySelectorAll('mark[data-q="' + i + '"]');
      if (!marks.length) return;
      marks[0].scrollIntoView({ behavior: "smooth", block: "center" });
      marks.forEach((m) => m.classList.add("flash"));
      setTimeout(() => marks.forEach((m) => m.classList.remove("flash")), 1600);
    });
    return el("li", { class: "quote-card", "data-q": String(i) },
      el("div", {}, el("span", { class: "speaker" }, name ? speakerLink(name) : "unknown speaker"), " ",
        el("span", { class: "kind", text: q.kind })),
      el("q", { text: q.content ? q.content.text : "" }),
      el("div", { class: "meta" },
        q.source ? "Source: “" + q.source.text + "”" : "No source named",
        q.cue ? " · cue: “" + q.cue.text + "”" : "", " · ", go));
  }

  // showDocument renders a document of the API (with its text) into target
  // and returns a one-line summary.
  function showDocument(target, text, doc) {
    target.replaceChildren();
    const quotes = doc.quotes || [];
    const n = quotes.length;
    const summary = n === 0 ? "No quotes found." : n === 1 ? "1 quote found." : n + " quotes found.";
    const line = summary + (doc.date ? " Published " + doc.date + "." : "");
    const art = highlight(text, quotes);
    const list = el("aside", { class: "quotes", "aria-label": "Quotes" }, el("h2", { text: "Quotes" }),
      n ? el("ol", { class: "quote-list" }, ...quotes.map((q, i) => quoteCard(q, i, art))) : el("p", { class: "empty", text: "No quotes found." }));
    const main = el("div", {}, el("p", { class: "meta", text: line }), legend(), art);
    target.append(el("div", { class: "result" }, main, list));
    target.hidden = false;
    return line;
  }

  // Extract view.
  let lastName = "";
  $("file").addEventListener("change", () => {
    const f = $("file").files[0];
    if (!f) return;
    const r = new FileReader();
    r.onload = () => {
      $("text").value = r.result;
      lastName = f.name.replace(/\.txt$/i, "");
      setStatus("Loaded " + f.name + ".");
    };
    r.onerror = () => setStatus("Could not read " + f.name + ".", true);
    r.readAsText(f);
  });
  $("text").addEventListener("input", () => { lastName = ""; });

  $("extract-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const text = $("text").value;
    if (!text.trim()) {
      setStatus("Paste an article first.", true);
      $("text").focus();
      return;
    }
    const body = { id: lastName || "pasted", text: text };
    if ($("date").value) body.date = $("date").value;
    const btn = $("extract-submit");
    btn.disabled = true;
    setStatus("Reading the article…");
    try {
      const doc = await api("/v1/extract", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      setStatus(showDocument($("extract-result"), text, doc));
    } catch (e) {
      setStatus(e.message, true);
    } finally {
      btn.disabled = false;
    }
  });

  // Record view.
  let nextCursor = "";
  let lastQuery = null;
  let searchSeq = 0; // only the latest search may fill the list

  function hitItem(h) {
    const name = h.speaker && h.speaker.name;
    return el("li", { class: "hit" },
      el("q", { text: h.content }),
      el("div", { class: "meta" },
        el("span", {}, name ? speakerLink(name) : "unknown speaker"),
        h.date ? el("time", { datetime: h.date, text: h.date }) : null,
        el("span", { class: "kind", text: h.kind }),
        h.articles > 1 ? el("span", { text: "reported by " + h.articles + " articles" }) : null,
        el("a", { href: "#/article/" + encodeURIComponent(h.article_id), text: "read in " + h.article_id })));
  }

  async function search(params, append) {
    const p = new URLSearchParams(params);
    if (append && nextCursor) p.set("cursor", nextCursor);
    const seq = ++searchSeq;
    setStatus("Searching…");
    try {
      const res = await api("/v1/quotes?" + p.toString());
      if (seq !== searchSeq) return;
      if (!append) $("hits").replaceChildren();
      $("hits").dataset.query = params;
      res.quotes.forEach((h) => $("hits").append(hitItem(h)));
      nextCursor = res.next || "";
      $("more").hidden = !nextCursor;
      const shown = $("hits").children.length;
      setStatus(shown === 0 ? "No quotes match." : shown + (nextCursor ? "+" : "") + (shown === 1 ? " quote." : " quotes."));
    } catch (e) {
      if (seq === searchSeq) setStatus(e.message, true);
    }
  }

  $("search-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const p = new URLSearchParams();
    for (const name of ["q", "speaker", "kind", "since", "until"]) {
      const v = $("search-form").elements[name].value.trim();
      if (v) p.set(name, v);
    }
    const h = "#/record" + (p.toString() ? "?" + p.toString() : "");
    if (location.hash === h) route();
    else location.hash = h;
  });
  $("more").addEventListener("click", () => search(lastQuery, true));

  // Speakers.
  async function showSpeakers() {
    setStatus("Loading speakers…");
    try {
      const res = await api("/v1/speakers?top=200");
      const ol = $("speakers");
      ol.replaceChildren(...res.speakers.map((s) => el("li", {},
        el("span", {}, speakerLink(s.name), " ", el("span", { class: "kind", text: s.type })),
        el("span", { class: "count", text: s.quotes + (s.quotes === 1 ? " quote" : " quotes") + " in " + s.articles + (s.articles === 1 ? " article" : " articles") }))));
      setStatus(res.speakers.length ? "" : "The record has no speakers yet.");
    } catch (e) {
      setStatus(e.message, true);
    }
  }

  // A speaker's quotes grouped by date, newest first.
  async function showSpeaker(name) {
    $("h-speaker").textContent = name;
    $("speaker-meta").textContent = "";
    $("timeline").replaceChildren();
    setStatus("Loading quotes…");
    try {
      const res = await api("/v1/quotes?" + new URLSearchParams({ speaker: name, limit: "500" }).toString());
      // speaker= matches name words ("Clinton" is every Clinton): this
      // page is one speaker's.
      res.quotes = res.quotes.filter((h) => speakerName(h) === name);
      const groups = new Map();
      for (const h of res.quotes) {
        const d = h.date || "undated";
        if (!groups.has(d)) groups.set(d, []);
        groups.get(d).push(h);
      }
      const dates = Array.from(groups.keys()).sort((a, b) => (a === "undated" ? 1 : b === "undated" ? -1 : b.localeCompare(a)));
      for (const d of dates) {
        $("timeline").append(el("h2", {}, d === "undated" ? "Undated" : el("time", { datetime: d, text: d })),
          el("ol", {}, ...groups.get(d).map(hitItem)));
      }
      const n = res.quotes.length;
      $("speaker-meta").textContent = n === 0 ? "No quotes in the record." :
        n + (res.next ? "+" : "") + (n === 1 ? " quote" : " quotes") + " on " + groups.size + (groups.size === 1 ? " day." : " days.");
      setStatus("");
    } catch (e) {
      setStatus(e.message, true);
    }
  }

  async function showArticle(id) {
    $("h-article").textContent = id;
    $("article-result").replaceChildren();
    setStatus("Loading the article…");
    try {
      const doc = await api("/v1/articles/" + encodeURIComponent(id));
      showDocument($("article-result"), doc.text || "", doc);
      setStatus("");
    } catch (e) {
      setStatus(e.message, true);
    }
  }

  // Routing on the URL fragment, so every view has a link and the server
  // serves a single page.
  function show(view) {
    for (const v of views) $("view-" + v).hidden = v !== view;
    const nav = view === "speaker" ? "speakers" : view === "article" ? "record" : view;
    document.querySelectorAll("nav a").forEach((a) => {
      if (a.dataset.nav === nav) a.setAttribute("aria-current", "page");
      else a.removeAttribute("aria-current");
    });
  }

  function route() {
    const h = location.hash.replace(/^#\/?/, "");
    const [path, qs] = h.split("?");
    const seg = path.split("/");
    setStatus("");
    switch (seg[0]) {
      case "record": {
        show("record");
        const p = new URLSearchParams(qs || "");
        for (const name of ["q", "speaker", "kind", "since", "until"]) $("search-form").elements[name].value = p.get(name) || "";
        lastQuery = p.toString();
        nextCursor = "";
        search(lastQuery, false);
        break;
      }
      case "speakers":
        show("speakers");
        showSpeakers();
        break;
      case "speaker":
        show("speaker");
        showSpeaker(decodeURIComponent(seg.slice(1).join("/")));
        break;
      case "article":
        show("article");
        showArticle(decodeURIComponent(seg.slice(1).join("/")));
        break;
      default:
        show("extract");
    }
  }

  window.addEventListener("hashchange", route);
  route();
})();
