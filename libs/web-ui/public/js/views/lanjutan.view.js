import { h } from '../dom.js';
import { formatDate, t } from '../i18n.js';
import { pagedList } from './paged-list.js';
import { filterForm, filterValues } from './view-kit.js';

const PAGE_SIZE = 25;
const FILTERS = [{ name: 'regionCode', type: 'text', labelKey: 'caseload.col.region', placeholder: '32.16.01', inputmode: 'decimal', bare: true }];
const COLUMNS = [
  ['name', 'caseload.col.name'],
  ['region', 'caseload.col.region'],
  ['caseworker', 'caseload.col.caseworker'],
  ['visits', 'lanjutan.col.visits'],
  ['workers', 'lanjutan.col.workers'],
  ['latestVisit', 'lanjutan.col.latestVisit'],
];
const LABEL = Object.fromEntries(COLUMNS);
const NUMERIC = new Set(['visits', 'workers']);
const numeric = (column) => (NUMERIC.has(column) ? 'num' : undefined);

const cell = (column, text) => h('td', { 'data-label': t(LABEL[column]), class: numeric(column), text });

function row(item) {
  return h('tr', {},
    h('th', { scope: 'row', 'data-label': t(LABEL.name) },
      h('a', { href: `#/kasus/${item.id}`, class: item.fullName ? undefined : 'muted', text: item.fullName ?? t('app.erased') })),
    cell('region', item.kecamatanCode),
    cell('caseworker', item.caseworkerId ?? t('app.none')),
    cell('visits', String(item.visitsCounted)),
    cell('workers', item.latestWorkersTotal ?? t('app.none')),
    cell('latestVisit', formatDate(item.latestVisitOn)),
  );
}

/**
 * Siap Lanjutan: the people who meet the TKM Lanjutan rule today (the rule the graduation command
 * checks), paged; each opens the case, where the graduation is recorded. The region filter lives
 * in the address (#/lanjutan?regionCode=32.16.01), so Back keeps it.
 */
export async function lanjutanView(root, { params, navigate }) {
  const tbody = h('tbody');
  const table = h('table', { class: 'phone-cards lanjutan' },
    h('caption', { class: 'visually-hidden', text: t('lanjutan.title') }),
    h('thead', {}, h('tr', {}, COLUMNS.map(([column, key]) => h('th', { scope: 'col', class: numeric(column), text: t(key) })))),
    tbody,
  );
  const list = pagedList({
    path: '/v1/reports/lanjutan-eligibility',
    params: { ...filterValues(FILTERS, params), limit: PAGE_SIZE },
    into: tbody,
    row,
    countKey: 'lanjutan.count',
    emptyKey: 'lanjutan.empty',
  });
  root.append(
    h('h1', { tabindex: '-1', text: t('lanjutan.title') }),
    h('p', { text: t('lanjutan.intro') }),
    filterForm({ route: '#/lanjutan', defs: FILTERS, params, navigate }),
    list.problem, list.count, h('div', { class: 'table-wrap' }, table), list.more,
  );
  await list.loaded;
}
