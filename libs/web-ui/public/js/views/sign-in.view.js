import { h } from '../dom.js';
import { t } from '../i18n.js';
import { decodeToken, isExpired, signIn } from '../session.js';

/** Masuk: paste a bearer token; the UI reads who it is for, the server decides what it may do. */
export function signInView(root, { navigate, notice }) {
  const id = 'token-input';
  const error = h('p', { class: 'field-error', id: `${id}-error`, hidden: !notice, text: notice });
  const input = h('textarea', { id, name: 'token', rows: 5, required: true, spellcheck: 'false', autocapitalize: 'off', autocomplete: 'off', 'aria-describedby': `${id}-hint ${id}-error`, class: 'token' });
  const form = h('form', { class: 'card sign-in', novalidate: true },
    h('div', { class: 'field' },
      h('label', { for: id, text: t('signIn.token') }),
      h('div', { id: `${id}-hint`, class: 'hint' }, h('p', { text: t('signIn.howTo') }), h('pre', {}, h('code', { text: t('signIn.command') }))),
      input,
      error,
    ),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', text: t('signIn.submit') })),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const token = input.value.trim();
    const user = decodeToken(token);
    const problem = !user ? t('signIn.invalid') : isExpired(user) ? t('signIn.expired') : undefined;
    if (problem) {
      error.textContent = problem;
      error.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    signIn(token);
    navigate('#/kasus');
  });
  root.append(h('h1', { tabindex: '-1', text: t('signIn.title') }), h('p', { text: t('signIn.intro') }), form);
}
