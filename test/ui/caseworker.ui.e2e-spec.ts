import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { AUTH_CONFIG, issueLocalToken, type LocalAuthConfig, type LocalTokenClaims } from '@jejak/auth';
import { startTestApp, type TestApp } from '../../apps/jejak/testing/start-test-app';

/** Debian's chromium (the CI script installs it); CHROMIUM_PATH points elsewhere on other machines. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PHONE = { width: 390, height: 844 };
const SCREENSHOTS = process.env.UI_SCREENSHOT_DIR ?? tmpdir();

// a paper form entered later: registered before the training below
const siti = { nik: '3216015204980001', fullName: 'Siti Aminah', birthDate: '1998-04-12', sex: 'F', regionCode: '32.16.01', registeredOn: '2025-01-02' };
const scripted = { nik: '3216010501900002', fullName: '<script>alert(1)</script>', birthDate: '1990-01-05', sex: 'M', regionCode: '32.16.01' };

describe('the caseworker web UI, in a real browser against the real app', () => {
  let app: TestApp;
  let dataDir: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let sitiUrl: string;
  const dialogs: string[] = [];

  const token = (claims: LocalTokenClaims) => issueLocalToken(app.app.get<LocalAuthConfig>(AUTH_CONFIG), claims);
  const api = async (method: string, path: string, bearer: string, init: { body?: unknown; ifMatch?: string } = {}) => {
    const headers: Record<string, string> = { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' };
    if (init.ifMatch) headers['if-match'] = init.ifMatch;
    const res = await fetch(`${app.url}${path}`, { method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the assertions check the shape
    return { status: res.status, etag: res.headers.get('etag'), body: (await res.json()) as any };
  };

  async function signInAs(target: Page, claims: LocalTokenClaims) {
    await target.goto(`${app.url}/`);
    await target.getByLabel('Token akses').fill(await token(claims));
    await target.getByRole('button', { name: 'Masuk' }).click();
    await target.getByRole('heading', { level: 1, name: 'Daftar kasus' }).waitFor();
  }

  /** Writes made outside the page are not in its read-your-writes position: wait for them here. */
  async function readModelsReach(position: number, bearer: string) {
    expect((await api('GET', `/v1/entrepreneurs?limit=1&minPosition=${position}`, bearer)).status).toBe(200);
  }

  /** Waits for the save to finish; a refusal fails the test with what the form showed. */
  async function expectSaved(form: ReturnType<Page['locator']>, flash: string) {
    const alert = form.locator('.form-alert');
    await Promise.race([page.locator('.flash', { hasText: flash }).waitFor(), alert.waitFor()]);
    if (await alert.isVisible()) throw new Error(`the form was refused: ${await form.textContent()}`);
  }

  async function register(person: typeof scripted & { registeredOn?: string }) {
    await page.getByRole('link', { name: 'Pendaftaran' }).click();
    const form = page.locator('form[data-form="register"]');
    await form.getByLabel('NIK').fill(person.nik);
    await form.getByLabel('Nama lengkap').fill(person.fullName);
    await form.getByLabel('Tanggal lahir').fill(person.birthDate);
    await form.getByLabel(person.sex === 'F' ? 'Perempuan' : 'Laki-laki').check();
    await form.getByLabel(/^Kode wilayah/).fill(person.regionCode);
    if (person.registeredOn) await form.getByLabel(/^Tanggal pendaftaran/).fill(person.registeredOn);
    await form.getByRole('button', { name: 'Daftarkan' }).click();
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'jejak-ui-e2e-'));
    app = await startTestApp({ JEJAK_DATA_DIR: dataDir });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    context = await browser.newContext({ viewport: PHONE, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the page at / under a policy that lets only its own scripts run', async () => {
    const res = await fetch(`${app.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await fetch(`${app.url}/js/main.js`)).headers.get('content-type')).toContain('javascript');
  });

  it('signs a caseworker in with a pasted token and shows who they are', async () => {
    await page.goto(`${app.url}/`);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.locator('.field-error', { hasText: 'Token tidak dapat dibaca' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'jejak-ui-sign-in-phone.png') });

    await signInAs(page, { sub: 'siti.pendamping', role: 'caseworker', kecamatan: ['32.16.01'] });
    const who = await page.locator('.who').textContent();
    expect(who).toContain('siti.pendamping');
    expect(who).toContain('pendamping');
    expect(who).toContain('32.16.01');
  });

  it('puts the reason for a bad NIK next to the NIK field, in Indonesian', async () => {
    await register({ ...siti, nik: '321601520498001' });
    const nikField = page.locator('[data-field="nik"]');
    const nikError = nikField.locator('.field-error:visible');
    await nikError.waitFor();
    await expect(nikError.textContent()).resolves.toBe('NIK harus tepat 16 digit angka.');
    await expect(nikField.locator('input').getAttribute('aria-invalid')).resolves.toBe('true');

    // 16 digits, but day 99 of month 99: the domain's own check, translated by its code
    await nikField.locator('input').fill('3216019999990001');
    await page.getByRole('button', { name: 'Daftarkan' }).click();
    await page.locator('[data-field="nik"] .field-error', { hasText: 'tanggal lahir yang sah' }).waitFor();
    await expect(page.locator('.form-alert .alert-title').textContent()).resolves.toContain('NIK tidak memuat tanggal lahir yang sah');
    await page.screenshot({ path: join(SCREENSHOTS, 'jejak-ui-register-error-phone.png') });
  });

  it('shows the API’s words for a field, naming the rule’s limit, in the language chosen', async () => {
    const tooLong = { ...siti, fullName: `Siti ${'Aminah '.repeat(40)}` };
    await register(tooLong);
    const fullNameError = page.locator('[data-field="fullName"] .field-error:visible');
    await expect(fullNameError.textContent()).resolves.toBe('Kolom fullName paling banyak 200 karakter.');

    await page.getByRole('button', { name: 'Switch to English' }).click();
    const form = page.locator('form[data-form="register"]');
    for (const [name, value] of Object.entries(tooLong)) if (name !== 'sex') await form.locator(`[name="${name}"]`).fill(value);
    await form.locator('[name="sex"][value="F"]').check();
    await form.getByRole('button', { name: 'Register' }).click();
    await expect(fullNameError.textContent()).resolves.toBe('fullName must be shorter than or equal to 200 characters.');
    await page.getByRole('button', { name: 'Ganti ke Bahasa Indonesia' }).click();
  });

  it('registers an entrepreneur through the form and opens the new case', async () => {
    await register(siti);
    await page.getByRole('heading', { level: 1, name: 'Siti Aminah' }).waitFor();
    sitiUrl = page.url();
    await expect(page.locator('.flash').textContent()).resolves.toBe('Pendaftaran tersimpan.');
    await expect(page.locator('.case-head .badge').textContent()).resolves.toBe('terdaftar');
    await page.locator('.event[data-type="Registered"]').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'jejak-ui-case-phone.png'), fullPage: true });
  });

  it('records a training with If-Match and an Idempotency-Key, then shows it in the timeline and the caseload', async () => {
    const sent: Request[] = [];
    page.on('request', (r) => r.method() === 'POST' && r.url().endsWith('/trainings') && sent.push(r));
    await page.locator('details[data-action="training"] > summary').click();
    const form = page.locator('form[data-form="training"]');
    await form.getByLabel('Nama pelatihan').fill('Pelatihan Wirausaha Resin Art');
    await form.getByLabel('Penyelenggara').fill('Dinas Koperasi & UMKM Kabupaten Bekasi');
    await form.getByLabel('Jenis pelatihan').selectOption('entrepreneurship');
    await form.getByLabel('Tanggal mulai').fill('2025-01-06');
    await form.getByLabel('Tanggal selesai').fill('2025-01-10');
    await form.getByRole('button', { name: 'Simpan' }).click();

    await expectSaved(form, 'Tersimpan: Pelatihan.');
    await page.locator('.event[data-type="Trained"]', { hasText: 'Pelatihan Wirausaha Resin Art' }).waitFor();
    await expect(page.locator('.case-head .badge').textContent()).resolves.toBe('terlatih');
    expect(sent).toHaveLength(1);
    expect(sent[0].headers()['if-match']).toBe('"1"');
    expect(sent[0].headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);

    await page.getByRole('link', { name: 'Daftar kasus' }).first().click();
    const row = page.getByRole('row', { name: /Siti Aminah/ });
    await expect(row.locator('.badge').textContent()).resolves.toBe('terlatih');
    await page.screenshot({ path: join(SCREENSHOTS, 'jejak-ui-caseload-phone.png'), fullPage: true });
  });

  it('shows a name that looks like a script as plain text, and runs nothing', async () => {
    await register(scripted);
    await page.getByRole('heading', { level: 1, name: scripted.fullName }).waitFor();
    await page.getByRole('link', { name: 'Daftar kasus' }).first().click();
    await page.getByRole('link', { name: scripted.fullName }).waitFor();
    expect(await page.locator('main script').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('tells the caseworker when someone else changed the case meanwhile, and reloads it', async () => {
    await page.goto(sitiUrl);
    await page.getByRole('heading', { level: 1, name: 'Siti Aminah' }).waitFor();
    const id = sitiUrl.split('/').pop()!;
    const other = await token({ sub: 'budi.supervisor', role: 'supervisor' });
    const changed = await api('PUT', `/v1/entrepreneurs/${id}/caseworker`, other, { body: { caseworkerId: 'budi' }, ifMatch: '"2"' });
    expect(changed.status).toBe(200);

    await page.locator('details[data-action="caseworker"] > summary').click();
    const form = page.locator('form[data-form="caseworker"]');
    await form.getByLabel('ID pendamping').fill('siti.pendamping');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await form.getByText('baru saja diubah orang lain').waitFor();
    await form.getByRole('button', { name: 'Muat ulang kasus' }).click();
    await page.locator('.case-head .version', { hasText: 'versi 3' }).waitFor();
  });

  it('shows the case as it was before the training', async () => {
    const id = sitiUrl.split('/').pop()!;
    const history = await api('GET', `/v1/entrepreneurs/${id}/timeline`, await token({ sub: 'a', role: 'auditor' }));
    const registeredAt = history.body.items[0].recordedAt as string;
    await page.goto(`${sitiUrl}?asOf=${encodeURIComponent(registeredAt)}`);
    await page.locator('.case-head .badge', { hasText: 'terdaftar' }).waitFor();
    await expect(page.locator('.event').count()).resolves.toBe(1);
    expect(await page.locator('form[data-form="training"]').count()).toBe(0);
  });

  it('resends a save whose answer was lost with the same Idempotency-Key, and it is recorded once', async () => {
    await page.goto(sitiUrl);
    await page.getByRole('heading', { level: 1, name: 'Siti Aminah' }).waitFor();
    const keys: string[] = [];
    let loseTheAnswer = true;
    await page.route('**/grants', async (route) => {
      keys.push(route.request().headers()['idempotency-key']);
      if (!loseTheAnswer) return route.continue();
      loseTheAnswer = false;
      await route.fetch(); // the server acts…
      await route.abort('connectionreset'); // …but the phone never hears back
    });

    await page.locator('details[data-action="grant"] > summary').click();
    const form = page.locator('form[data-form="grant"]');
    await form.getByLabel('Program').selectOption('TKM_PEMULA');
    await form.getByLabel(/^Nilai bantuan/).fill('10000000');
    await form.getByLabel('Bentuk bantuan').selectOption('equipment');
    await form.getByLabel('Tanggal diterima').fill('2025-02-03');
    await form.getByLabel('Sumber dana').selectOption('APBN');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await form.locator('.form-alert', { hasText: 'Tidak dapat terhubung' }).waitFor();

    await form.getByRole('button', { name: 'Simpan' }).click();
    await expectSaved(form, 'Tersimpan: Bantuan.');
    await page.unroute('**/grants');
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    await expect(page.locator('.event[data-type="GrantReceived"]').count()).resolves.toBe(1);
    await expect(page.locator('.case-head .badge').textContent()).resolves.toBe('menerima bantuan');
  });

  it('erases a person’s personal data only after the caseworker confirms it', async () => {
    const caseworker = await token({ sub: 'siti.pendamping', role: 'caseworker', kecamatan: ['32.16.01'] });
    const rina = { nik: '3216016303950001', fullName: 'Rina Wati', birthDate: '1995-03-23', sex: 'F', regionCode: '32.16.01' };
    const created = await api('POST', '/v1/entrepreneurs', caseworker, { body: rina });
    expect(created.status).toBe(201);
    await readModelsReach(created.body.globalPosition, caseworker);
    await page.goto(`${app.url}/#/kasus/${created.body.id}`);
    await page.getByRole('heading', { level: 1, name: 'Rina Wati' }).waitFor();

    const factForms = () => page.locator(['training', 'grant', 'visit', 'graduation', 'withdrawal'].map((a) => `details[data-action="${a}"]`).join(', ')).count();
    expect(await factForms()).toBe(5);
    await page.locator('details[data-action="erasure"] > summary').click();
    const form = page.locator('form[data-form="erasure"]');
    await form.getByLabel('Alasan').fill('Permintaan yang bersangkutan');
    await form.getByRole('button', { name: 'Hapus data pribadi' }).click();
    await form.locator('[data-field="confirmErasure"] .field-error', { hasText: 'Wajib diisi.' }).waitFor();

    await form.getByRole('checkbox').check();
    await form.getByRole('button', { name: 'Hapus data pribadi' }).click();
    await expectSaved(form, 'Tersimpan: Penghapusan data pribadi.');
    await page.getByRole('heading', { level: 1, name: '(data pribadi telah dihapus)' }).waitFor();
    expect(await page.locator('main').textContent()).not.toContain('Rina');
    await page.locator('.event[data-type="PersonalDataErased"]').waitFor();
    // the API records no journey fact on an erased case, so the page offers none
    expect(await factForms()).toBe(0);
  });

  it('pages a long caseload with “Muat lagi”', async () => {
    const caseworker = await token({ sub: 'siti.pendamping', role: 'caseworker', kecamatan: ['32.16.01'] });
    const more = Array.from({ length: 25 }, (_, i) => ({
      nik: `321601100288${String(i + 10).padStart(4, '0')}`,
      fullName: `Peserta ${i + 1}`, birthDate: '1988-02-10', sex: 'M', regionCode: '32.16.01',
    }));
    let last = 0;
    for (const person of more) {
      const created = await api('POST', '/v1/entrepreneurs', caseworker, { body: person });
      expect(created.status).toBe(201);
      last = created.body.globalPosition;
    }
    await readModelsReach(last, caseworker);

    await page.getByRole('link', { name: 'Daftar kasus', exact: true }).click();
    await page.locator('.count', { hasText: '25 kasus ditampilkan' }).waitFor();
    await page.getByRole('button', { name: 'Muat lagi' }).click();
    await page.locator('.count', { hasText: '28 kasus ditampilkan' }).waitFor();
    expect(await page.getByRole('button', { name: 'Muat lagi' }).isHidden()).toBe(true);
    await page.getByRole('row', { name: /Siti Aminah/ }).waitFor();
  });

  it('switches to English and back', async () => {
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('link', { name: 'Caseload', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Caseload' }).waitFor();
    await page.getByRole('button', { name: 'Ganti ke Bahasa Indonesia' }).click();
    await page.getByRole('heading', { level: 1, name: 'Daftar kasus' }).waitFor();
  });

  it('gives a supervisor the progression report on a desktop screen', async () => {
    // another person's browser has not written anything, so it does not wait for the caseworker's
    // writes by itself: wait once for the report's read model to reach them, then look
    const written = Number(await page.evaluate<string | null>("sessionStorage.getItem('jejak.position')"));
    expect(written).toBeGreaterThan(0);
    const supervisor = await token({ sub: 'budi.supervisor', role: 'supervisor' });
    expect((await api('GET', `/v1/reports/progression?minPosition=${written}`, supervisor)).status).toBe(200);

    const desk = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
    await signInAs(desk, { sub: 'budi.supervisor', role: 'supervisor' });
    await desk.getByRole('link', { name: 'Laporan' }).click();
    const stages = desk.getByRole('table', { name: 'Posisi kasus saat ini' });
    await expect(stages.getByRole('row', { name: /menerima bantuan/ }).locator('td').textContent()).resolves.toBe('1');
    await desk.screenshot({ path: join(SCREENSHOTS, 'jejak-ui-report-desktop.png'), fullPage: true });
    await desk.getByRole('link', { name: 'Daftar kasus' }).click();
    await desk.getByLabel('Cari nama').fill('aminah');
    await desk.getByLabel('Tahap').selectOption('funded');
    await desk.getByRole('button', { name: 'Terapkan' }).click();
    await desk.locator('.count', { hasText: '1 kasus ditampilkan' }).waitFor();
    await desk.getByRole('row', { name: /Siti Aminah/ }).waitFor();
    await desk.screenshot({ path: join(SCREENSHOTS, 'jejak-ui-caseload-desktop.png'), fullPage: true });
    await desk.getByRole('link', { name: 'Siti Aminah' }).click();
    await desk.locator('details[data-action="visit"] > summary').click();
    await desk.screenshot({ path: join(SCREENSHOTS, 'jejak-ui-case-desktop.png'), fullPage: true });
    await desk.close();
  });
});
