import { h, replace } from './dom.js';
import { formatInstant, label, language, setLanguage, t } from './i18n.js';
import { currentUser, hasRole, signOut } from './session.js';
import { caseView } from './views/case.view.js';
import { caseloadView } from './views/caseload.view.js';
import { groupView } from './views/group.view.js';
import { groupsView } from './views/groups.view.js';
import { lanjutanView } from './views/lanjutan.view.js';
import { registerView } from './views/register.view.js';
import { reportView } from './views/report.view.js';
import { signInView } from './views/sign-in.view.js';

/**
 * The shell: header (who you are, menu, language, Keluar) and a hash router, so the page works
 * from any static host and Back/Forward move between views without reloading.
 *   #/masuk  #/kasus[?filters]  #/kasus/<id>[?asOf=|?action=<form>&<field>=<value>]  #/pendaftaran  #/laporan[?filters]
 *   #/kelompok[?filters]  #/kelompok/<id>
 *   #/lanjutan[?regionCode=]
 */
const ROUTES = [
  [/^\/kasus\/([0-9a-f-]{36})$/i, (m, ctx) => caseView(ctx.root, { ...ctx, id: m[1] })],
  [/^\/kasus$/, (_m, ctx) => caseloadView(ctx.root, ctx)],
  [/^\/kelompok\/([0-9a-f-]{36})$/i, (m, ctx) => groupView(ctx.root, { ...ctx, id: m[1] })],
  [/^\/kelompok$/, (_m, ctx) => groupsView(ctx.root, ctx)],
  [/^\/pendaftaran$/, (_m, ctx) => registerView(ctx.root, ctx)],
  [/^\/laporan$/, (_m, ctx) => reportView(ctx.root, ctx)],
  [/^\/lanjutan$/, (_m, ctx) => lanjutanView(ctx.root, ctx)],
];

const header = document.getElementById('app-header');
const main = document.getElementById('main');
let flash;
let notice;

function navigate(hash) {
  if (location.hash === hash) render();
  else location.hash = hash;
}

function renderHeader(user, path) {
  const link = (hash, key) => h('a', { href: hash, text: t(key), 'aria-current': path.startsWith(hash.slice(1)) ? 'page' : undefined });
  const toggle = h('button', {
    type: 'button', class: 'link lang', lang: language() === 'id' ? 'en' : 'id', 'aria-label': t('app.switchLanguageLabel'), text: t('app.switchLanguage'),
    onclick: () => { setLanguage(language() === 'id' ? 'en' : 'id'); render(); },
  });
  const who = user
    ? h('div', { class: 'who', 'aria-label': t('signIn.whoAmI') },
        h('span', { class: 'who-name', text: user.sub }),
        h('span', { class: 'muted', text: ` · ${user.roles.map((r) => label('role', r)).join(', ')} · ${user.kecamatan.length ? user.kecamatan.join(', ') : t('signIn.allAreas')}` }),
        user.expiresAt ? h('span', { class: 'muted visually-hidden', text: ` · ${t('signIn.validUntil', { time: formatInstant(user.expiresAt.toISOString()) })}` }) : null,
        h('button', { type: 'button', class: 'secondary small', text: t('signIn.signOut'), onclick: () => { signOut(); navigate('#/masuk'); } }),
      )
    : null;
  const nav = user
    ? h('nav', { 'aria-label': t('nav.label') },
        link('#/kasus', 'nav.caseload'),
        hasRole(user, 'caseworker', 'supervisor') ? link('#/pendaftaran', 'nav.register') : null,
        hasRole(user, 'caseworker', 'supervisor', 'auditor') ? link('#/kelompok', 'nav.groups') : null,
        hasRole(user, 'supervisor', 'auditor') ? link('#/laporan', 'nav.report') : null,
        hasRole(user, 'caseworker', 'supervisor', 'auditor') ? link('#/lanjutan', 'nav.lanjutan') : null,
      )
    : null;
  replace(header,
    h('div', { class: 'bar' }, h('a', { class: 'brand', href: '#/kasus' }, h('strong', { text: t('app.name') }), h('span', { class: 'tagline', text: t('app.tagline') })), toggle),
    who,
    nav,
  );
}

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/kasus';
  const [path, search = ''] = raw.split('?');
  return { path, params: Object.fromEntries(new URLSearchParams(search)) };
}

async function render() {
  const { path, params } = parseHash();
  const user = currentUser();
  document.documentElement.lang = language();
  document.title = t('app.name');
  renderHeader(user, path);
  const root = h('div', { class: 'view' });
  replace(main, root);
  if (!user || path === '/masuk') {
    if (user && path === '/masuk') return navigate('#/kasus');
    const message = notice;
    notice = undefined;
    signInView(root, { navigate, notice: message });
    return focusHeading(root);
  }
  const ctx = { root, params, user, navigate, flash, setFlash: (text) => { flash = text; } };
  flash = undefined;
  const route = ROUTES.map(([pattern, view]) => [path.match(pattern), view]).find(([m]) => m);
  if (!route) {
    root.append(h('h1', { tabindex: '-1', text: t('app.notFound') }));
    return focusHeading(root);
  }
  await route[1](route[0], ctx);
  focusHeading(root);
}

/**
 * Moves focus to the new view's heading so keyboard and screen-reader users land on it, unless
 * the view already put it somewhere inside itself (a saved-message) or another view replaced it.
 */
function focusHeading(root) {
  if (!root.isConnected || root.contains(document.activeElement)) return;
  root.querySelector('h1')?.focus({ preventScroll: true });
}

window.addEventListener('hashchange', render);
window.addEventListener('jejak:unauthorized', () => {
  signOut();
  notice = t('signIn.sessionEnded');
  navigate('#/masuk');
});
// the address hash belongs to the router, so the skip link moves focus itself
const skip = document.getElementById('skip-link');
skip.textContent = t('app.skip');
skip.addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});
render();
