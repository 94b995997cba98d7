import { query } from '../api.js';
import { h, replace } from '../dom.js';
import { commandForm, today } from '../form-kit.js';
import { formatDate, formatInstant, formatRupiah, label, t } from '../i18n.js';
import { hasRole } from '../session.js';
import { streamAudit } from './case-audit.js';
import { memberPicker } from './member-picker.js';
import { asOfPicker, facts, loadFailure, openToFacts, personName } from './view-kit.js';

/** From a kelompok's page to the member's case, its grant form open with the kelompok filled in. */
function recordGrantLink(g, m) {
  const href = `#/kasus/${m.entrepreneurId}?${new URLSearchParams({ action: 'grant', groupId: g.id })}`;
  return h('a', { href, class: 'record-grant', text: t('group.recordGrant') });
}

/**
 * A member as the API shows them: the name links to their case; an erased person, or one whose
 * processing is restricted, shows that marker (their case still opens), one outside the reader's
 * area no name and no link. A writer also gets "Catat bantuan" where the case takes new facts.
 */
function member(m, g, canWrite) {
  const name = m.fullName
    ? h('a', { href: `#/kasus/${m.entrepreneurId}`, text: m.fullName })
    : !openToFacts(m)
      ? h('a', { href: `#/kasus/${m.entrepreneurId}`, class: 'muted', text: personName(m) })
      : h('span', { class: 'muted', text: t('group.outsideArea') });
  return h('li', { class: 'member', dataset: { id: m.entrepreneurId } },
    name,
    h('span', { class: 'muted', text: ` · ${m.kecamatanCode ?? t('app.none')} · ${t('group.joinedOn', { date: formatDate(m.joinedOn) })}` }),
    // only where the case takes new facts: named to this reader, not erased, not restricted
    canWrite && m.fullName && openToFacts(m) ? [' · ', recordGrantLink(g, m)] : null,
  );
}

function members(g, canWrite) {
  return h('section', { class: 'card', 'aria-labelledby': 'members-title' },
    h('h2', { id: 'members-title', text: t('group.members', { count: g.members.length, max: g.maxMembers }) }),
    g.members.length === 0 ? h('p', { class: 'muted', text: t('group.noMembers') }) : h('ol', { class: 'plain members' }, g.members.map((m) => member(m, g, canWrite))),
  );
}

/**
 * The kelompok's assistance: the grants its members' cases record for it, with their total. Public
 * money, so every grant is listed; the member is named as in the member list.
 */
function grants(g) {
  const members = new Map(g.members.map((m) => [m.entrepreneurId, m]));
  const recipient = (id) => {
    const m = members.get(id);
    return m?.fullName ?? (m && !openToFacts(m) ? personName(m) : t('group.outsideArea'));
  };
  return h('section', { class: 'card', 'aria-labelledby': 'grants-title' },
    h('h2', { id: 'grants-title', text: t('group.grants') }),
    g.grants.length === 0
      ? h('p', { class: 'muted', text: t('group.noGrants') })
      : [
          h('p', { class: 'grant-total', text: t('group.grantTotal', { count: g.grantsCount, total: formatRupiah(g.grantTotal) }) }),
          h('ul', { class: 'plain grants' }, g.grants.map((x) =>
            h('li', { dataset: { id: x.entrepreneurId } },
              h('strong', { text: formatRupiah(x.amount) }),
              h('span', { text: ` · ${recipient(x.entrepreneurId)} · ${label('programme', x.programme)} · ${label('grantForm', x.form)} · ${label('fundingSource', x.fundingSource)} · ${formatDate(x.receivedOn)}${x.decreeNumber ? ` · SK ${x.decreeNumber}` : ''}` }),
            ),
          )),
        ],
  );
}

function addMember(g, etag, render) {
  if (g.members.length >= g.maxMembers) return h('section', { class: 'card' }, h('h2', { text: t('group.add') }), h('p', { class: 'notice', text: t('group.full') }));
  const form = commandForm({
    name: 'add-member',
    defs: [
      { name: 'entrepreneurId', type: 'text', hint: true, required: true },
      { name: 'joinedOn', type: 'date', required: true, value: today() },
    ],
    submitKey: 'group.add.submit',
    staleKey: 'group.stale',
    reloadKey: 'group.reload',
    method: 'POST',
    path: () => `/v1/groups/${g.id}/members`,
    ifMatch: () => etag,
    onSaved: () => render(t('group.added')),
    onReload: () => render(),
  });
  return h('section', { class: 'card', 'aria-labelledby': 'add-title' },
    h('h2', { id: 'add-title', text: t('group.add') }),
    memberPicker({ target: form, memberIds: new Set(g.members.map((m) => m.entrepreneurId)) }),
    form,
  );
}

/**
 * Detail kelompok (GET /v1/groups/{id}): folded from the group's stream, so always current; its
 * ETag is the If-Match of the add-member form. Auditors see the same page without the form. With
 * `?asOf=` it shows the kelompok as recorded then (members, their names, the grants), read only.
 */
export async function groupView(root, { id, params = {}, user, navigate, flash }) {
  const asOf = params.asOf;
  const body = h('div', { class: 'group' });
  root.append(h('p', {}, h('a', { href: '#/kelompok', class: 'back', text: `← ${t('group.back')}` })), body);

  const render = async (message) => {
    let current;
    try {
      current = await query(`/v1/groups/${id}`, { asOf });
    } catch (e) {
      replace(body, h('h1', { tabindex: '-1', text: t('group.title') }), loadFailure(e));
      return;
    }
    const g = current.body;
    const canWrite = hasRole(user, 'caseworker', 'supervisor') && !asOf;
    const status = h('div', { class: message ? 'flash' : undefined, role: 'status', tabindex: '-1', text: message ?? '' });
    replace(body,
      h('header', { class: 'case-head' },
        h('h1', { tabindex: '-1', text: g.name }),
        h('span', { class: 'badge', text: label('programme', g.programme) }),
        h('span', { class: 'muted version', text: t('case.version', { version: g.version }) }),
      ),
      status,
      asOf ? h('p', { class: 'notice', text: t('group.asOfBanner', { time: formatInstant(asOf) }) }) : null,
      asOfPicker(`#/kelompok/${id}`, asOf, navigate),
      h('div', { class: 'columns' },
        h('div', { class: 'col-record' },
          canWrite ? addMember(g, current.etag, render) : null,
          members(g, canWrite),
          grants(g),
          streamAudit(`group-${g.id}`, user),
        ),
        h('div', { class: 'col-facts' },
          h('section', { class: 'card' },
            h('h2', { text: t('group.facts') }),
            facts([
              ['field.regionCode', g.regionCode],
              ['field.kecamatanCode', g.kecamatanCode],
              ['field.businessType', g.businessType],
              ['field.programme', label('programme', g.programme)],
              ['field.formedOn', formatDate(g.formedOn)],
              ['group.size', t('group.membersOf', { count: g.members.length, max: g.maxMembers })],
              ['group.grantSum', g.grantsCount === 0 ? t('app.none') : formatRupiah(g.grantTotal)],
              ['group.lastChange', formatInstant(g.lastEventAt)],
            ]),
          ),
        ),
      ),
    );
    if (message) status.focus();
  };
  await render(flash);
}
