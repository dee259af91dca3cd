/* Explainer, for readers (no library, nothing fetched from elsewhere):
   1. Search on demand: the theme's search worker and its index (the site's every word) load
      when the reader opens the search, not with every page. Loaded before the theme's
      bundle, this holds back the index request and the worker until then.
   2. Citations in place: tapping or clicking a citation number shows its source (outlet,
      title, date, link) beside it, without leaving the reader's place; Escape or a tap
      elsewhere closes it. Without this script the number still links to the Sources list. */
(function () {
  "use strict";

  /* ---------------------------------------------------------------- search on demand */
  var wanted = false;
  var waiting = [];
  var INDEX = /\/search\/search_index\.json(?:[?#]|$)/;
  var WORKER = /\/workers\/search\.[\w.]+\.js(?:[?#]|$)/;

  function want() {
    if (wanted) return;
    wanted = true;
    waiting.splice(0).forEach(function (run) { run(); });
  }
  function later(run) {
    if (wanted) run(); else waiting.push(run);
  }

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.xpLater = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (!request.xpLater) return send.apply(request, args);
    later(function () { send.apply(request, args); });
  };

  var RealWorker = window.Worker;
  if (RealWorker) {
    window.Worker = function (url, options) {
      if (!WORKER.test(String(url))) return new RealWorker(url, options);
      var real = null, queue = [], listeners = [];
      later(function () {
        real = new RealWorker(url, options);
        listeners.forEach(function (l) { real.addEventListener(l[0], l[1], l[2]); });
        queue.splice(0).forEach(function (message) { real.postMessage(message); });
      });
      return {
        postMessage: function (message) { if (real) real.postMessage(message); else queue.push(message); },
        addEventListener: function (type, fn, opts) {
          if (real) real.addEventListener(type, fn, opts); else listeners.push([type, fn, opts]);
        },
        removeEventListener: function (type, fn, opts) {
          if (real) real.removeEventListener(type, fn, opts);
          listeners = listeners.filter(function (l) { return l[0] !== type || l[1] !== fn; });
        },
        terminate: function () { if (real) real.terminate(); }
      };
    };
  }

  function inSearch(target) {
    return target && target.closest && target.closest(".md-search, label[for='__search']");
  }
  document.addEventListener("focusin", function (e) { if (inSearch(e.target)) want(); }, true);
  document.addEventListener("pointerdown", function (e) { if (inSearch(e.target)) want(); }, true);
  document.addEventListener("change", function (e) {
    if (e.target && e.target.id === "__search" && e.target.checked) want();
  }, true);

  /* ---------------------------------------------------------------- citations in place */
  var pop = null;
  var from = null;

  function close(refocus) {
    if (!pop) return;
    pop.remove();
    pop = null;
    if (from) {
      from.setAttribute("aria-expanded", "false");
      if (refocus) from.focus();
    }
  }

  function show(ref, note) {
    from = ref;
    pop = document.createElement("div");
    pop.className = "xp-pop md-typeset";
    pop.id = "xp-pop";
    pop.setAttribute("role", "dialog");
    pop.setAttribute("aria-label", "Source " + ref.textContent.trim());
    var head = document.createElement("div");
    head.className = "xp-pop__head";
    var title = document.createElement("span");
    title.textContent = "Source " + ref.textContent.trim();
    var shut = document.createElement("button");
    shut.type = "button";
    shut.textContent = "Close";
    shut.addEventListener("click", function () { close(true); });
    head.appendChild(title);
    head.appendChild(shut);
    pop.appendChild(head);
    var body = note.cloneNode(true);
    body.removeAttribute("id");
    body.querySelectorAll(".footnote-backref").forEach(function (a) { a.remove(); });
    body.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id"); });
    while (body.firstChild) pop.appendChild(body.firstChild);
    var all = document.createElement("a");
    all.className = "xp-pop__all";
    all.href = ref.getAttribute("href");
    all.textContent = "See it in the Sources list";
    all.addEventListener("click", function () { close(false); });
    pop.appendChild(all);
    document.body.appendChild(pop);
    var box = ref.getBoundingClientRect();
    var width = pop.offsetWidth;
    var left = Math.min(Math.max(8, box.left + window.scrollX - 16), window.scrollX + document.documentElement.clientWidth - width - 8);
    pop.style.left = left + "px";
    pop.style.top = (box.bottom + window.scrollY + 6) + "px";
    ref.setAttribute("aria-expanded", "true");
    ref.setAttribute("aria-controls", "xp-pop");
    shut.focus({ preventScroll: true });
  }

  document.addEventListener("click", function (e) {
    var ref = e.target.closest && e.target.closest("a.footnote-ref");
    if (!ref) {
      if (pop && !pop.contains(e.target)) close(false);
      return;
    }
    var note = document.getElementById(decodeURIComponent(ref.hash.slice(1)));
    if (!note) return;
    e.preventDefault();
    var again = pop && from === ref;
    close(false);
    if (!again) show(ref, note);
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && pop) close(true);
  });
})();
