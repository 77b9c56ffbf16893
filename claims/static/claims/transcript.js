/* The transcript page: map a text selection to source offsets, and open claims from highlights.
 *
 * Every span.seg carries data-start/data-end: offsets into Interview.source_text as Python str
 * indices (code points). JS strings count UTF-16 units, so inside a span the unit offset is
 * converted to code points (seed 001 has emoji outside the Basic Multilingual Plane).
 */
(function () {
  "use strict";

  function codePoints(text) {
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) i++;
      }
      n++;
    }
    return n;
  }

  function init() {
    const root = document.getElementById("transcript");
    if (!root) return;
    const source = Array.from(JSON.parse(document.getElementById("claims-source-text").textContent));
    const segs = Array.from(root.querySelectorAll("span.seg"));
    const panel = document.getElementById("claims-selection");
    const claimUrl = (id) => root.dataset.claimUrl.replace("/0/", "/" + id + "/");

    // A boundary point (node, offset) as a source offset; `edge` says which way to go when the
    // point lies outside any span (in a turn label, between turns): to the next span's start for
    // the start of a selection, to the previous span's end for its end.
    function toOffset(node, offset, edge) {
      const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
      const seg = el && el.closest("span.seg");
      if (seg && root.contains(seg)) {
        const start = Number(seg.dataset.start), end = Number(seg.dataset.end);
        if (node.nodeType === Node.TEXT_NODE) {
          return Math.min(end, start + codePoints(node.data.slice(0, offset)));
        }
        return offset === 0 ? start : end;
      }
      const point = document.createRange();
      point.setStart(node, offset);
      if (edge === "start") {
        const next = segs.find((s) => point.comparePoint(s, 0) >= 0);
        return next ? Number(next.dataset.start) : source.length;
      }
      let previous = null;
      for (const s of segs) {
        if (point.comparePoint(s, s.childNodes.length) <= 0) previous = s; else break;
      }
      return previous ? Number(previous.dataset.end) : 0;
    }

    function segAt(offset) {
      return segs.find((s) => Number(s.dataset.start) <= offset && offset < Number(s.dataset.end));
    }

    function currentSelection() {
      const selection = window.getSelection();
      if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
      const range = selection.getRangeAt(0);
      if (!root.contains(range.commonAncestorContainer) && range.commonAncestorContainer !== root) return null;
      let start = toOffset(range.startContainer, range.startOffset, "start");
      let end = toOffset(range.endContainer, range.endOffset, "end");
      // Whitespace at either end is never part of a quote.
      while (start < end && /\s/u.test(source[start])) start++;
      while (end > start && /\s/u.test(source[end - 1])) end--;
      if (start >= end) return null;
      const turn = segAt(start) && segAt(start).closest(".claims-turn");
      return {
        start, end,
        quote: source.slice(start, end).join(""),
        speaker: turn ? turn.dataset.speaker : "",
        speakerName: turn ? turn.dataset.speakerName : "",
      };
    }

    // Working in the panel (the speaker list, its button) may collapse the text selection; the panel
    // then keeps the selection it shows.
    let inPanel = false;
    document.addEventListener("mousedown", (event) => { inPanel = panel.contains(event.target); }, true);
    document.addEventListener("focusin", (event) => { inPanel = panel.contains(event.target); });

    function showSelection() {
      const picked = currentSelection();
      if (!picked) { if (!inPanel) panel.hidden = true; return; }
      panel.hidden = false;
      panel.dataset.start = picked.start;
      panel.dataset.end = picked.end;
      document.getElementById("claims-selection-range").textContent = picked.start + "–" + picked.end;
      document.getElementById("claims-selection-speaker").textContent = picked.speakerName || "speaker unknown";
      const shown = picked.quote.length > 400 ? picked.quote.slice(0, 400) + "…" : picked.quote;
      document.getElementById("claims-selection-quote").textContent = shown;
      const create = document.getElementById("claims-selection-create");
      if (create) {
        const params = new URLSearchParams({
          interview: root.dataset.interview,
          start_char: picked.start, end_char: picked.end, quote: picked.quote, _transcript: "1",
        });
        if (picked.speaker) params.set("speaker", picked.speaker);
        create.href = root.dataset.addUrl + "?" + params.toString();
      }
      const speakerForm = document.getElementById("claims-speaker-form");
      if (speakerForm) {
        speakerForm.elements.start_char.value = picked.start;
        speakerForm.elements.end_char.value = picked.end;
        // offer the other participant first: a correction names someone other than the turn's speaker
        const select = speakerForm.elements.speaker;
        const other = Array.from(select.options).find((o) => o.value !== picked.speaker);
        if (other && select.value === picked.speaker) select.value = other.value;
      }
    }

    document.addEventListener("selectionchange", showSelection);

    root.addEventListener("click", (event) => {
      const seg = event.target.closest("span.seg.hl");
      const selection = window.getSelection();
      if (seg && (!selection || selection.isCollapsed)) {
        window.location.href = claimUrl(seg.dataset.claim);
      }
    });

    function mark(id, on) {
      segs.forEach((s) => {
        if ((s.dataset.claims || "").split(" ").includes(String(id))) s.classList.toggle("claims-focus", on);
      });
    }
    document.querySelectorAll(".claims-side-list li[data-claim]").forEach((li) => {
      li.addEventListener("mouseenter", () => mark(li.dataset.claim, true));
      li.addEventListener("mouseleave", () => mark(li.dataset.claim, false));
    });
    function focusHash() {
      const match = /^#claim-(\d+)$/.exec(window.location.hash);
      segs.forEach((s) => s.classList.remove("claims-focus"));
      if (match) mark(match[1], true);
    }
    window.addEventListener("hashchange", focusHash);
    focusHash();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
