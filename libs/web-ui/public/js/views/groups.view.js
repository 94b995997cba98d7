import { h } from '../dom.js';
import { commandForm } from '../form-kit.js';
import { formatDate, formatRupiah, label, t } from '../i18n.js';
import { hasRole } from '../session.js';
import { PROGRAMMES } from '../vocabulary.js';
import { pagedList } from './paged-list.js';
import { filterForm, filterValues } from './view-kit.js';

const PAGE_SIZE = 25;
const FILTERS = [
  { name: 'regionCode', type: 'text', labelKey: 'groups.col.region', placeholder: '32.16.01', inputmode: 'decimal', bare: true },
  { name: 'programme', type: 'select', options: PROGRAMMES, group: 'programme', emptyLabelKey: 'app.any', bare: true },
];
const COLUMNS = ['name', 'region', 'businessType', 'programme', 'formedOn', 'members', 'grants'];

/** POST /v1/groups (api.md): programme defaults to TKM Pemula, formedOn to today. */
const FORM_GROUP = [
  { name: 'name', type: 'text', labelKey: 'group.name', maxlength: 200, required: true },
  { name: 'regionCode', type: 'text', hint: true, inputmode: 'decimal', placeholder: '32.16.01', required: true },
  { name: 'businessType', type: 'text', hint: true, maxlength: 200, required: true },
  { name: 'programme', type: 'select', options: PROGRAMMES, group: 'programme', value: 'TKM_PEMULA' },
  { name: 'formedOn', type: 'date', hint: true },
];

const cell = (key, ...content) => h('td', { 'data-label': t(key) }, ...content);

function row(g) {
  return h('tr', { dataset: { id: g.id } },
    h('th', { scope: 'row', 'data-label': t('groups.col.name') }, h('a', { href: `#/kelompok/${g.id}`, text: g.name })),
    cell('groups.col.region', g.regionCode),
    cell('groups.col.businessType', g.businessType),
    cell('groups.col.programme', label('programme', g.programme)),
    cell('groups.col.formedOn', formatDate(g.formedOn)),
    cell('groups.col.members', t('group.membersOf', { count: g.membersCount, max: g.maxMembers })),
    cell('groups.col.grants', g.grantsCount === 0 ? t('app.none') : t('groups.grants', { count: g.grantsCount, total: formatRupiah(g.grantTotal) })),
  );
}

function formGroupCard({ navigate, setFlash }) {
  return h('details', { class: 'card action', dataset: { action: 'form-group' } },
    h('summary', { text: t('groups.form') }),
    commandForm({
      name: 'form-group',
      defs: FORM_GROUP,
      intro: t('groups.form.hint'),
      submitKey: 'groups.form.submit',
      method: 'POST',
      path: () => '/v1/groups',
      onSaved: ({ body }) => {
        setFlash(t('groups.formed'));
        navigate(`#/kelompok/${body.id}`);
      },
    }),
  );
}

/**
 * Daftar kelompok (GET /v1/groups): the groups of the caller's area, filtered like the API, paged by
 * its cursor; caseworkers and supervisors form a new one here, auditors only read.
 */
export async function groupsView(root, { params, user, navigate, setFlash }) {
  const tbody = h('tbody');
  const table = h('table', { class: 'phone-cards groups' },
    h('caption', { class: 'visually-hidden', text: t('groups.title') }),
    h('thead', {}, h('tr', {}, COLUMNS.map((c) => h('th', { scope: 'col', text: t(`groups.col.${c}`) })))),
    tbody,
  );
  const list = pagedList({ path: '/v1/groups', params: { ...filterValues(FILTERS, params), limit: PAGE_SIZE }, into: tbody, row, countKey: 'groups.count', emptyKey: 'groups.empty' });
  root.append(
    h('h1', { tabindex: '-1', text: t('groups.title') }),
    hasRole(user, 'caseworker', 'supervisor') ? formGroupCard({ navigate, setFlash }) : null,
    filterForm({ route: '#/kelompok', defs: FILTERS, params, navigate }),
    list.problem, list.count, h('div', { class: 'table-wrap' }, table), list.more,
  );
  await list.loaded;
}
