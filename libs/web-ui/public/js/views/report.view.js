import { query } from '../api.js';
import { h, replace } from '../dom.js';
import { field, readValues } from '../form-kit.js';
import { formatPercent, label, t } from '../i18n.js';
import { PROGRAMMES, STAGES } from '../vocabulary.js';
import { facts, loadFailure } from './view-kit.js';

const FILTERS = [
  { name: 'year', type: 'number', inputmode: 'numeric', min: 2000, bare: true },
  { name: 'regionCode', type: 'text', labelKey: 'caseload.col.region', placeholder: '32.16', inputmode: 'decimal', bare: true },
  { name: 'programme', type: 'select', options: PROGRAMMES, group: 'programme', emptyLabelKey: 'app.any', bare: true },
];
const FUNNEL = ['registered', 'trained', 'funded', 'monitored', 'graduated'];

function table(captionKey, columns, rows) {
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'report' },
      h('caption', { text: t(captionKey) }),
      h('thead', {}, h('tr', {}, columns.map((c, i) => h('th', { scope: 'col', class: i > 0 ? 'num' : undefined, text: t(c) })))),
      h('tbody', {}, rows.map(([head, ...cells]) => h('tr', {}, h('th', { scope: 'row', text: head }), cells.map((c) => h('td', { class: 'num', text: c }))))),
    ),
  );
}

function report(r) {
  return [
    table('report.stagesNow', ['report.col.stage', 'report.col.count'], STAGES.map((s) => [label('stage', s), String(r.stages[s] ?? 0)])),
    table('report.funnel', ['report.col.stage', 'report.col.reached', 'report.col.conversion'],
      FUNNEL.map((s) => [label('stage', s), String(r.reached[s] ?? 0), s === 'registered' ? t('app.none') : formatPercent(r.conversion[s])])),
    table('report.survival', ['report.col.months', 'report.col.funded', 'report.col.observed', 'report.col.active', 'report.col.rate'],
      r.survival.map((m) => [String(m.months), String(m.funded), String(m.observed), String(m.active), formatPercent(m.rate)])),
    h('section', { class: 'card' },
      h('h2', { text: t('report.workers') }),
      facts([
        ['report.activeBusinesses', String(r.workersAbsorbed.activeBusinesses)],
        ['report.workersTotal', String(r.workersAbsorbed.workersTotal)],
        ['report.besidesOwners', String(r.workersAbsorbed.besidesOwners)],
        ['report.withNib', String(r.businessesWithNib)],
      ]),
    ),
    h('p', { class: 'muted', text: t('report.cohorts') }),
  ];
}

/** Laporan (supervisors and auditors): the progression funnel, survival and jobs, filtered like the API. */
export async function reportView(root, { params, navigate }) {
  const defs = FILTERS.map((d) => ({ ...d, value: params[d.name] }));
  const form = h('form', { class: 'card filters', novalidate: true },
    h('div', { class: 'fields' }, defs.map(field)),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', text: t('report.apply') })),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(`#/laporan?${new URLSearchParams(readValues(form, defs))}`);
  });
  const result = h('div', { 'aria-live': 'polite' }, h('p', { text: t('app.loading') }));
  root.append(h('h1', { tabindex: '-1', text: t('report.title') }), form, result);
  try {
    const filter = Object.fromEntries(FILTERS.map((d) => [d.name, params[d.name]]));
    replace(result, report((await query('/v1/reports/progression', filter)).body));
  } catch (e) {
    replace(result, loadFailure(e));
  }
}
