import { h } from '../dom.js';
import { formatDate, formatInstant, label, t } from '../i18n.js';
import { today } from '../form-kit.js';
import { PROGRAMMES, STAGES } from '../vocabulary.js';
import { pagedList } from './paged-list.js';
import { filterForm, filterValues, personName } from './view-kit.js';

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
  const overdue = item.nextFollowUpOn && item.nextFollowUpOn < today();
  return h('tr', {},
    h('th', { scope: 'row', 'data-label': t('caseload.col.name') }, h('a', { href: `#/kasus/${item.id}`, class: item.fullName ? undefined : 'muted', text: personName(item) })),
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
  const mine = h('button', { type: 'button', class: 'secondary', text: t('caseload.mine'), onclick: () => navigate(`#/kasus?caseworkerId=${encodeURIComponent(user.sub)}`) });
  const tbody = h('tbody');
  const table = h('table', { class: 'phone-cards caseload' },
    h('caption', { class: 'visually-hidden', text: t('caseload.title') }),
    h('thead', {}, h('tr', {}, ['name', 'stage', 'region', 'programme', 'caseworker', 'followUp', 'lastEvent'].map((c) => h('th', { scope: 'col', text: t(`caseload.col.${c}`) })))),
    tbody,
  );
  const list = pagedList({ path: '/v1/entrepreneurs', params: { ...filterValues(FILTERS, params), limit: PAGE_SIZE }, into: tbody, row, countKey: 'caseload.count', emptyKey: 'caseload.empty' });
  root.append(
    h('h1', { tabindex: '-1', text: t('caseload.title') }),
    filterForm({ route: '#/kasus', defs: FILTERS, params, navigate, actions: [mine] }),
    list.problem, list.count, h('div', { class: 'table-wrap' }, table), list.more,
  );
  await list.loaded;
}
