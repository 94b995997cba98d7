import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page, type Request } from 'playwright-core';
import type { LocalTokenClaims } from '@jejak/auth';
import { JourneyHttp } from '../e2e/journey-http.fixture';

/** As in audit.ui.e2e-spec.ts: the real app (through JourneyHttp), Debian's chromium, a phone screen. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PHONE = { width: 390, height: 844 };
const SCREENSHOTS = process.env.UI_SCREENSHOT_DIR ?? tmpdir();

const CASEWORKER: LocalTokenClaims = { sub: 'siti.pendamping', role: 'caseworker', kecamatan: ['32.16.01'] };
const SUPERVISOR: LocalTokenClaims = { sub: 'budi.supervisor', role: 'supervisor', kecamatan: ['32.16.01'] };

const dewi = { nik: '3216014507920001', fullName: 'Dewi Lestari', birthDate: '1992-07-05', sex: 'F', regionCode: '32.16.01.2001', registeredOn: '2025-01-02' };
const joko = { nik: '3216011203850002', fullName: 'Joko Susilo', birthDate: '1985-03-12', sex: 'M', regionCode: '32.16.01' };
const dewisTraining = { title: 'Pelatihan Tata Boga', provider: 'BBPKK Bekasi', kind: 'competency', startedOn: '2025-01-06', completedOn: '2025-01-10' };

const RESTRICTED = '(pemrosesan data dibatasi)';
/** The forms of new facts, which the API refuses while processing is restricted. */
const NEW_FACTS = ['training', 'grant', 'visit', 'graduation', 'withdrawal', 'profile', 'caseworker'];

describe('restriction of processing (UU PDP), in a real browser against the real app', () => {
  let http: JourneyHttp;
  let browser: Browser;
  let dewiId: string;
  let groupId: string;
  const pages: Page[] = [];

  async function write(path: string, body: unknown, ifMatch?: number): Promise<{ id: string; version: number; globalPosition: number }> {
    const answer = await http.call('POST', path, { token: await http.token(CASEWORKER), body, ifMatch });
    if (answer.status >= 300) throw new Error(`${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  /** A phone of its own for each person: the token lives in the tab's sessionStorage. */
  async function phoneOf(claims: LocalTokenClaims): Promise<Page> {
    const page = await browser.newPage({ viewport: PHONE, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    pages.push(page);
    await page.goto(`${http.app.url}/`);
    await page.getByLabel('Token akses').fill(await http.token(claims));
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Daftar kasus' }).waitFor();
    return page;
  }

  async function openDewi(page: Page, heading: string) {
    await page.goto(`${http.app.url}/#/kasus/${dewiId}`);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await page.locator('.event[data-type="Registered"]').waitFor();
  }

  async function expectSaved(page: Page, form: Locator, flash: string) {
    const alert = form.locator('.form-alert');
    await Promise.race([page.locator('.flash', { hasText: flash }).waitFor(), alert.waitFor()]);
    if (await alert.isVisible()) throw new Error(`the form was refused: ${await form.textContent()}`);
  }

  const offered = async (page: Page) => Promise.all((await page.locator('details[data-action]').all()).map((d) => d.getAttribute('data-action')));
  const banner = (page: Page) => page.getByRole('status').filter({ hasText: 'Pemrosesan data dibatasi sejak' });
  const caseloadRowOfDewi = (page: Page) => page.locator(`tr:has(a[href="#/kasus/${dewiId}"])`);
  // evaluated in the page, where document and window exist
  const fitsThePhone = (page: Page) => page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');

  beforeAll(async () => {
    http = await JourneyHttp.start();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });

    const registered = await write('/v1/entrepreneurs', dewi);
    dewiId = registered.id;
    await write(`/v1/entrepreneurs/${dewiId}/trainings`, dewisTraining, registered.version);
    const group = await write('/v1/groups', { name: 'Kelompok Boga Sejahtera', regionCode: '32.16.01', businessType: 'tata boga' });
    groupId = group.id;
    await write(`/v1/groups/${groupId}/members`, { entrepreneurId: dewiId }, group.version);
    const last = await write('/v1/entrepreneurs', joko);
    // written outside the pages, so their read-your-writes position does not cover it: wait here
    const reached = await http.call('GET', `/v1/entrepreneurs?limit=1&minPosition=${last.globalPosition}`, { token: await http.token(CASEWORKER) });
    expect(reached.status).toBe(200);
  });

  afterAll(async () => {
    await browser?.close();
    await http?.close();
  });

  it('offers a caseworker the restriction next to the erasure, and records it with If-Match and the reason', async () => {
    const page = await phoneOf(CASEWORKER);
    await openDewi(page, 'Dewi Lestari');
    expect(await banner(page).count()).toBe(0);
    const actions = await offered(page);
    expect(actions).toEqual([...NEW_FACTS, 'restriction', 'erasure']);

    const sent: Request[] = [];
    page.on('request', (r) => r.method() === 'POST' && r.url().endsWith('/restriction') && sent.push(r));
    await page.locator('details[data-action="restriction"] > summary', { hasText: 'Pembatasan pemrosesan data' }).click();
    const form = page.locator('form[data-form="restriction"]');
    await form.getByText('Atas permintaan orang yang bersangkutan (UU PDP).').waitFor();
    await form.getByLabel('Alasan').fill('Yang bersangkutan menyanggah ketepatan datanya');
    await form.getByLabel(/^Nomor surat permohonan/).fill('PDP-2025-007');
    await form.getByRole('button', { name: 'Batasi pemrosesan' }).click();

    await expectSaved(page, form, 'Tersimpan: Pembatasan pemrosesan data.');
    expect(sent).toHaveLength(1);
    expect(sent[0].headers()['if-match']).toBe('"2"');
    expect(sent[0].postDataJSON()).toEqual({ reason: 'Yang bersangkutan menyanggah ketepatan datanya', requestReference: 'PDP-2025-007' });
  });

  it('then shows the caseworker the banner, no name and none of the forms the API would refuse; erasure and the lift stay', async () => {
    const page = pages[0];
    await page.getByRole('heading', { level: 1, name: RESTRICTED }).waitFor();
    await expect(banner(page).locator('p').first().textContent()).resolves.toMatch(/^Pemrosesan data dibatasi sejak \d{1,2} \S+ \d{4}$/);
    await expect(banner(page).textContent()).resolves.toContain('Penghapusan data pribadi tetap dapat dilakukan.');
    expect(await page.locator('main').textContent()).not.toContain('Dewi');
    await expect(offered(page)).resolves.toEqual(['liftRestriction', 'erasure']);
    await expect(page.locator('.case-head .version').textContent()).resolves.toBe('versi 3');
    await expect(fitsThePhone(page)).resolves.toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'jejak-ui-restricted-case-phone.png'), fullPage: true });
  });

  it('marks the restricted row in the caseworker’s caseload instead of a blank name', async () => {
    const page = pages[0];
    await page.getByRole('link', { name: 'Daftar kasus' }).first().click();
    await page.getByRole('row', { name: /Joko Susilo/ }).waitFor();
    const row = caseloadRowOfDewi(page);
    await expect(row.getByRole('link').textContent()).resolves.toBe(RESTRICTED);
    await expect(row.locator('td[data-label="Wilayah"]').textContent()).resolves.toBe('32.16.01');
    expect(await page.locator('main').textContent()).not.toContain('Dewi');
    await page.screenshot({ path: join(SCREENSHOTS, 'jejak-ui-restricted-caseload-phone.png'), fullPage: true });
  });

  it('marks her in her group’s members too, linked to her case, not as someone outside the area', async () => {
    const page = pages[0];
    await page.goto(`${http.app.url}/#/kelompok/${groupId}`);
    await page.getByRole('heading', { level: 1, name: 'Kelompok Boga Sejahtera' }).waitFor();
    const member = page.locator(`.member[data-id="${dewiId}"]`);
    await expect(member.getByRole('link').textContent()).resolves.toBe(RESTRICTED);
    await expect(member.getByRole('link').getAttribute('href')).resolves.toBe(`#/kasus/${dewiId}`);
    // her case takes no grant while restricted, so the kelompok offers none for her
    expect(await member.getByRole('link', { name: 'Catat bantuan' }).count()).toBe(0);
    expect(await page.locator('main').textContent()).not.toContain('Dewi');
  });

  it('still shows a supervisor the name, with the same banner and only the lift and the erasure', async () => {
    const page = await phoneOf(SUPERVISOR);
    await expect(caseloadRowOfDewi(page).getByRole('link').textContent()).resolves.toBe('Dewi Lestari');
    await openDewi(page, 'Dewi Lestari');
    await banner(page).waitFor();
    await expect(offered(page)).resolves.toEqual(['liftRestriction', 'erasure']);
    await page.close();
  });

  it('lets the caseworker lift the restriction with a reason, after which everything is back', async () => {
    const page = pages[0];
    await page.locator(`.member[data-id="${dewiId}"]`).getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: RESTRICTED }).waitFor();
    await page.locator('details[data-action="liftRestriction"] > summary', { hasText: 'Pencabutan pembatasan pemrosesan' }).click();
    const form = page.locator('form[data-form="liftRestriction"]');
    await form.getByRole('button', { name: 'Cabut pembatasan' }).click();
    // the API's own message, next to the field it names
    await form.locator('[data-field="reason"] .field-error').waitFor();

    await form.getByLabel('Alasan').fill('Data sudah diperiksa dan benar');
    await form.getByRole('button', { name: 'Cabut pembatasan' }).click();
    await expectSaved(page, form, 'Tersimpan: Pencabutan pembatasan pemrosesan.');
    await page.getByRole('heading', { level: 1, name: 'Dewi Lestari' }).waitFor();
    expect(await banner(page).count()).toBe(0);
    await expect(offered(page)).resolves.toEqual([...NEW_FACTS, 'restriction', 'erasure']);

    await page.getByRole('link', { name: 'Daftar kasus' }).first().click();
    await expect(caseloadRowOfDewi(page).getByRole('link').textContent()).resolves.toBe('Dewi Lestari');
  });

  it('shows both events in the timeline, labelled in Indonesian, with their non-personal facts', async () => {
    const page = pages[0];
    await openDewi(page, 'Dewi Lestari');
    const restricted = page.locator('.event[data-type="ProcessingRestricted"]');
    const lifted = page.locator('.event[data-type="ProcessingRestrictionLifted"]');
    await expect(restricted.locator('strong').textContent()).resolves.toBe('Pembatasan pemrosesan data');
    await expect(lifted.locator('strong').textContent()).resolves.toBe('Pencabutan pembatasan pemrosesan data');
    await expect(restricted.locator('dt:text-is("Dibatasi sejak") + dd').textContent()).resolves.toMatch(/\d{4}$/);
    await expect(restricted.locator('dt:text-is("Nomor surat permohonan") + dd').textContent()).resolves.toBe('PDP-2025-007');
    await expect(lifted.locator('dt:text-is("Tanggal pencabutan") + dd').textContent()).resolves.toMatch(/\d{4}$/);
    await expect(restricted.textContent()).resolves.toContain('siti.pendamping (pendamping)');
    // the reasons are metadata, which the timeline does not show
    expect(await page.locator('.timeline').textContent()).not.toContain('menyanggah');
    await expect(fitsThePhone(page)).resolves.toBe(true);
  });
});
