// htmx enhances the portal's plain forms (every page also works without JavaScript).
import htmx from 'htmx.org';
window.htmx = htmx;

// The CSRF token of the page goes with every htmx request too.
document.addEventListener('htmx:configRequest', (event) => {
  const token = document.querySelector('input[name="csrf-token"]');
  if (token) event.detail.headers['X-CSRF-TOKEN'] = token.value;
});

// Upload: drop a file on the form, and see its progress.
document.addEventListener('htmx:load', (event) => {
  event.detail.elt.querySelectorAll('.drop').forEach((zone) => {
    const input = zone.querySelector('input[type=file]');
    zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
    zone.addEventListener('dragleave', () => zone.classList.remove('over'));
    zone.addEventListener('drop', (e) => { e.preventDefault(); zone.classList.remove('over'); input.files = e.dataTransfer.files; });
  });
});
htmx.on('htmx:xhr:progress', (event) => {
  const bar = document.getElementById('upload-progress');
  if (bar && event.detail.lengthComputable) { bar.hidden = false; bar.value = (event.detail.loaded / event.detail.total) * 100; }
});

// The language switch keeps what the officer typed: the page's fields are kept for the reload
// in the other language (this tab only, read back once and removed).
const KEPT = 'registry-lang-fields';
const fields = () => document.querySelectorAll('main input[type=text], main textarea, main select');
document.addEventListener('submit', (event) => {
  if (event.target.matches('form[action="/portal/language"]')) {
    const values = {};
    fields().forEach((f) => { if (f.id && f.value) values[f.id] = f.value; });
    sessionStorage.setItem(KEPT, JSON.stringify({ page: location.pathname + location.search, values }));
  }
}, true);
document.addEventListener('htmx:load', () => {
  const kept = JSON.parse(sessionStorage.getItem(KEPT) || 'null');
  if (!kept || kept.page !== location.pathname + location.search) return;
  sessionStorage.removeItem(KEPT);
  Object.entries(kept.values).forEach(([id, value]) => { const f = document.getElementById(id); if (f && !f.value) f.value = value; });
});

// "Select all" of a page: a checkbox that checks or clears the boxes its data-select-all names.
document.addEventListener('change', (event) => {
  const selector = event.target.dataset && event.target.dataset.selectAll;
  if (selector) document.querySelectorAll(selector).forEach((box) => { box.checked = event.target.checked; });
});
