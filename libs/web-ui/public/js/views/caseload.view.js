import { query } from '../api.js';
import { h, replace } from '../dom.js';
import { formatDate, formatInstant, label, t } from '../i18n.js';
import { field, readValues, today } from '../form-kit.js';
import { PROGRAMMES, STAGES } from '../vocabulary.js';
import { loadFailure } from './view-kit.js';

const PAGE_SIZE = 25;
const FILTERS = [
  { name: 'q', type: 'search', labelKey: 'field.q', bare: true },
  { name: 'stage', type: 'select', options: STAGES, group: 'stage', emptyLabelKey: 'app.any', bare: true },
  { name: 'regionCode', type: 'text', labelKey: 'caseload.col.region', placeholder: '32.16.01', inputmode: 'decimal', bare: true },
  { name: 'programme', type: 'select', options: PROGRAMMES, group: 'programme', emptyLabelKey: 'app.any', bare: true },
  { name: 'caseworkerId', type: 'text', labelKey: 'caseload.caseworker', bare: true },
];

const cell = (key, ...content) => h('td', { 'data-label': t(key) }, ...content);

function row(item) {
  const name = item.fullName ?? t('app.erased');
  const overdue = item.nextFollowUpOn && item.nextFollowUpOn < today();
  return h('tr', {},
    h('th', { scope: 'row', 'data-label': t('caseload.col.name') }, h('a', { href: `#/kasus/${item.id}`, class: item.fullName ? undefined : 'muted', text: name })),
    cell('caseload.col.stage', h('span', { class: `badge stage-${item.stage}`, text: label('stage', item.stage) })),
    cell('caseload.col.region', item.regionCode ?? item.kecamatanCode),
    cell('caseload.col.programme', label('programme', item.programme)),
    cell('caseload.col.caseworker', item.caseworkerId ?? t('app.none')),
    cell('caseload.col.followUp', h('span', { class: overdue ? 'overdue' : undefined, text: formatDate(item.nextFollowUpOn) })),
    cell('caseload.col.lastEvent', formatInstant(item.lastEventAt)),
  );
}

/** Daftar kasus: filters live in the address (#/kasus?stage=trained), so Back keeps them. */
export async function caseloadView(root, { params, user, navigate }) {
  const defs = FILTERS.map((d) => ({ ...d, value: params[d.name] }));
  const filterForm = h('form', { class: 'card filters', role: 'search', 'aria-label': t('caseload.filters'), novalidate: true },
    h('div', { class: 'fields' }, defs.map(field)),
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', text: t('caseload.apply') }),
      h('button', { type: 'button', class: 'secondary', text: t('caseload.mine'), onclick: () => navigate(`#/kasus?caseworkerId=${encodeURIComponent(user.sub)}`) }),
      h('button', { type: 'button', class: 'link', text: t('caseload.reset'), onclick: () => navigate('#/kasus') }),
    ),
  );
  filterForm.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(`#/kasus?${new URLSearchParams(readValues(filterForm, defs))}`);
  });

  const count = h('p', { class: 'count', role: 'status', 'aria-live': 'polite' });
  const tbody = h('tbody');
  const table = h('table', { class: 'caseload' },
    h('caption', { class: 'visually-hidden', text: t('caseload.title') }),
    h('thead', {}, h('tr', {}, ['name', 'stage', 'region', 'programme', 'caseworker', 'followUp', 'lastEvent'].map((c) => h('th', { scope: 'col', text: t(`caseload.col.${c}`) })))),
    tbody,
  );
  const more = h('button', { type: 'button', class: 'secondary more', hidden: true, text: t('caseload.more') });
  const problemSlot = h('div');
  root.append(h('h1', { tabindex: '-1', text: t('caseload.title') }), filterForm, problemSlot, count, h('div', { class: 'table-wrap' }, table), more);

  const filter = Object.fromEntries(FILTERS.map((d) => [d.name, params[d.name]]));
  let shown = 0;
  const load = async (cursor) => {
    more.disabled = true;
    try {
      const page = (await query('/v1/entrepreneurs', { ...filter, limit: PAGE_SIZE, cursor })).body;
      tbody.append(...page.items.map(row));
      shown += page.items.length;
      count.textContent = shown === 0 ? t('caseload.empty') : t('caseload.count', { count: shown });
      more.hidden = !page.nextCursor;
      more.onclick = () => load(page.nextCursor);
    } catch (e) {
      replace(problemSlot, loadFailure(e));
    } finally {
      more.disabled = false;
    }
  };
  count.textContent = t('app.loading');
  await load(undefined);
}
