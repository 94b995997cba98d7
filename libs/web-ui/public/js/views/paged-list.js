import { query } from '../api.js';
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { loadFailure } from './view-kit.js';

/**
 * A list the API pages by cursor (api.md, Pagination): the first page at once, each next one on
 * "Muat lagi", and a polite status line saying how many are shown. `row(item)` makes what is
 * appended to `into`; a failure shows as an alert in `problem`. `fresh: false` for endpoints that
 * take no `minPosition`.
 */
export function pagedList({ path, params, into, row, countKey, emptyKey, fresh = true }) {
  const count = h('p', { class: 'count', role: 'status', 'aria-live': 'polite', text: t('app.loading') });
  const more = h('button', { type: 'button', class: 'secondary more', hidden: true, text: t('caseload.more') });
  const problem = h('div');
  let shown = 0;
  const load = async (cursor) => {
    more.disabled = true;
    try {
      const page = (await query(path, { ...params, cursor }, { fresh })).body;
      into.append(...page.items.map(row));
      shown += page.items.length;
      count.textContent = shown === 0 ? t(emptyKey) : t(countKey, { count: shown });
      more.hidden = !page.nextCursor;
      more.onclick = () => load(page.nextCursor);
    } catch (e) {
      count.textContent = '';
      replace(problem, loadFailure(e));
    } finally {
      more.disabled = false;
    }
  };
  return { problem, count, more, loaded: load(undefined) };
}
