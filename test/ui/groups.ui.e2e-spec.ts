import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import type { LocalTokenClaims } from '@jejak/auth';
import { aRegistration, JourneyHttp } from '../e2e/journey-http.fixture';

/** Same set-up as caseworker.ui.e2e-spec.ts: the real app, Debian's chromium, a phone screen. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PHONE = { width: 390, height: 844 };
const DESK = { width: 1280, height: 900 };
const SCREENSHOTS = process.env.UI_SCREENSHOT_DIR ?? tmpdir();

const CASEWORKER: LocalTokenClaims = { sub: 'siti.pendamping', role: 'caseworker', kecamatan: ['32.16.01'] };
const AUDITOR: LocalTokenClaims = { sub: 'ani.auditor', role: 'auditor' };
const GROUP = 'Kelompok Resin Art Maju Bersama';

describe('kelompok in the web UI, in a real browser against the real app', () => {
  let http: JourneyHttp;
  let browser: Browser;
  let page: Page;
  let caseworker: string;
  let groupUrl: string;
  const people: Record<string, string> = {};

  async function signedIn(claims: LocalTokenClaims, viewport = PHONE): Promise<Page> {
    const tab = await browser.newPage({ viewport, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    await tab.goto(`${http.app.url}/`);
    await tab.getByLabel('Token akses').fill(await http.token(claims));
    await tab.getByRole('button', { name: 'Masuk' }).click();
    await tab.getByRole('heading', { level: 1, name: 'Daftar kasus' }).waitFor();
    return tab;
  }

  /** Writes made outside the page are not in its read-your-writes position: wait for them here. */
  async function readModelsReach(position: number) {
    expect((await http.call('GET', `/v1/entrepreneurs?limit=1&minPosition=${position}`, { token: caseworker })).status).toBe(200);
    expect((await http.call('GET', `/v1/groups?limit=1&minPosition=${position}`, { token: caseworker })).status).toBe(200);
  }

  const addMemberForm = () => page.locator('form[data-form="add-member"]');
  const fitsThePhone = (tab: Page) => tab.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');

  /** Finds the person by name in the caseload and adds them; the caller checks what came of it. */
  async function addByName(search: string, fullName: string) {
    await page.getByRole('searchbox', { name: 'Cari wirausaha menurut nama' }).fill(search);
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await page.locator('.picks').getByRole('button', { name: fullName }).click();
    await page.getByText(`Dipilih: ${fullName}`).waitFor();
    await addMemberForm().getByRole('button', { name: 'Tambahkan' }).click();
  }

  beforeAll(async () => {
    // a small kelompok, so that the test can fill it: the app's own setting, as in lanjutan-policy.e2e-spec.ts
    http = await JourneyHttp.start({ JEJAK_GROUP_MAX_MEMBERS: '4' });
    caseworker = await http.token(CASEWORKER);
    let position = 0;
    for (const fullName of ['Siti Aminah', 'Dewi Lestari', 'Sri Mulyani', 'Eka Susanti', 'Rina Wati']) {
      const registered = await http.call('POST', '/v1/entrepreneurs', { token: caseworker, body: aRegistration({ fullName }) });
      expect(registered.status).toBe(201);
      people[fullName] = registered.body.id;
      position = registered.body.globalPosition;
    }
    const withdrawn = await http.call('POST', `/v1/entrepreneurs/${people['Rina Wati']}/withdrawal`, {
      token: caseworker, ifMatch: 1, body: { withdrawnOn: '2024-06-01', reason: 'Bekerja di pabrik' },
    });
    expect(withdrawn.status).toBe(200);
    await readModelsReach(Math.max(position, withdrawn.body.globalPosition));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await signedIn(CASEWORKER);
  });

  afterAll(async () => {
    await browser?.close();
    await http?.close();
  });

  it('forms a kelompok from the list page and opens it', async () => {
    await page.getByRole('link', { name: 'Kelompok', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Daftar kelompok' }).waitFor();
    await page.locator('.count', { hasText: 'Tidak ada kelompok yang cocok.' }).waitFor();

    await page.locator('details[data-action="form-group"] > summary').click();
    const form = page.locator('form[data-form="form-group"]');
    await form.getByRole('button', { name: 'Bentuk kelompok' }).click();
    await form.locator('[data-field="name"] .field-error:visible').waitFor();
    await expect(form.locator('[data-field="name"] input').getAttribute('aria-invalid')).resolves.toBe('true');

    await form.getByLabel('Nama kelompok').fill(GROUP);
    await form.getByLabel(/^Kode wilayah/).fill('32.16.01');
    await form.getByLabel('Jenis usaha').fill('kerajinan resin');
    await form.getByLabel(/^Tanggal dibentuk/).fill('2025-01-06');
    await form.getByRole('button', { name: 'Bentuk kelompok' }).click();

    await page.getByRole('heading', { level: 1, name: GROUP }).waitFor();
    groupUrl = page.url();
    expect(groupUrl).toMatch(/#\/kelompok\/[0-9a-f-]{36}$/);
    await expect(page.locator('.flash').textContent()).resolves.toContain('Kelompok terbentuk.');
    await page.getByRole('heading', { level: 2, name: 'Anggota (0 dari 4)' }).waitFor();
    expect(await fitsThePhone(page)).toBe(true);
  });

  it('adds two members found by name, sending the group’s version as If-Match, and links each to their case', async () => {
    const sent: Request[] = [];
    page.on('request', (r) => r.method() === 'POST' && r.url().endsWith('/members') && sent.push(r));
    await addByName('siti', 'Siti Aminah');
    await page.locator('.flash', { hasText: 'Anggota ditambahkan.' }).waitFor();
    await addByName('dewi', 'Dewi Lestari');
    await page.getByRole('heading', { level: 2, name: 'Anggota (2 dari 4)' }).waitFor();

    expect(sent.map((r) => r.headers()['if-match'])).toEqual(['"1"', '"2"']);
    const members = page.locator('ol.members');
    await expect(members.getByRole('link', { name: 'Siti Aminah' }).getAttribute('href')).resolves.toBe(`#/kasus/${people['Siti Aminah']}`);
    await expect(members.getByRole('link', { name: 'Dewi Lestari' }).getAttribute('href')).resolves.toBe(`#/kasus/${people['Dewi Lestari']}`);
    await expect(page.locator('.case-head .version').textContent()).resolves.toBe('versi 3');

    // a member is shown in the search but cannot be picked twice
    await page.getByRole('searchbox', { name: 'Cari wirausaha menurut nama' }).fill('siti');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await expect(page.locator('.picks').getByRole('button', { name: 'Siti Aminah' }).isDisabled()).resolves.toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'jejak-ui-group-phone.png'), fullPage: true });
  });

  it('shows the refusal of a person who withdrew, in Indonesian, next to the member field', async () => {
    await addByName('rina', 'Rina Wati');
    const alert = addMemberForm().locator('.form-alert');
    await alert.waitFor();
    await expect(alert.locator('.alert-title').textContent()).resolves.toContain('Wirausaha ini sudah mengundurkan diri');
    await addMemberForm().locator('[data-field="entrepreneurId"] .field-error:visible').waitFor();
    await expect(page.locator('.case-head .version').textContent()).resolves.toBe('versi 3');
  });

  it('tells the caseworker when someone else added a member meanwhile, reloads, and then fills the group', async () => {
    const other = await http.call('POST', `/v1/groups/${groupUrl.split('/').pop()}/members`, {
      token: caseworker, ifMatch: 3, body: { entrepreneurId: people['Sri Mulyani'] },
    });
    expect(other.status).toBe(200);

    await addByName('eka', 'Eka Susanti');
    await addMemberForm().getByText('Kelompok ini baru saja diubah orang lain').waitFor();
    await addMemberForm().getByRole('button', { name: 'Muat ulang kelompok' }).click();
    await page.locator('ol.members').getByRole('link', { name: 'Sri Mulyani' }).waitFor();

    await addByName('eka', 'Eka Susanti');
    await page.getByRole('heading', { level: 2, name: 'Anggota (4 dari 4)' }).waitFor();
    await page.getByText('Kelompok ini sudah penuh.').waitFor();
    expect(await addMemberForm().count()).toBe(0);
  });

  it('shows the kelompok’s assistance with its total, and the kelompok as of a moment before it, read only', async () => {
    const groupId = groupUrl.split('/').pop() as string;
    const siti = people['Siti Aminah'];
    const training = { title: 'Pelatihan Kerajinan Resin', provider: 'BLK Bekasi', kind: 'competency', startedOn: '2024-06-03', completedOn: '2024-06-07' };
    expect((await http.call('POST', `/v1/entrepreneurs/${siti}/trainings`, { token: caseworker, ifMatch: 1, body: training })).status).toBe(200);
    const beforeGrant = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    // received the day she joined (the page's add-member form dates it today): a grant to a kelompok is for its members
    const { body: group } = await http.call('GET', `/v1/groups/${groupId}`, { token: caseworker });
    const receivedOn = group.members.find((m: { entrepreneurId: string }) => m.entrepreneurId === siti).joinedOn;
    const grant = { programme: 'TKM_PEMULA', amount: 20_000_000, form: 'mixed', receivedOn, fundingSource: 'APBN', groupId, decreeNumber: 'KEP.12/BPKK/2024' };
    expect((await http.call('POST', `/v1/entrepreneurs/${siti}/grants`, { token: caseworker, ifMatch: 2, body: grant })).status).toBe(200);

    await page.goto(groupUrl);
    await page.reload();
    const section = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Bantuan kelompok' }) });
    // Intl writes "Rp" and the amount with a no-break space between them
    const text = async (locator: ReturnType<Page['locator']>) => ((await locator.textContent()) ?? '').replace(/\u00a0/g, ' ');
    await expect(text(section.locator('.grant-total'))).resolves.toBe('1 bantuan, jumlah Rp 20.000.000');
    // the date as the page writes it, taken from her member line ("bergabung <date>")
    const shown = (await text(page.locator(`li.member[data-id="${siti}"]`))).split('bergabung ')[1].split(' · ')[0];
    await expect(text(section.locator(`li[data-id="${siti}"]`))).resolves.toBe(`Rp 20.000.000 · Siti Aminah · TKM Pemula · Campuran · APBN · ${shown} · SK KEP.12/BPKK/2024`);
    expect(await fitsThePhone(page)).toBe(true);

    await page.goto(`${groupUrl}?asOf=${encodeURIComponent(beforeGrant)}`);
    await page.getByText('Menampilkan kelompok sebagaimana tercatat pada').waitFor();
    await section.getByText('Belum ada bantuan yang tercatat untuk kelompok ini.').waitFor();
    expect(await addMemberForm().count()).toBe(0);
    await page.locator('details', { hasText: 'Lihat per tanggal' }).getByRole('button', { name: 'Kembali ke sekarang' }).click();
    await section.locator('.grant-total').waitFor();
    expect(page.url()).toBe(groupUrl);
  });

  it('records a member’s grant from the kelompok’s page: the case opens with the grant form and the kelompok filled in', async () => {
    const groupId = groupUrl.split('/').pop() as string;
    const dewi = people['Dewi Lestari'];
    const training = { title: 'Pelatihan Kerajinan Resin', provider: 'BLK Bekasi', kind: 'competency', startedOn: '2024-06-03', completedOn: '2024-06-07' };
    const trained = await http.call('POST', `/v1/entrepreneurs/${dewi}/trainings`, { token: caseworker, ifMatch: 1, body: training });
    expect(trained.status).toBe(200);
    const { body: group } = await http.call('GET', `/v1/groups/${groupId}`, { token: caseworker });
    const joinedOn = group.members.find((m: { entrepreneurId: string }) => m.entrepreneurId === dewi).joinedOn;

    await page.goto(groupUrl);
    await page.reload();
    await readModelsReach(trained.body.globalPosition);
    await page.locator(`li.member[data-id="${dewi}"]`).getByRole('link', { name: 'Catat bantuan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dewi Lestari' }).waitFor();
    const form = page.locator('form[data-form="grant"]');
    await form.waitFor({ state: 'visible' });
    await expect(form.locator('[name="groupId"]').inputValue()).resolves.toBe(groupId);
    await form.locator('[name="programme"]').selectOption('TKM_PEMULA');
    await form.locator('[name="amount"]').fill('20000000');
    await form.locator('[name="form"]').selectOption('equipment');
    await form.locator('[name="receivedOn"]').fill(joinedOn);
    await form.locator('[name="fundingSource"]').selectOption('APBD');
    await form.getByRole('button').first().click();
    await page.locator('.flash').waitFor();
    // saved: back at the case's own address, the grant form closed and empty for the next entry
    expect(page.url()).toBe(`${http.app.url}/#/kasus/${dewi}`);
    expect(await page.locator('details[data-action="grant"]').getAttribute('open')).toBeNull();
    await expect(page.locator('form[data-form="grant"] [name="groupId"]').inputValue()).resolves.toBe('');

    await page.goto(groupUrl);
    await page.reload();
    await page.locator(`section li[data-id="${dewi}"]`, { hasText: 'APBD' }).waitFor();
    await expect(page.locator('.grant-total').textContent()).resolves.toMatch(/^2 bantuan, jumlah Rp\s40\.000\.000$/);
  });

  it('lists the kelompok with its members count, filtered by programme like the API', async () => {
    await page.getByRole('link', { name: 'Kelompok', exact: true }).click();
    const row = page.getByRole('row', { name: new RegExp(GROUP) });
    await expect(row.locator('td[data-label="Anggota"]').textContent()).resolves.toBe('4 / 4');
    await expect(row.locator('td[data-label="Program"]').textContent()).resolves.toBe('TKM Pemula');
    expect(await fitsThePhone(page)).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'jejak-ui-groups-phone.png'), fullPage: true });

    await page.locator('form.filters').getByLabel('Program').selectOption('TKM_LANJUTAN');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.locator('.count', { hasText: 'Tidak ada kelompok yang cocok.' }).waitFor();
    expect(page.url()).toContain('#/kelompok?programme=TKM_LANJUTAN');
  });

  it('shows an auditor the kelompok and its members, read-only, in either language', async () => {
    const desk = await signedIn(AUDITOR, DESK);
    await desk.getByRole('link', { name: 'Kelompok', exact: true }).click();
    await desk.getByRole('heading', { level: 1, name: 'Daftar kelompok' }).waitFor();
    expect(await desk.locator('details[data-action="form-group"]').count()).toBe(0);
    await desk.getByRole('link', { name: GROUP }).click();
    await desk.getByRole('heading', { level: 1, name: GROUP }).waitFor();
    await desk.locator('ol.members').getByRole('link', { name: 'Eka Susanti' }).waitFor();
    expect(await desk.locator('form[data-form="add-member"], .member-search').count()).toBe(0);
    expect(await desk.getByRole('link', { name: 'Catat bantuan' }).count()).toBe(0);
    // the kelompok's own stream, verified and shown as stored: formed, then four members joined
    await desk.getByRole('button', { name: 'Verifikasi riwayat' }).click();
    await desk.locator('.verdict').getByText('Riwayat utuh: rantai hash 5 peristiwa cocok.').waitFor();
    await desk.getByRole('heading', { level: 2, name: 'Riwayat tersimpan' }).getByRole('button').click();
    const rows = desk.getByRole('table', { name: 'Riwayat tersimpan' }).locator('tbody tr');
    await rows.first().waitFor();
    const types = await Promise.all((await rows.all()).map((row) => row.getAttribute('data-type')));
    expect(types).toEqual(['GroupFormed', 'MemberJoined', 'MemberJoined', 'MemberJoined', 'MemberJoined']);
    await desk.screenshot({ path: join(SCREENSHOTS, 'jejak-ui-group-desktop.png'), fullPage: true });

    await desk.getByRole('button', { name: 'Switch to English' }).click();
    await desk.getByRole('heading', { level: 2, name: 'Members (4 of 4)' }).waitFor();
    await desk.getByRole('link', { name: 'Groups', exact: true }).click();
    await desk.getByRole('heading', { level: 1, name: 'Groups' }).waitFor();
    await desk.close();
  });

  it('pages a long list of kelompok with “Muat lagi”', async () => {
    let position = 0;
    for (let i = 1; i <= 25; i += 1) {
      const formed = await http.call('POST', '/v1/groups', { token: caseworker, body: { name: `Kelompok ${i}`, regionCode: '32.16.01', businessType: 'tata boga' } });
      expect(formed.status).toBe(201);
      position = formed.body.globalPosition;
    }
    await readModelsReach(position);
    await page.goto(`${http.app.url}/#/kelompok`);
    await page.locator('.count', { hasText: '25 kelompok ditampilkan' }).waitFor();
    await page.getByRole('button', { name: 'Muat lagi' }).click();
    await page.locator('.count', { hasText: '26 kelompok ditampilkan' }).waitFor();
    expect(await page.getByRole('button', { name: 'Muat lagi' }).isHidden()).toBe(true);
  });
});
