import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AUTH_CONFIG, issueLocalToken, type LocalAuthConfig, type LocalTokenClaims } from '@jejak/auth';
import { startTestApp, type TestApp } from '../../apps/jejak/testing/start-test-app';

/** Same set-up as caseworker.ui.e2e-spec.ts: the real app, Debian's chromium, a phone screen. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PHONE = { width: 390, height: 844 };
const SCREENSHOTS = process.env.UI_SCREENSHOT_DIR ?? tmpdir();

const CASEWORKER: LocalTokenClaims = { sub: 'siti.pendamping', role: 'caseworker', kecamatan: ['32.16.01'] };
const AUDITOR: LocalTokenClaims = { sub: 'ani.auditor', role: 'auditor' };
const SUPERVISOR: LocalTokenClaims = { sub: 'budi.supervisor', role: 'supervisor', kecamatan: ['32.16.01'] };

const dewi = { nik: '3216014507920001', fullName: 'Dewi Lestari', birthDate: '1992-07-05', sex: 'F', regionCode: '32.16.01', registeredOn: '2025-01-02' };
const joko = { nik: '3216011203850002', fullName: 'Joko Susilo', birthDate: '1985-03-12', sex: 'M', regionCode: '32.16.01' };
// the default policy: two visits after the TKM Pemula grant, both finding the business running, two workers at the latest
const dewisJourney = [
  ['trainings', { title: 'Pelatihan Tata Boga', provider: 'BBPKK Bekasi', kind: 'competency', startedOn: '2025-01-06', completedOn: '2025-01-10' }],
  ['grants', { programme: 'TKM_PEMULA', amount: 10000000, form: 'equipment', receivedOn: '2025-02-03', fundingSource: 'APBN' }],
  ['monitoring-visits', { visitedOn: '2025-05-05', businessActive: true, workersTotal: 2, revenueTrend: 'flat' }],
  ['monitoring-visits', { visitedOn: '2025-08-04', businessActive: true, workersTotal: 3, revenueTrend: 'up_to_target' }],
] as const;

describe('Siap Lanjutan and the oversight of a case, in a real browser against the real app', () => {
  let app: TestApp;
  let dataDir: string;
  let browser: Browser;
  let dewiId: string;
  let jokoId: string;
  const pages: Page[] = [];

  const token = (claims: LocalTokenClaims) => issueLocalToken(app.app.get<LocalAuthConfig>(AUTH_CONFIG), claims);
  type Written = { id: string; version: number; globalPosition: number };
  async function write(path: string, body: unknown, ifMatch?: string): Promise<Written> {
    const headers: Record<string, string> = { authorization: `Bearer ${await token(CASEWORKER)}`, 'content-type': 'application/json' };
    if (ifMatch) headers['if-match'] = ifMatch;
    const res = await fetch(`${app.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    const answer = (await res.json()) as Written;
    if (!res.ok) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(answer)}`);
    return answer;
  }

  /** A phone of its own for each person: the token lives in the tab's sessionStorage. */
  async function phoneOf(claims: LocalTokenClaims): Promise<Page> {
    const page = await browser.newPage({ viewport: PHONE, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    pages.push(page);
    await page.goto(`${app.url}/`);
    await page.getByLabel('Token akses').fill(await token(claims));
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Daftar kasus' }).waitFor();
    return page;
  }

  async function openDewi(page: Page) {
    await page.goto(`${app.url}/#/kasus/${dewiId}`);
    await page.getByRole('heading', { level: 1, name: 'Dewi Lestari' }).waitFor();
  }

  // evaluated in the page, where document and window exist
const fitsThePhone = (page: Page) => page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'jejak-ui-audit-e2e-'));
    app = await startTestApp({ JEJAK_DATA_DIR: dataDir });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });

    const registered = await write('/v1/entrepreneurs', dewi);
    dewiId = registered.id;
    let last = registered;
    for (const [path, body] of dewisJourney) last = await write(`/v1/entrepreneurs/${dewiId}/${path}`, body, `"${last.version}"`);
    last = await write('/v1/entrepreneurs', joko);
    jokoId = last.id;
    // written outside the pages, so their read-your-writes position does not cover it: wait here
    const reached = await fetch(`${app.url}/v1/reports/lanjutan-eligibility?minPosition=${last.globalPosition}`, { headers: { authorization: `Bearer ${await token(CASEWORKER)}` } });
    expect(reached.status).toBe(200);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists the eligible entrepreneur on Siap Lanjutan, with her visits and workers, and opens her case from it', async () => {
    const page = await phoneOf(CASEWORKER);
    await page.getByRole('link', { name: 'Siap Lanjutan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Siap Lanjutan' }).waitFor();
    await page.locator('.count', { hasText: '1 wirausaha ditampilkan' }).waitFor();
    const row = page.getByRole('row', { name: /Dewi Lestari/ });
    await expect(row.locator('td[data-label="Kunjungan monev dihitung"]').textContent()).resolves.toBe('2');
    await expect(row.locator('td[data-label="Pekerja pada kunjungan terakhir"]').textContent()).resolves.toBe('3');
    await expect(row.locator('td[data-label="Wilayah"]').textContent()).resolves.toBe('32.16.01');
    expect(await page.locator('main').textContent()).not.toContain('Joko');
    await expect(fitsThePhone(page)).resolves.toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'jejak-ui-lanjutan-phone.png'), fullPage: true });

    await row.getByRole('link', { name: 'Dewi Lestari' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dewi Lestari' }).waitFor();
    expect(page.url()).toBe(`${app.url}/#/kasus/${dewiId}`);
    await page.locator('details[data-action="graduation"]').waitFor();
  });

  it('does not show a caseworker the verification, the processing trail or the copy of the personal data', async () => {
    const page = pages[0];
    await page.locator('.event[data-type="Registered"]').waitFor();
    expect(await page.getByRole('button', { name: 'Verifikasi riwayat' }).count()).toBe(0);
    expect(await page.getByText('Jejak pemrosesan data').count()).toBe(0);
    expect(await page.getByText('Riwayat tersimpan').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Unduh salinan data pribadi' }).count()).toBe(0);
  });

  it('lets an auditor verify the case’s history: valid, with the number of events checked', async () => {
    const page = await phoneOf(AUDITOR);
    await page.getByRole('link', { name: 'Siap Lanjutan' }).waitFor();
    await openDewi(page);
    await page.getByRole('button', { name: 'Verifikasi riwayat' }).click();
    const verdict = page.locator('.verdict');
    await verdict.getByText('Riwayat utuh: rantai hash 5 peristiwa cocok.').waitFor();
    await expect(verdict.locator('dt:text-is("Hasil") + dd').textContent()).resolves.toBe('valid');
    await expect(verdict.locator('dt:text-is("Peristiwa diperiksa") + dd').textContent()).resolves.toBe('5');
    await expect(verdict.locator('dt:text-is("Versi pertama yang rusak") + dd').textContent()).resolves.toBe('—');
    await expect(verdict.locator('dt:text-is("Hash terakhir") + dd').textContent()).resolves.toMatch(/^[0-9a-f]{64}$/);
    await expect(page.locator('.case-head .version').textContent()).resolves.toBe('versi 5');
  });

  it('shows the auditor the case’s events as stored, with the hashes the API holds, personal fields still encrypted', async () => {
    const page = pages[1];
    // a heading of its own (in the page's list of headings), whose button opens the card
    const opener = page.getByRole('heading', { level: 2, name: 'Riwayat tersimpan' }).getByRole('button', { name: 'Riwayat tersimpan' });
    await expect(opener.getAttribute('aria-expanded')).resolves.toBe('false');
    await opener.click();
    await expect(opener.getAttribute('aria-expanded')).resolves.toBe('true');
    const table = page.getByRole('table', { name: 'Riwayat tersimpan' });
    await page.getByText('5 peristiwa tersimpan').waitFor();
    expect(await table.locator('tbody tr').count()).toBe(5);
    const stored = await fetch(`${app.url}/v1/audit/streams/entrepreneur-${dewiId}`, { headers: { authorization: `Bearer ${await token(AUDITOR)}` } });
    const { events } = (await stored.json()) as { events: { streamVersion: number; type: string; hash: string }[] };
    for (const e of events) {
      const row = table.locator(`tr[data-version="${e.streamVersion}"]`);
      await expect(row.getAttribute('data-type')).resolves.toBe(e.type);
      await expect(row.locator('code.hash').textContent()).resolves.toBe(e.hash);
    }
    const registration = table.locator('tr[data-version="1"]');
    await expect(registration.textContent()).resolves.toContain('siti.pendamping (pendamping)');
    await registration.locator('details.raw > summary').click();
    const raw = (await registration.locator('pre.raw-json').textContent()) ?? '';
    expect(raw).toContain('"_pii"');
    expect(raw).not.toContain('Dewi');
    await expect(fitsThePhone(page)).resolves.toBe(true);
  });

  it('shows the auditor who wrote and who read the person’s data: the registration and the auditor’s own read', async () => {
    const page = pages[1];
    await page.getByRole('heading', { level: 2, name: 'Jejak pemrosesan data' }).getByRole('button').click();
    const trail = page.getByRole('table', { name: 'Jejak pemrosesan data' });
    const registration = trail.locator('tr[data-kind="write"]', { hasText: 'Pendaftaran' });
    await registration.waitFor();
    await expect(registration.textContent()).resolves.toContain('siti.pendamping (pendamping)');
    await trail.locator('tr[data-kind="read"]', { hasText: 'Detail kasus' }).filter({ hasText: 'ani.auditor (auditor)' }).waitFor();
    await trail.locator('tr[data-kind="read"]', { hasText: 'Daftar Siap Lanjutan' }).filter({ hasText: 'siti.pendamping' }).first().waitFor();
    expect(await trail.locator('tr[data-kind="write"]').count()).toBe(5);
    await expect(fitsThePhone(page)).resolves.toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'jejak-ui-audit-phone.png'), fullPage: true });
  });

  it('gives a supervisor of the area the processing trail, but not the verification', async () => {
    const page = await phoneOf(SUPERVISOR);
    await openDewi(page);
    await page.getByRole('heading', { level: 2, name: 'Jejak pemrosesan data' }).getByRole('button').click();
    const trail = page.getByRole('table', { name: 'Jejak pemrosesan data' });
    await trail.locator('tr[data-kind="read"]', { hasText: 'Detail kasus' }).filter({ hasText: 'budi.supervisor (supervisor)' }).waitFor();
    expect(await page.getByRole('button', { name: 'Verifikasi riwayat' }).count()).toBe(0);
  });

  it('lets the supervisor download the copy of Dewi’s personal data, which the open trail then lists as a read', async () => {
    const page = pages[2];
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh salinan data pribadi' }).click()]);
    expect(file.suggestedFilename()).toBe(`jejak-data-pribadi-${dewiId}.json`);
    const copy = JSON.parse(readFileSync(await file.path(), 'utf8'));
    expect(copy).toMatchObject({ id: dewiId, personalDataErased: false, current: { fullName: 'Dewi Lestari', stage: 'monitored' } });
    expect(copy.facts.map((f: { type: string }) => f.type)).toEqual(['Registered', 'Trained', 'GrantReceived', 'Monitored', 'Monitored']);
    expect(copy.facts[0].data).toMatchObject({ fullName: 'Dewi Lestari', nik: dewi.nik });
    await page.locator('.flash', { hasText: `Salinan diunduh: jejak-data-pribadi-${dewiId}.json` }).waitFor();

    const trail = page.getByRole('table', { name: 'Jejak pemrosesan data' });
    await trail.locator('tr[data-kind="read"]', { hasText: 'Salinan data pribadi (permintaan akses)' }).filter({ hasText: 'budi.supervisor (supervisor)' }).waitFor();
    await expect(fitsThePhone(page)).resolves.toBe(true);
  });

  it('shows the API’s reason when the copy is refused: the case moved out of the supervisor’s area after the page was opened', async () => {
    const page = pages[2];
    await page.goto(`${app.url}/#/kasus/${jokoId}`);
    await page.getByRole('heading', { level: 1, name: 'Joko Susilo' }).waitFor();
    const moved = await fetch(`${app.url}/v1/entrepreneurs/${jokoId}/profile`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${await token({ sub: 'kepala.dinas', role: 'supervisor' })}`, 'content-type': 'application/json', 'if-match': '"1"' },
      body: JSON.stringify({ regionCode: '32.16.02', reason: 'pindah domisili' }),
    });
    expect(moved.status).toBe(200);

    await page.getByRole('button', { name: 'Unduh salinan data pribadi' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wilayah 32.16.02 berada di luar wilayah kerja Anda (32.16.01)' }).waitFor();
  });

  it('filters Siap Lanjutan by region through the address, and clears the filter again', async () => {
    const page = await phoneOf(AUDITOR);
    await page.getByRole('link', { name: 'Siap Lanjutan' }).click();
    await page.locator('.count', { hasText: '1 wirausaha ditampilkan' }).waitFor();
    await page.getByRole('search').getByLabel('Wilayah').fill('32.16.02');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.locator('.count', { hasText: 'Belum ada wirausaha yang memenuhi syarat.' }).waitFor();
    expect(page.url()).toBe(`${app.url}/#/lanjutan?regionCode=32.16.02`);
    await expect(page.getByRole('search').getByLabel('Wilayah').inputValue()).resolves.toBe('32.16.02');

    await page.getByRole('button', { name: 'Hapus saringan' }).click();
    await page.getByRole('row', { name: /Dewi Lestari/ }).waitFor();
    expect(page.url()).toBe(`${app.url}/#/lanjutan`);
    await page.close();
  });
});
