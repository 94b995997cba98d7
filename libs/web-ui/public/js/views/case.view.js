import { query } from '../api.js';
import { h, replace } from '../dom.js';
import { commandForm } from '../form-kit.js';
import { formatDate, formatInstant, formatRupiah, label, t } from '../i18n.js';
import { hasRole } from '../session.js';
import { CASE_ACTIONS } from './case-actions.js';
import { caseAudit } from './case-audit.js';
import { timeline } from './timeline.js';
import { asOfPicker, facts, loadFailure, personName } from './view-kit.js';

function list(titleKey, items, describe) {
  return h('section', { class: 'card' },
    h('h2', { text: t(titleKey) }),
    items.length === 0 ? h('p', { class: 'muted', text: t('case.nothingYet') }) : h('ul', { class: 'plain' }, items.map((item) => h('li', { text: describe(item) }))),
  );
}

function profile(c) {
  return h('section', { class: 'card' },
    h('h2', { text: t('case.profile') }),
    c.personalDataErased ? h('p', { class: 'notice', text: t('case.erasedNote') }) : null,
    facts([
      ['case.nik', c.nikMasked],
      ['field.birthDate', c.birthDate ? formatDate(c.birthDate) : String(c.birthYear)],
      ['field.sex', label('sex', c.sex)],
      ['field.regionCode', c.regionCode ?? c.kecamatanCode],
      ['field.phone', c.phone],
      ['field.address', c.address],
      ['field.education', label('education', c.education)],
      ['field.employmentStatus', label('employmentStatus', c.employmentStatus)],
      ['field.businessIdea', c.businessIdea],
      ['case.caseworker', c.caseworkerId],
      ['case.registeredOn', formatDate(c.registeredOn)],
      ['case.nextFollowUp', c.nextFollowUpOn ? formatDate(c.nextFollowUpOn) : null],
      ...(c.graduatedOn ? [['case.graduatedOn', formatDate(c.graduatedOn)]] : []),
      ...(c.withdrawnOn ? [['case.withdrawnOn', formatDate(c.withdrawnOn)]] : []),
    ]),
  );
}

/** For everyone who opens the case: since when it is restricted and what that means (ADR 0010). */
function restrictionBanner(c) {
  if (!c.processingRestricted || c.personalDataErased) return null;
  return h('div', { class: 'notice restriction', role: 'status' },
    h('p', { class: 'alert-title', text: t('case.restricted', { date: formatDate(c.restrictedOn) }) }),
    h('p', { text: t('case.restrictedNote') }),
  );
}

/**
 * Detail kasus: the case folded from its stream (its ETag is what every form sends as If-Match),
 * its history, and the forms. After a save the timeline is read with the write's position, so
 * what was just recorded is on screen.
 */
export async function caseView(root, { id, params, user, navigate, flash, setFlash }) {
  const asOf = params.asOf;
  const body = h('div', { class: 'case', 'aria-live': 'off' });
  root.append(h('p', {}, h('a', { href: '#/kasus', class: 'back', text: `← ${t('app.back')}` })), body);

  // a form opened prefilled from the address (?action=…) is not opened again after its save:
  // the page goes back to the case's own address, where the next entry starts empty
  const saved = (message) => {
    if (!params.action) return render(message);
    setFlash(message);
    navigate(`#/kasus/${id}`);
  };

  const render = async (message) => {
    let current;
    let history;
    try {
      [current, history] = await Promise.all([query(`/v1/entrepreneurs/${id}`, { asOf }), query(`/v1/entrepreneurs/${id}/timeline`)]);
    } catch (e) {
      replace(body, h('h1', { tabindex: '-1', text: t('case.title') }), loadFailure(e));
      return;
    }
    const c = current.body;
    const etag = current.etag;
    const items = history.body.items.filter((item) => !asOf || item.recordedAt <= asOf);
    const canWrite = !asOf && hasRole(user, 'caseworker', 'supervisor');
    const status = h('div', { class: message ? 'flash' : undefined, role: 'status', tabindex: '-1', text: message ?? '' });

    // `?action=grant&groupId=…` (from a kelompok's page) opens that form with those fields filled in
    const prefilled = (action) => action.fields(c).map((d) => (params.action === action.name && params[d.name] ? { ...d, value: params[d.name] } : d));
    const forms = canWrite
      ? CASE_ACTIONS.filter((a) => !a.when || a.when(c)).map((action) =>
          h('details', { class: 'action', dataset: { action: action.name }, open: params.action === action.name },
            h('summary', { text: t(`action.${action.name}`) }),
            commandForm({
              name: action.name,
              defs: prefilled(action),
              intro: action.intro && t(action.intro),
              submitKey: action.submitKey,
              submitClass: action.submitClass,
              method: action.method,
              path: () => action.path(id),
              ifMatch: () => etag,
              onSaved: () => saved(t('case.saved', { what: t(`action.${action.name}`) })),
              onReload: () => render(),
            }),
          ),
        )
      : [];

    replace(body,
      h('header', { class: 'case-head' },
        h('h1', { tabindex: '-1', class: c.fullName ? undefined : 'muted', text: personName(c) }),
        h('span', { class: `badge stage-${c.stage}`, text: label('stage', c.stage) }),
        h('span', { class: 'muted version', text: t('case.version', { version: c.version }) }),
      ),
      status,
      restrictionBanner(c),
      asOf ? h('p', { class: 'notice', text: t('case.asOfBanner', { time: formatInstant(asOf) }) }) : null,
      asOfPicker(`#/kasus/${id}`, asOf, navigate),
      // recording comes first on a phone; on a wide screen the facts take the left column
      h('div', { class: 'columns' },
        h('div', { class: 'col-record' },
          forms.length ? h('section', { class: 'card actions' }, h('h2', { text: t('case.actions') }), forms) : null,
          caseAudit(c, user),
          timeline(items),
        ),
        h('div', { class: 'col-facts' },
          profile(c),
          list('case.trainings', c.trainings, (x) => `${x.title} · ${x.provider} · ${label('trainingKind', x.kind)} · ${formatDate(x.startedOn)}–${formatDate(x.completedOn)}`),
          list('case.grants', c.grants, (x) => `${label('programme', x.programme)} · ${formatRupiah(x.amount)} · ${label('grantForm', x.form)} · ${label('fundingSource', x.fundingSource)} · ${formatDate(x.receivedOn)}`),
          list('case.visits', c.visits, (x) => `${formatDate(x.visitedOn)} · ${x.businessActive ? t('app.yes') : t('app.no')} · ${x.workersTotal} · ${label('revenueTrend', x.revenueTrend)}`),
        ),
      ),
    );
    if (message) status.focus();
  };
  await render(flash);
}
