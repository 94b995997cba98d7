import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AUTH_CONFIG, issueLocalToken, type LocalAuthConfig, type LocalTokenClaims } from '@jejak/auth';
import { startTestApp, type TestApp } from '../../apps/jejak/testing/start-test-app';

/** Same set-up as caseworker.ui.e2e-spec.ts: the real app, Debian's chromium, a phone screen. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PHONE = { width: 390, height: 844 };
const DESK = { width: 1280, height: 900 };
const SCREENSHOTS = process.env.UI_SCREENSHOT_DIR ?? tmpdir();

const CASEWORKER: LocalTokenClaims = { sub: 'siti.pendamping', role: 'caseworker', kecamatan: ['32.16.01'] };
const SUPERVISOR: LocalTokenClaims = { sub: 'budi.supervisor', role: 'supervisor', kecamatan: ['32.16.01'] };
const AUDITOR: LocalTokenClaims = { sub: 'ani.auditor', role: 'auditor' };

interface Placed {
  name: string;
  left: number;
  right: number;
  top: number;
}

describe('the header menu, in a real browser against the real app', () => {
  let app: TestApp;
  let dataDir: string;
  let browser: Browser;

  const token = (claims: LocalTokenClaims) => issueLocalToken(app.app.get<LocalAuthConfig>(AUTH_CONFIG), claims);

  async function signedIn(claims: LocalTokenClaims, viewport: typeof PHONE, locale = 'id-ID'): Promise<Page> {
    const page = await browser.newPage({ viewport, locale, timezoneId: 'Asia/Jakarta' });
    await page.goto(`${app.url}/`);
    await page.getByLabel('Token akses').fill(await token(claims));
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Daftar kasus' }).waitFor();
    return page;
  }

  // evaluated in the page, where document and window exist
  const overflowsSideways = (page: Page) => page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth');
  const menuLinks = (page: Page) =>
    page.evaluate<Placed[]>(`[...document.querySelectorAll('nav a')].map((a) => {
      const box = a.getBoundingClientRect();
      return { name: a.textContent, left: box.left, right: box.right, top: box.top };
    })`);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'jejak-ui-nav-e2e-'));
    app = await startTestApp({ JEJAK_DATA_DIR: dataDir });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.each([
    ['a caseworker', CASEWORKER, ['Daftar kasus', 'Pendaftaran', 'Kelompok', 'Siap Lanjutan']],
    ['a supervisor', SUPERVISOR, ['Daftar kasus', 'Pendaftaran', 'Kelompok', 'Laporan', 'Siap Lanjutan']],
    ['an auditor', AUDITOR, ['Daftar kasus', 'Kelompok', 'Laporan', 'Siap Lanjutan']],
  ])('shows %s every menu link on a 390px phone, without scrolling sideways', async (_who, claims, names) => {
    const page = await signedIn(claims, PHONE);
    const links = await menuLinks(page);
    expect(links.map((l) => l.name)).toEqual(names);
    for (const link of links) {
      expect(link.left).toBeGreaterThanOrEqual(0);
      expect(link.right).toBeLessThanOrEqual(PHONE.width);
    }
    await expect(overflowsSideways(page)).resolves.toBe(false);
    await page.screenshot({ path: join(SCREENSHOTS, `jejak-ui-nav-${claims.role}-phone.png`) });

    // the menu stays in reading order for the keyboard: Tab from the language toggle and Keluar reaches each link in turn
    await page.getByRole('button', { name: 'Keluar' }).focus();
    for (const name of names) {
      await page.keyboard.press('Tab');
      await expect(page.evaluate<string | null>('document.activeElement.textContent')).resolves.toBe(name);
    }
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Siap Lanjutan' }).waitFor();
    await page.close();
  });

  it('fits the longer English menu of a supervisor on the phone too', async () => {
    const page = await signedIn(SUPERVISOR, PHONE);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('link', { name: 'Ready for Lanjutan' }).waitFor();
    for (const link of await menuLinks(page)) expect(link.right).toBeLessThanOrEqual(PHONE.width);
    await expect(overflowsSideways(page)).resolves.toBe(false);
    await page.close();
  });

  it('keeps the menu in one row on a desk screen', async () => {
    const page = await signedIn(SUPERVISOR, DESK);
    const links = await menuLinks(page);
    expect(new Set(links.map((l) => l.top)).size).toBe(1);
    await expect(overflowsSideways(page)).resolves.toBe(false);
    await page.close();
  });
});
