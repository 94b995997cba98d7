import { h } from '../dom.js';
import { formatDate, formatInstant, formatRupiah, has, label, t } from '../i18n.js';

/** How a summary value reads: vocabulary values by their label, dates as dates, the rest as text. */
const GROUPS = {
  kind: 'trainingKind', programme: 'programme', form: 'grantForm', fundingSource: 'fundingSource', revenueTrend: 'revenueTrend',
  permitStatus: 'permitStatus', sex: 'sex', education: 'education', employmentStatus: 'employmentStatus', obstacles: 'obstacle',
};

const RUPIAH = new Set(['amount', 'monthlyRevenue']);

function readable(name, value) {
  if (Array.isArray(value)) return value.map((v) => readable(name, v)).join(', ');
  if (typeof value === 'boolean') return value ? t('app.yes') : t('app.no');
  if (GROUPS[name]) return label(GROUPS[name], value);
  if (RUPIAH.has(name) && typeof value === 'number') return formatRupiah(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  return String(value);
}

function summary(data) {
  const entries = Object.entries(data ?? {}).filter(([, v]) => v !== null && v !== undefined && v !== '');
  if (entries.length === 0) return null;
  return h('dl', { class: 'summary' }, entries.map(([name, value]) => [
    h('dt', { text: has(`field.${name}`) ? t(`field.${name}`) : name }),
    h('dd', { text: readable(name, value) }),
  ]));
}

/** Riwayat: each event with when it was recorded, what it was, who did it and its non-personal facts. */
export function timeline(items) {
  return h('section', { class: 'card timeline', 'aria-labelledby': 'timeline-title' },
    h('h2', { id: 'timeline-title', text: t('case.timeline') }),
    items.length === 0
      ? h('p', { class: 'muted', text: t('case.timelineEmpty') })
      : h('ol', { class: 'events' }, [...items].reverse().map((item) =>
          h('li', { class: 'event', dataset: { type: item.type } },
            h('p', { class: 'event-head' },
              h('strong', { text: label('event', item.type) }),
              ' ',
              h('time', { datetime: item.recordedAt, text: formatInstant(item.recordedAt) }),
            ),
            h('p', { class: 'muted', text: t('case.by', { actor: item.actor?.id ?? '', role: label('role', item.actor?.role) }) }),
            summary(item.data),
          ),
        )),
  );
}
