import { h } from '../dom.js';
import { commandForm } from '../form-kit.js';
import { t } from '../i18n.js';
import { SEXES } from '../vocabulary.js';
import { profileFields } from './case-actions.js';

const required = new Set(['fullName', 'birthDate', 'sex', 'regionCode']);

/** Pendaftaran: a new entrepreneur; on success the new case opens. */
export function registerView(root, { navigate, setFlash }) {
  const defs = [
    { name: 'nik', type: 'text', inputmode: 'numeric', maxlength: 16, hint: true, required: true },
    ...profileFields().map((d) => ({ ...d, placeholder: d.name === 'regionCode' ? '32.16.01' : undefined, required: required.has(d.name) })),
    { name: 'registeredOn', type: 'date', hint: true },
  ].map((d) => (d.name === 'sex' ? { ...d, type: 'radio', options: SEXES } : d));
  const form = commandForm({
    name: 'register',
    defs,
    submitKey: 'register.submit',
    method: 'POST',
    path: () => '/v1/entrepreneurs',
    onSaved: ({ body }) => {
      setFlash(t('register.done'));
      navigate(`#/kasus/${body.id}`);
    },
  });
  root.append(h('h1', { tabindex: '-1', text: t('register.title') }), h('p', { text: t('register.intro') }), h('section', { class: 'card' }, form));
}
