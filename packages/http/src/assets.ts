/**
 * @module http/assets
 * The page's own stylesheet and script, served as files so the Content-Security-Policy can
 * forbid every inline script and style. The script only enhances: it shows copy buttons,
 * writes the next update in the viewer's own zone, and refreshes the incidents when the desk
 * changes (it polls a small revision counter every second).
 */

/** The stylesheet: one column on a phone, readable widths on a desktop, no horizontal scroll. */
export const PAGE_CSS = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#f6f6f4}
header,main{max-width:64rem;margin:0 auto;padding:0 1rem}
header h1{margin:1rem 0 .25rem;font-size:1.5rem}
.incident{background:#fff;border:1px solid #c8c8c8;border-radius:8px;padding:1rem;margin:1rem 0;overflow-wrap:anywhere}
.incident.open{border-left:6px solid #a4000f}
.incident h2{margin:0 0 .5rem;font-size:1.35rem}
.badges{margin:0 0 .5rem}
.badge{display:inline-block;border:1px solid #555;border-radius:4px;padding:0 .4rem;margin-right:.3rem;font-weight:600}
.badge.sev{background:#a4000f;color:#fff;border-color:#a4000f}
.facts{display:grid;grid-template-columns:1fr;gap:.1rem 1rem;margin:0}
.facts dt{font-weight:700}
.facts dd{margin:0 0 .4rem}
@media (min-width:48rem){.facts{grid-template-columns:14rem 1fr}}
.next{background:#fff4ce;border-radius:6px;padding:.5rem .75rem}
.meta,.subject,.reason{color:#444}
.wording{border-top:1px solid #ddd;padding-top:.5rem;margin-top:.5rem}
.wording h4{margin:0}
pre{white-space:pre-wrap;overflow-wrap:anywhere;font:inherit;background:#f2f2f2;border-radius:6px;padding:.5rem;margin:.25rem 0}
button.copy{font:inherit;padding:.4rem .9rem;border-radius:6px;border:1px solid #0b4f9c;background:#0b4f9c;color:#fff;cursor:pointer;min-height:44px}
button.copy:focus-visible,pre:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}
.sales li[data-action=reschedule] strong:first-child{color:#a4000f}
.jump{display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:0 0 .75rem}
.jump a{color:#0b4f9c;padding:.5rem 0;min-height:44px}
.live{position:absolute;left:-9999px}
.calm{font-size:1.2rem}
`;

/** The page script (no inline code anywhere; the CSP allows only this file). */
export const PAGE_JS = `
(function () {
  'use strict';
  var live = document.querySelector('[data-live]');
  function say(words) { if (live) live.textContent = words; }
  function enhance(root) {
    root.querySelectorAll('button[data-copy]').forEach(function (b) { b.hidden = false; });
    root.querySelectorAll('[data-local-time]').forEach(function (el) {
      var when = new Date(el.getAttribute('data-local-time'));
      if (isNaN(when.getTime())) return;
      var words = when.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
      el.textContent = '(your time: ' + words + ')';
      el.hidden = false;
    });
  }
  function fallbackCopy(text) {
    var area = document.createElement('textarea');
    area.value = text; area.setAttribute('readonly', ''); area.className = 'live';
    document.body.appendChild(area); area.select();
    try { document.execCommand('copy'); } finally { area.remove(); }
  }
  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('button[data-copy]');
    if (!button) return;
    var source = document.getElementById(button.getAttribute('data-copy'));
    if (!source) return;
    var text = source.textContent;
    var done = function () { button.textContent = 'Copied'; say('Copied to the clipboard.'); };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text); done(); });
    } else { fallbackCopy(text); done(); }
  });
  function refresh(main) {
    return fetch(location.href, { cache: 'no-store', credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.text() : ''; })
      .then(function (page) {
        if (!page) return;
        var next = new DOMParser().parseFromString(page, 'text/html').getElementById('incidents');
        if (!next) return;
        main.innerHTML = next.innerHTML;
        main.setAttribute('data-revision', next.getAttribute('data-revision'));
        enhance(main);
        say('Updated with the latest approved version.');
      });
  }
  function poll() {
    var main = document.getElementById('incidents');
    if (!main) return;
    fetch(main.getAttribute('data-revision-url'), { cache: 'no-store', credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : undefined; })
      .then(function (body) {
        if (body && String(body.revision) !== main.getAttribute('data-revision')) return refresh(main);
      })
      .catch(function () {})
      .then(function () { setTimeout(poll, 1000); });
  }
  enhance(document);
  setTimeout(poll, 1000);
})();
`;
