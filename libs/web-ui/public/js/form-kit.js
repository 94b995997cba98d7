import { ApiProblem, command, NetworkError, newIdempotencyKey } from './api.js';
import { h, replace, uid } from './dom.js';
import { label, t } from './i18n.js';

/**
 * Forms from field definitions `{ name, type, required, options, group, hint, placeholder, bare }`
 * (`bare`: neither required nor marked optional, e.g. search filters):
 * labelled controls with hint and error slots, values read into an API body, problem responses
 * shown by their `detail` with each field error next to its field.
 *
 * Forms are `novalidate`: the server holds the one set of rules and says what is wrong with each
 * field in the language the UI asks for (Accept-Language), naming the rule's limits; the UI shows
 * those messages as they come.
 */
const TEXTUAL = new Set(['text', 'date', 'number', 'search', 'tel', 'datetime-local']);

export function today() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function fieldLabel(def) {
  const text = t(def.labelKey ?? `field.${def.name}`);
  return def.required || def.bare || def.type === 'confirm' ? text : `${text} ${t('app.optional')}`;
}

function choice(def, value) {
  return def.group ? label(def.group, value) : value;
}

/** One labelled control with its hint and error slot, wrapped in `[data-field=<name>]`. */
export function field(def) {
  const id = uid(`f-${def.name}`);
  const hintKey = def.hint === true ? `field.${def.name}.hint` : def.hint;
  const hint = hintKey ? h('p', { class: 'hint', id: `${id}-hint`, text: t(hintKey) }) : null;
  const error = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  const describedBy = [hint && `${id}-hint`, `${id}-error`].filter(Boolean).join(' ');
  const common = { id, name: def.name, required: def.required, 'aria-describedby': describedBy };

  if (def.type === 'radio' || def.type === 'checkboxes') {
    const inputType = def.type === 'radio' ? 'radio' : 'checkbox';
    return h('fieldset', { class: 'field choices', dataset: { field: def.name }, 'aria-describedby': describedBy },
      h('legend', { text: fieldLabel(def) }),
      hint,
      h('div', { class: 'choice-list' },
        def.options.map((value) =>
          h('label', { class: 'choice' }, h('input', { type: inputType, name: def.name, value, required: def.required && inputType === 'radio' }), ' ', choice(def, value)),
        ),
      ),
      error,
    );
  }
  if (def.type === 'confirm') {
    return h('div', { class: 'field confirm', dataset: { field: def.name } },
      h('label', { class: 'choice' }, h('input', { ...common, type: 'checkbox' }), ' ', t(def.labelKey ?? `field.${def.name}`)),
      error,
    );
  }
  let control;
  if (def.type === 'textarea') control = h('textarea', { ...common, rows: 3, placeholder: def.placeholder, value: def.value });
  else if (def.type === 'select' || def.type === 'yesno') {
    const options = def.type === 'yesno' ? [['true', t('app.yes')], ['false', t('app.no')]] : def.options.map((v) => [v, choice(def, v)]);
    control = h('select', common,
      h('option', { value: '', text: t(def.emptyLabelKey ?? 'app.choose') }),
      options.map(([value, text]) => h('option', { value, text, selected: def.value === value })),
    );
  } else {
    control = h('input', {
      ...common,
      type: def.type ?? 'text',
      inputmode: def.inputmode,
      autocomplete: def.autocomplete ?? 'off',
      placeholder: def.placeholder,
      value: def.value,
      min: def.min,
      step: def.type === 'number' ? '1' : undefined,
      maxlength: def.maxlength,
    });
  }
  return h('div', { class: 'field', dataset: { field: def.name } }, h('label', { for: id, text: fieldLabel(def) }), hint, control, error);
}

/** The request body: empty optional values are left out, numbers and yes/no become JSON types. */
export function readValues(form, defs) {
  const body = {};
  for (const def of defs) {
    if (def.type === 'confirm' || def.local) continue;
    if (def.type === 'checkboxes') {
      const values = [...form.querySelectorAll(`input[name="${def.name}"]:checked`)].map((i) => i.value);
      if (values.length > 0) body[def.name] = values;
      continue;
    }
    if (def.type === 'radio') {
      const checked = form.querySelector(`input[name="${def.name}"]:checked`);
      if (checked) body[def.name] = checked.value;
      continue;
    }
    const raw = form.elements.namedItem(def.name)?.value?.trim() ?? '';
    if (raw === '') continue;
    if (def.type === 'number') body[def.name] = /^-?\d+$/.test(raw) ? Number(raw) : raw;
    else if (def.type === 'yesno') body[def.name] = raw === 'true';
    else body[def.name] = raw;
  }
  return body;
}

export function clearErrors(form) {
  for (const slot of form.querySelectorAll('.field-error')) replace(slot).hidden = true;
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  const alert = form.querySelector('.form-alert');
  if (alert) replace(alert).hidden = true;
}

/** The problem's `detail`, which the API gives in the language the UI asked for (Accept-Language). */
export function problemText(problem) {
  return problem.detail ?? t('error.generic', { status: problem.status });
}

/** The API's messages are sentences without a full stop; a field with two reads as two sentences. */
const sentence = (text) => (/[.!?]$/.test(text) ? text : `${text}.`);

export function markFieldError(form, name, text) {
  const wrapper = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
  if (!wrapper) return false;
  const slot = wrapper.querySelector('.field-error');
  const existing = slot.textContent;
  slot.textContent = existing ? `${existing} ${sentence(text)}` : sentence(text);
  slot.hidden = false;
  for (const control of wrapper.querySelectorAll('input, select, textarea')) control.setAttribute('aria-invalid', 'true');
  return true;
}

function showAlert(form, ...content) {
  const alert = form.querySelector('.form-alert');
  replace(alert, ...content).hidden = false;
  return alert;
}

function showProblem(form, problem, { onReload, staleKey, reloadKey }) {
  if (problem.status === 412 || problem.code === 'STREAM.WRONG_EXPECTED_VERSION') {
    showAlert(form, h('p', { text: t(staleKey) }), onReload && h('button', { type: 'button', class: 'secondary', text: t(reloadKey), onclick: onReload }));
    return;
  }
  const unplaced = problem.errors.filter((e) => !markFieldError(form, String(e.field ?? '').split('.')[0], e.message ?? ''));
  const hint = problem.errors.length > unplaced.length ? h('p', { text: t('form.fixFields') }) : null;
  showAlert(form, h('p', { class: 'alert-title', text: problemText(problem) }), hint, unplaced.length ? h('ul', {}, unplaced.map((e) => h('li', { text: `${e.field}: ${e.message ?? ''}` }))) : null);
  const firstInvalid = form.querySelector('[aria-invalid="true"]');
  (firstInvalid ?? form.querySelector('.form-alert')).focus?.();
}

/**
 * A form that sends one command. The Idempotency-Key is made per submission and kept while the
 * same data is sent again (a retry after a lost answer is then recorded once); changed data or a
 * success starts a new key.
 */
export function commandForm({ name, defs, submitKey = 'form.submit', submitClass, method, path, ifMatch, onSaved, onReload, intro, staleKey = 'form.stale', reloadKey = 'form.reload' }) {
  const status = h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: submitClass, text: t(submitKey) });
  const form = h('form', { class: 'command-form', novalidate: true, dataset: { form: name } },
    intro ? h('p', { class: 'hint', text: intro }) : null,
    h('div', { class: 'form-alert', role: 'alert', tabindex: '-1', hidden: true }),
    h('div', { class: 'fields' }, defs.map(field)),
    h('div', { class: 'form-actions' }, submit, status),
  );
  let attempt;
  let busy = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;
    clearErrors(form);
    const unconfirmed = defs.find((d) => d.type === 'confirm' && !form.elements.namedItem(d.name).checked);
    if (unconfirmed) {
      markFieldError(form, unconfirmed.name, t('form.confirmRequired'));
      return;
    }
    const body = readValues(form, defs);
    const etag = ifMatch?.();
    const fingerprint = JSON.stringify([body, etag]);
    if (attempt?.fingerprint !== fingerprint) attempt = { fingerprint, key: newIdempotencyKey() };
    busy = true;
    submit.disabled = true;
    form.setAttribute('aria-busy', 'true');
    status.textContent = t('app.saving');
    try {
      const result = await command(method, path(), body, { ifMatch: etag, idempotencyKey: attempt.key });
      attempt = undefined;
      status.textContent = t('app.refreshing');
      await onSaved(result, body);
    } catch (e) {
      status.textContent = '';
      if (e instanceof NetworkError) showAlert(form, h('p', { text: t('form.offline') })).focus();
      else if (e instanceof ApiProblem) showProblem(form, e, { onReload, staleKey, reloadKey });
      else throw e;
    } finally {
      busy = false;
      submit.disabled = false;
      form.removeAttribute('aria-busy');
    }
  });
  return form;
}
