import { ApiProblem, query } from '../api.js';
import { h, replace } from '../dom.js';
import { clearErrors, field, markFieldError, problemText } from '../form-kit.js';
import { label, t } from '../i18n.js';
import { caseMarker, loadFailure, personName } from './view-kit.js';

const RESULTS = 10;

/**
 * Finding a member by name in the caller's caseload (GET /v1/entrepreneurs?q=), for a form whose
 * `entrepreneurId` field it fills: a person's uuid is not something a caseworker types. Its own
 * small search form, so Enter searches instead of saving; people already in the group, and people
 * whose case takes no new facts (erased, or processing restricted: the API would refuse them), are
 * shown but cannot be picked.
 */
export function memberPicker({ target, memberIds }) {
  const chosen = h('p', { class: 'chosen', role: 'status', 'aria-live': 'polite' });
  const found = h('p', { class: 'count', role: 'status', 'aria-live': 'polite' });
  const results = h('ul', { class: 'plain picks' });
  const idInput = () => target.elements.namedItem('entrepreneurId');
  const search = h('form', { class: 'member-search', role: 'search', 'aria-label': t('group.find.area'), novalidate: true },
    field({ name: 'q', type: 'search', labelKey: 'group.find', hint: 'group.find.hint', bare: true }),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'secondary', text: t('group.find.submit') })),
    found,
    results,
  );

  const pick = (person) => {
    idInput().value = person.id;
    chosen.textContent = t('group.chosen', { name: personName(person) });
    idInput().focus();
  };
  idInput().addEventListener('input', () => { chosen.textContent = ''; });

  const choice = (person) => {
    const member = memberIds.has(person.id);
    const marker = caseMarker(person);
    // a name shown to this reader still gets its marker when the case takes no new facts
    const why = member ? t('group.alreadyMember') : (person.fullName && marker) || '';
    return h('li', { class: 'pick' },
      h('button', { type: 'button', class: 'secondary small', disabled: member || marker !== null, text: personName(person), onclick: () => pick(person) }),
      ' ',
      h('span', { class: 'muted', text: `${person.regionCode ?? person.kecamatanCode} · ${label('stage', person.stage)}${why ? ` · ${why}` : ''}` }),
    );
  };

  search.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(search);
    replace(results);
    found.textContent = t('app.loading');
    try {
      const page = (await query('/v1/entrepreneurs', { q: search.elements.namedItem('q').value.trim(), limit: RESULTS })).body;
      found.textContent = page.items.length === 0 ? t('group.find.none') : t('group.find.count', { count: page.items.length });
      results.append(...page.items.map(choice));
    } catch (e) {
      found.textContent = '';
      if (e instanceof ApiProblem && e.errors.length > 0) for (const error of e.errors) markFieldError(search, 'q', error.message ?? problemText(e));
      else results.append(h('li', {}, loadFailure(e)));
    }
  });
  return h('div', { class: 'member-picker' }, search, chosen);
}
