import { ApiProblem } from '../api.js';
import { h, uid } from '../dom.js';
import { field, problemText, readValues } from '../form-kit.js';
import { t } from '../i18n.js';

/** A query that failed, as an alert: the problem's detail, or the offline text. */
export function loadFailure(error) {
  if (!(error instanceof ApiProblem)) return h('div', { class: 'alert', role: 'alert' }, h('p', { text: t('form.offline') }));
  const text = error.status === 403 && !error.detail ? t('error.forbidden') : problemText(error);
  return h('div', { class: 'alert', role: 'alert' }, h('p', { text }));
}

/** Why a case takes no new facts (the API's requireProcessable): erased for good, or restricted (ADR 0010); null when it does. */
export function caseMarker(person) {
  if (person.personalDataErased) return t('app.erased');
  return person.processingRestricted ? t('app.restricted') : null;
}

/** A case the API still records facts on: neither erased nor restricted. */
export const openToFacts = (person) => caseMarker(person) === null;

/** The name a person is shown by, or why there is none (held back from this reader while restricted). */
export function personName(person) {
  return person.fullName || (caseMarker(person) ?? t('app.erased'));
}

/** `datetime-local` wants local `YYYY-MM-DDTHH:mm`; the API wants an ISO instant. */
function toLocalInput(iso) {
  const d = new Date(iso);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * "Lihat per tanggal" on a page folded from a stream (a case, a kelompok): goes to `route` with
 * `?asOf=` (the instant picked, in the browser's time zone), and back to `route` for now.
 */
export function asOfPicker(route, asOf, navigate) {
  const input = h('input', { id: 'as-of', type: 'datetime-local', value: asOf ? toLocalInput(asOf) : undefined });
  const form = h('form', { class: 'as-of', novalidate: true },
    h('label', { for: 'as-of', text: t('case.asOfField') }),
    input,
    h('button', { type: 'submit', class: 'secondary', text: t('case.asOfShow') }),
    asOf ? h('button', { type: 'button', class: 'link', text: t('case.asOfNow'), onclick: () => navigate(route) }) : null,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (input.value) navigate(`${route}?asOf=${encodeURIComponent(new Date(input.value).toISOString())}`);
  });
  return h('details', { class: 'card', open: Boolean(asOf) }, h('summary', { text: t('case.asOf') }), form);
}

/**
 * A card whose content opens on demand under a real heading, the WAI-ARIA disclosure pattern:
 * `<h2><button aria-expanded>` rather than a heading inside `<summary>`, which some screen
 * readers leave out of the page's list of headings. `load` fills `body` when it opens empty.
 */
export function disclosureCard({ className, title, intro, body, load }) {
  const panelId = uid('disclosure');
  const panel = h('div', { id: panelId, class: 'disclosure-panel', hidden: true }, intro ? h('p', { class: 'hint', text: intro }) : null, body);
  const button = h('button', { type: 'button', class: 'disclosure', 'aria-expanded': 'false', 'aria-controls': panelId, text: title });
  const isOpen = () => button.getAttribute('aria-expanded') === 'true';
  button.addEventListener('click', () => {
    const open = !isOpen();
    button.setAttribute('aria-expanded', String(open));
    panel.hidden = !open;
    if (open && body.childElementCount === 0) load();
  });
  return { element: h('section', { class: `card ${className}` }, h('h2', { class: 'disclosure-heading' }, button), panel), isOpen };
}

/** A definition list of label/value pairs; values are shown as text. */
export function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.map(([key, value]) => [h('dt', { text: t(key) }), h('dd', { text: value ?? t('app.none') })]));
}

/** The values of a list's filters as the address holds them, to pass on to the API. */
export function filterValues(defs, params) {
  return Object.fromEntries(defs.map((d) => [d.name, params[d.name]]));
}

/**
 * The filter form of a list page. Its values live in the address (`#/kasus?stage=trained`), so
 * Back keeps them: "Terapkan" goes to `route` with them, "Hapus saringan" to `route` alone.
 * `actions` are more buttons, placed between the two.
 */
export function filterForm({ route, defs, params, navigate, actions = [] }) {
  const filled = defs.map((d) => ({ ...d, value: params[d.name] }));
  const form = h('form', { class: 'card filters', role: 'search', 'aria-label': t('caseload.filters'), novalidate: true },
    h('div', { class: 'fields' }, filled.map(field)),
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', text: t('caseload.apply') }),
      actions,
      h('button', { type: 'button', class: 'link', text: t('caseload.reset'), onclick: () => navigate(route) }),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(`${route}?${new URLSearchParams(readValues(form, filled))}`);
  });
  return form;
}
