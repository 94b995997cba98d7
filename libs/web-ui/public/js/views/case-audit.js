import { download, query } from '../api.js';
import { h, replace, uid } from '../dom.js';
import { formatInstant, label, t } from '../i18n.js';
import { hasRole } from '../session.js';
import { pagedList } from './paged-list.js';
import { disclosureCard, facts, loadFailure } from './view-kit.js';

const TRAIL_PAGE_SIZE = 50;

function section(titleKey, ...content) {
  const id = uid('audit');
  return h('section', { class: 'card audit', 'aria-labelledby': id }, h('h2', { id, text: t(titleKey) }), ...content);
}

function verdict(v) {
  return [
    h('p', { class: v.valid ? 'flash' : 'alert', text: v.valid ? t('verify.intact', { count: v.checkedEvents }) : t('verify.broken', { version: v.firstBrokenVersion }) }),
    facts([
      ['verify.result', v.valid ? t('verify.valid') : t('verify.invalid')],
      ['verify.checkedEvents', String(v.checkedEvents)],
      ['verify.firstBrokenVersion', v.firstBrokenVersion === null ? null : String(v.firstBrokenVersion)],
      ['verify.headHash', v.headHash],
      ['verify.checkedAt', formatInstant(new Date().toISOString())],
    ]),
  ];
}

/** Verifikasi riwayat (auditors): the server recomputes the case stream's hash chain (ADR 0003). */
function verification(streamId) {
  const result = h('div', { class: 'verdict', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'secondary', text: t('verify.run') });
  button.addEventListener('click', async () => {
    button.disabled = true;
    replace(result, h('p', { class: 'muted', text: t('verify.running') }));
    try {
      replace(result, verdict((await query(`/v1/audit/streams/${encodeURIComponent(streamId)}/verify`, {}, { fresh: false })).body));
    } catch (e) {
      replace(result, loadFailure(e));
    } finally {
      button.disabled = false;
    }
  });
  return section('verify.title', h('p', { class: 'hint', text: t('verify.intro') }), button, result);
}

function historyRow(e) {
  const actor = e.metadata?.actorId ? `${e.metadata.actorId}${e.metadata.actorRole ? ` (${label('role', e.metadata.actorRole)})` : ''}` : null;
  return h('tr', { dataset: { version: String(e.streamVersion), type: e.type } },
    h('td', { 'data-label': t('history.col.version'), text: String(e.streamVersion) }),
    h('td', { 'data-label': t('history.col.event') }, h('span', {}, label('event', e.type), h('span', { class: 'muted', text: ` · ${e.type} v${e.schemaVersion}` }))),
    h('td', { 'data-label': t('history.col.recordedAt') }, h('time', { datetime: e.recordedAt, text: formatInstant(e.recordedAt) })),
    h('td', { 'data-label': t('history.col.actor'), text: actor ?? t('app.none') }),
    h('td', { 'data-label': t('history.col.position'), text: String(e.globalPosition) }),
    h('td', { 'data-label': t('history.col.hash') }, h('code', { class: 'hash', title: e.hash, text: e.hash })),
    h('td', { 'data-label': t('history.col.data') },
      h('details', { class: 'raw' }, h('summary', { text: t('history.show') }), h('pre', { class: 'raw-json', text: JSON.stringify({ data: e.data, metadata: e.metadata }, null, 2) })),
    ),
  );
}

/**
 * Riwayat tersimpan (auditors): the stream's events exactly as stored, with their chain hashes,
 * from GET /v1/audit/streams/{streamId}; loaded when opened. Personal fields stay encrypted (the
 * `_pii` envelope), so reading it processes no personal data and records nothing.
 */
function storedHistory(streamId) {
  const body = h('div');
  const load = async () => {
    replace(body, h('p', { class: 'muted', text: t('history.loading') }));
    try {
      const { events } = (await query(`/v1/audit/streams/${encodeURIComponent(streamId)}`, {}, { fresh: false })).body;
      replace(body,
        h('p', { class: 'count', text: t('history.count', { count: events.length }) }),
        h('div', { class: 'table-wrap' },
          h('table', { class: 'phone-cards stored-history' },
            h('caption', { class: 'visually-hidden', text: t('history.title') }),
            h('thead', {}, h('tr', {}, ['version', 'event', 'recordedAt', 'actor', 'position', 'hash', 'data'].map((c) => h('th', { scope: 'col', text: t(`history.col.${c}`) })))),
            h('tbody', {}, events.map(historyRow)),
          ),
        ),
      );
    } catch (e) {
      replace(body, loadFailure(e));
    }
  };
  return disclosureCard({
    className: 'audit history-section', title: t('history.title'), intro: t('history.intro'), body,
    load,
  }).element;
}

/** What an auditor has for any stream (a case, a kelompok): its verification and its stored history. */
export function streamAudit(streamId, user) {
  return hasRole(user, 'auditor') ? [verification(streamId), storedHistory(streamId)] : [];
}

function trailRow(item) {
  const what = item.kind === 'write' ? label('event', item.eventType) : label('purpose', item.purpose);
  return h('tr', { dataset: { kind: item.kind } },
    h('td', { 'data-label': t('trail.col.at') }, h('time', { datetime: item.at, text: formatInstant(item.at) })),
    // one element per cell: on a phone each cell is a flex row of its label and its content
    h('td', { 'data-label': t('trail.col.what') }, h('span', {}, h('span', { class: `badge trail-${item.kind}`, text: t(`trail.kind.${item.kind}`) }), ' ', what)),
    h('td', { 'data-label': t('trail.col.actor'), text: `${item.actor.id} (${label('role', item.actor.role)})` }),
    h('td', { 'data-label': t('trail.col.correlation') }, h('code', { class: 'correlation', text: item.correlationId })),
  );
}

/**
 * Jejak pemrosesan data (auditors; supervisors within their area): every write to the case and
 * every response that showed the person's data (ADR 0007). Loaded when opened, so it includes the
 * read of this very page; reading it records nothing. `refresh()` loads it anew (after a copy was
 * handed out), now if it is open, else when it is next opened.
 */
function processingTrail(id) {
  const body = h('div');
  const load = () => {
    const tbody = h('tbody');
    const table = h('table', { class: 'phone-cards trail' },
      h('caption', { class: 'visually-hidden', text: t('trail.title') }),
      h('thead', {}, h('tr', {}, ['at', 'what', 'actor', 'correlation'].map((c) => h('th', { scope: 'col', text: t(`trail.col.${c}`) })))),
      tbody,
    );
    const list = pagedList({
      path: `/v1/entrepreneurs/${id}/processing-trail`, params: { limit: TRAIL_PAGE_SIZE }, into: tbody, row: trailRow,
      countKey: 'trail.count', emptyKey: 'trail.empty', fresh: false,
    });
    replace(body, list.problem, list.count, h('div', { class: 'table-wrap' }, table), list.more);
  };
  const card = disclosureCard({
    className: 'audit trail-section', title: t('trail.title'), intro: t('trail.intro'), body,
    load,
  });
  const refresh = () => {
    if (card.isOpen()) load();
    else replace(body);
  };
  return { element: card.element, refresh };
}

/** Hands the downloaded file to the browser's downloads through a temporary link to an object URL. */
function saveFile(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // the download reads the object URL after this task, so it is revoked in a later one
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Salinan data pribadi (auditors; supervisors within their area): the answer to the person's
 * request for access (UU PDP), one JSON file from GET /v1/entrepreneurs/{id}/personal-data. The
 * token travels in a header, so the file is fetched here and saved from a Blob, not linked to.
 */
function personalDataCopy(id, onDownloaded) {
  const result = h('div', { 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'secondary', text: t('copy.download') });
  button.addEventListener('click', async () => {
    button.disabled = true;
    replace(result, h('p', { class: 'muted', text: t('copy.downloading') }));
    try {
      const { blob, filename = `jejak-data-pribadi-${id}.json` } = await download(`/v1/entrepreneurs/${id}/personal-data`);
      saveFile(blob, filename);
      replace(result, h('p', { class: 'flash', text: t('copy.downloaded', { file: filename }) }));
      onDownloaded();
    } catch (e) {
      replace(result, loadFailure(e));
    } finally {
      button.disabled = false;
    }
  });
  return section('copy.title', h('p', { class: 'hint', text: t('copy.intro') }), button, result);
}

/** The oversight parts of the case page, for the roles the API gives them to. */
export function caseAudit(c, user) {
  if (!hasRole(user, 'auditor', 'supervisor')) return [];
  const trail = processingTrail(c.id);
  return [
    ...streamAudit(`entrepreneur-${c.id}`, user),
    personalDataCopy(c.id, trail.refresh),
    trail.element,
  ];
}
