import { ApiProblem } from '../api.js';
import { h } from '../dom.js';
import { problemText, } from '../form-kit.js';
import { t } from '../i18n.js';

/** A query that failed, as an alert: the problem's detail, or the offline text. */
export function loadFailure(error) {
  if (!(error instanceof ApiProblem)) return h('div', { class: 'alert', role: 'alert' }, h('p', { text: t('form.offline') }));
  const text = error.status === 403 && !error.detail ? t('error.forbidden') : problemText(error);
  return h('div', { class: 'alert', role: 'alert' }, h('p', { text }));
}

/** A definition list of label/value pairs; values are shown as text. */
export function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.map(([key, value]) => [h('dt', { text: t(key) }), h('dd', { text: value ?? t('app.none') })]));
}
