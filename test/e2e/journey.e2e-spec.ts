import { request } from 'node:http';
import { indonesianDetail } from '@jejak/platform';
import { problemCodesInSource } from '../architecture/problem-codes';
import { dtoClassesInSource, ruleUses } from '../architecture/validation-rules';
import { aRegistration, JourneyHttp, newKey, type Answer } from './journey-http.fixture';

describe('the journey over HTTP, against the real app', () => {
  let http: JourneyHttp;
  let ani: string;
  let budi: string;
  let auditor: string;

  beforeAll(async () => {
    http = await JourneyHttp.start();
    ani = await http.token({ sub: 'cw-ani', role: 'caseworker', kecamatan: ['32.16.01'] });
    budi = await http.token({ sub: 'cw-budi', role: 'caseworker' });
    auditor = await http.token({ sub: 'aud-1', role: 'auditor' });
  });
  afterAll(() => http.close());

  const register = (body = aRegistration(), token = ani) => http.call('POST', '/v1/entrepreneurs', { token, body });
  const history = (id: string) => http.call('GET', `/v1/audit/streams/entrepreneur-${id}`, { token: auditor });
  const training = { title: 'Pelatihan Tata Boga', provider: 'BLK Bekasi', kind: 'competency', startedOn: '2024-02-01', completedOn: '2024-02-05', hours: 40 };
  const grant = { programme: 'TKM_PEMULA', amount: 20_000_000, form: 'mixed', receivedOn: '2024-03-01', fundingSource: 'APBN', decreeNumber: 'KEP.12/BPKK/2024' };
  const visit = (visitedOn: string) => ({ visitedOn, businessActive: true, workersTotal: 3, paidWorkers: 1, unpaidWorkers: 1, revenueTrend: 'up_to_target', monthlyRevenue: 4_537_219, obstacles: ['packaging'] });

  function expectProblem(answer: Answer, status: number, code: string) {
    expect({ status: answer.status, code: answer.body?.code }).toEqual({ status, code });
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status, detail: expect.any(String) });
  }

  it('keeps an idle connection open 65 s, longer than a load balancer’s 60 s, and says so', async () => {
    const header = await new Promise<string | string[] | undefined>((resolve, reject) => {
      request(`${http.app.url}/health`, { headers: { connection: 'keep-alive' } }, (res) => {
        res.resume();
        resolve(res.headers['keep-alive']);
      }).on('error', reject).end();
    });
    expect(header).toBe('timeout=65');
    const server = http.app.app.getHttpServer();
    expect([server.keepAliveTimeout, server.headersTimeout]).toEqual([65_000, 66_000]);
  });

  describe('a whole journey', () => {
    it('runs from registration to TKM Lanjutan, each write answering its version, ETag and global position', async () => {
      const created = await http.call('POST', '/v1/entrepreneurs', { token: ani, body: aRegistration(), correlationId: 'monev-2024-batch-7' });
      expect(created.status).toBe(201);
      const id: string = created.body.id;
      expect(created.body).toEqual({ id, version: 1, globalPosition: expect.any(Number) });
      expect(created.headers.get('etag')).toBe('"1"');
      expect(created.headers.get('location')).toBe(`/v1/entrepreneurs/${id}`);

      const steps: [string, object][] = [
        ['trainings', training],
        ['grants', grant],
        ['monitoring-visits', visit('2024-04-01')],
        ['monitoring-visits', visit('2024-05-01')],
        ['graduation', { graduatedOn: '2024-05-10', basis: 'monev 2x, usaha aktif, 1 pekerja' }],
      ];
      let etag = created.headers.get('etag')!;
      let position = created.body.globalPosition;
      for (const [path, body] of steps) {
        const answer = await http.call('POST', `/v1/entrepreneurs/${id}/${path}`, { token: ani, body, ifMatch: etag, correlationId: 'monev-2024-batch-7' });
        expect({ path, status: answer.status }).toEqual({ path, status: 200 });
        expect(answer.body.globalPosition).toBeGreaterThan(position);
        etag = answer.headers.get('etag')!;
        position = answer.body.globalPosition;
      }
      expect(etag).toBe('"6"');

      const raw = await history(id);
      expect(raw.status).toBe(200);
      expect(raw.body.events.map((e: { type: string }) => e.type)).toEqual(['Registered', 'Trained', 'GrantReceived', 'Monitored', 'Monitored', 'GraduatedToLanjutan']);
      for (const e of raw.body.events)
        expect(e.metadata).toMatchObject({ actorId: 'cw-ani', actorRole: 'caseworker', correlationId: 'monev-2024-batch-7', causationId: expect.any(String), occurredAt: expect.any(String) });
      expect(raw.body.events[2].data).toMatchObject({ amount: 20_000_000, decreeNumber: 'KEP.12/BPKK/2024' });
      expect(await http.call('GET', `/v1/audit/streams/entrepreneur-${id}/verify`, { token: auditor })).toMatchObject({
        status: 200, body: { valid: true, checkedEvents: 6, firstBrokenVersion: null },
      });
    });

    it('forms a group and adds a registered member', async () => {
      const group = await http.call('POST', '/v1/groups', { token: ani, body: { name: 'Kelompok Resin Art Maju', regionCode: '32.16.01', businessType: 'kerajinan resin' } });
      expect(group.status).toBe(201);
      expect(group.headers.get('location')).toBe(`/v1/groups/${group.body.id}`);
      const person = await register();
      const joined = await http.call('POST', `/v1/groups/${group.body.id}/members`, { token: ani, body: { entrepreneurId: person.body.id }, ifMatch: 1 });
      expect(joined).toMatchObject({ status: 200, body: { id: group.body.id, version: 2 } });
    });
  });

  it('documents every command in the OpenAPI document at /docs', async () => {
    const doc = (await (await fetch(`${http.app.url}/docs-json`)).json()) as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { properties: Record<string, { enum?: string[] }> }> };
    };
    const paths = Object.keys(doc.paths);
    for (const p of ['/v1/entrepreneurs', '/v1/entrepreneurs/{id}/trainings', '/v1/entrepreneurs/{id}/grants', '/v1/entrepreneurs/{id}/monitoring-visits',
      '/v1/entrepreneurs/{id}/graduation', '/v1/entrepreneurs/{id}/withdrawal', '/v1/entrepreneurs/{id}/profile', '/v1/entrepreneurs/{id}/caseworker',
      '/v1/entrepreneurs/{id}/erasure', '/v1/groups', '/v1/groups/{id}/members', '/v1/audit/streams/{streamId}', '/v1/audit/streams/{streamId}/verify'])
      expect(paths).toContain(p);
    expect(doc.components.schemas.RecordGrantDto.properties.programme.enum).toEqual(['TKM_PEMULA', 'TKM_LANJUTAN', 'WUB', 'OTHER']);
  });

  it('documents the query parameters of every read in the OpenAPI document', async () => {
    type Operation = { parameters?: { name: string; in: string }[] };
    const doc = (await (await fetch(`${http.app.url}/docs-json`)).json()) as { paths: Record<string, { get?: Operation }> };
    const queryParams = (path: string) => (doc.paths[path].get?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name).sort();
    expect(queryParams('/v1/entrepreneurs')).toEqual(['caseworkerId', 'cursor', 'limit', 'minPosition', 'programme', 'q', 'regionCode', 'stage']);
    expect(queryParams('/v1/entrepreneurs/{id}')).toEqual(['asOf', 'minPosition']);
    expect(queryParams('/v1/entrepreneurs/{id}/timeline')).toEqual(['minPosition']);
    expect(queryParams('/v1/reports/progression')).toEqual(['minPosition', 'programme', 'regionCode', 'year']);
    expect(queryParams('/v1/reports/lanjutan-eligibility')).toEqual(['cursor', 'limit', 'minPosition', 'regionCode']);
    expect(queryParams('/v1/entrepreneurs/{id}/processing-trail')).toEqual(['cursor', 'limit']);
  });

  describe('two caseworkers on one case', () => {
    it('the one who writes second from the same version is told the case changed (412), and only one visit is stored', async () => {
      const { body } = await register();
      const { headers } = await http.call('POST', `/v1/entrepreneurs/${body.id}/trainings`, { token: ani, body: training, ifMatch: 1 });
      const read = headers.get('etag')!;
      const first = await http.call('POST', `/v1/entrepreneurs/${body.id}/withdrawal`, { token: ani, body: { withdrawnOn: '2024-03-01', reason: 'pindah kerja' }, ifMatch: read });
      const second = await http.call('PUT', `/v1/entrepreneurs/${body.id}/caseworker`, { token: budi, body: { caseworkerId: 'cw-budi' }, ifMatch: read });
      expect(first.status).toBe(200);
      expectProblem(second, 412, 'REQUEST.PRECONDITION_FAILED');
      expect((await history(body.id)).body.events).toHaveLength(3);
    });

    it('when both send at the same instant exactly one wins', async () => {
      const { body } = await register();
      const answers = await Promise.all(
        [ani, budi].map((token, i) => http.call('POST', `/v1/entrepreneurs/${body.id}/trainings`, { token, body: { ...training, title: `Pelatihan ${i}` }, ifMatch: 1 })),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([200, 412]);
      expect((await history(body.id)).body.events).toHaveLength(2);
    });
  });

  describe('a retried POST with the same Idempotency-Key', () => {
    it('acts once and answers the first response again', async () => {
      const key = newKey();
      const body = aRegistration();
      const before = await http.eventCount();
      const first = await http.call('POST', '/v1/entrepreneurs', { token: ani, body, idempotencyKey: key });
      const retry = await http.call('POST', '/v1/entrepreneurs', { token: ani, body, idempotencyKey: key });
      expect(first.status).toBe(201);
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.get('location')).toBe(first.headers.get('location'));
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(await http.eventCount()).toBe(before + 1);
    });

    it('on a write to a case, too', async () => {
      const { body } = await register();
      const key = newKey();
      const first = await http.call('POST', `/v1/entrepreneurs/${body.id}/trainings`, { token: ani, body: training, ifMatch: 1, idempotencyKey: key });
      const retry = await http.call('POST', `/v1/entrepreneurs/${body.id}/trainings`, { token: ani, body: training, ifMatch: 1, idempotencyKey: key });
      expect(retry).toMatchObject({ status: 200, body: first.body });
      expect((await history(body.id)).body.events).toHaveLength(2);
    });
  });

  describe('bad input is answered with a clear problem and writes nothing', () => {
    let caseId: string;
    beforeAll(async () => {
      caseId = (await register()).body.id;
    });

    const cases: [string, () => Promise<Answer>, number, string, string | null][] = [
      ['malformed JSON', () => http.call('POST', '/v1/entrepreneurs', { token: ani, raw: '{"nik": "3216015708950001", "fullName": ' }), 400, 'REQUEST.MALFORMED_JSON', null],
      ['wrong types', () => http.call('POST', `/v1/entrepreneurs/${caseId}/grants`, { token: ani, body: { ...grant, amount: '20000000' }, ifMatch: 1 }), 422, 'REQUEST.VALIDATION_FAILED', 'amount'],
      ['a fractional amount of money', () => http.call('POST', `/v1/entrepreneurs/${caseId}/grants`, { token: ani, body: { ...grant, amount: 1500.5 }, ifMatch: 1 }), 422, 'REQUEST.VALIDATION_FAILED', 'amount'],
      ['a boolean as a string', () => http.call('POST', `/v1/entrepreneurs/${caseId}/monitoring-visits`, { token: ani, body: { ...visit('2024-04-01'), businessActive: 'yes' }, ifMatch: 1 }), 422, 'REQUEST.VALIDATION_FAILED', 'businessActive'],
      ['an unknown field', () => register(aRegistration({ religion: 'x' })), 422, 'REQUEST.VALIDATION_FAILED', 'religion'],
      ['a NIK that is not 16 digits', () => register(aRegistration({ nik: '32160157089' })), 422, 'REQUEST.VALIDATION_FAILED', 'nik'],
      ['a NIK whose birth date does not exist', () => register(aRegistration({ nik: '3216013513950001' })), 422, 'VALIDATION.NIK_BIRTH_DATE', 'nik'],
      ['a NIK with serial 0000', () => register(aRegistration({ nik: '3216015708950000' })), 422, 'VALIDATION.NIK_SERIAL', 'nik'],
      ['a NIK of a man for a woman', () => register(aRegistration({ nik: '3216011708950001' })), 422, 'VALIDATION.NIK_SEX_MISMATCH', 'sex'],
      ['an unknown region', () => register(aRegistration({ regionCode: '32.16.01.9999' })), 422, 'VALIDATION.REGION_UNKNOWN', 'regionCode'],
      ['a date that does not exist', () => register(aRegistration({ birthDate: '1995-02-30' })), 422, 'REQUEST.VALIDATION_FAILED', 'birthDate'],
      ['a future date', () => http.call('POST', `/v1/entrepreneurs/${caseId}/trainings`, { token: ani, body: { ...training, completedOn: '2999-01-01' }, ifMatch: 1 }), 422, 'JOURNEY.DATE_IN_FUTURE', 'completedOn'],
      ['a missing If-Match', () => http.call('POST', `/v1/entrepreneurs/${caseId}/trainings`, { token: ani, body: training }), 428, 'REQUEST.PRECONDITION_REQUIRED', null],
      ['a 2 MB body', () => http.call('POST', '/v1/entrepreneurs', { token: ani, body: aRegistration({ businessIdea: 'x'.repeat(2 * 1024 * 1024) }) }), 413, 'REQUEST.TOO_LARGE', null],
      ['a text longer than allowed', () => register(aRegistration({ fullName: 'A'.repeat(201) })), 422, 'REQUEST.VALIDATION_FAILED', 'fullName'],
      ['a grant before any training', () => http.call('POST', `/v1/entrepreneurs/${caseId}/grants`, { token: ani, body: grant, ifMatch: 1 }), 409, 'JOURNEY.NOT_TRAINED', null],
      ['a case id that is not a uuid', () => http.call('POST', '/v1/entrepreneurs/abc/trainings', { token: ani, body: training, ifMatch: 1 }), 400, 'REQUEST.BAD_REQUEST', null],
      ['no token', () => http.call('POST', '/v1/entrepreneurs', { body: aRegistration() }), 401, 'AUTH.TOKEN_MISSING', null],
      ['an auditor writing', () => register(aRegistration(), auditor), 403, 'AUTH.ROLE_FORBIDDEN', null],
      ['a caseworker outside the kecamatan', () => register(aRegistration({ regionCode: '32.16.02' })), 403, 'AUTH.KECAMATAN_FORBIDDEN', null],
    ];

    // every row has five cells (field null when none): jest would pass `done` into a missing one
    it.each(cases)('%s', async (_name, send, status, code, field) => {
      const before = await http.eventCount();
      const answer = await send();
      expectProblem(answer, status, code);
      if (field) expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await http.eventCount()).toBe(before);
    });

    it('a required field left out or empty gets one message, "required", and a wrong type one, not one per rule it also fails', async () => {
      const { fullName: _left, ...withoutName } = aRegistration();
      const messages = (a: Answer) => a.body.errors.map((e: { field: string; code: string; message: string }) => `${e.field} ${e.code}: ${e.message}`);
      const missing = await http.call('POST', '/v1/entrepreneurs', { token: ani, body: { ...withoutName, sex: undefined } });
      expectProblem(missing, 422, 'REQUEST.VALIDATION_FAILED');
      expect(messages(missing).sort()).toEqual(['fullName isNotEmpty: Kolom fullName wajib diisi', 'sex isNotEmpty: Kolom sex wajib diisi']);
      const empty = await register(aRegistration({ fullName: '' }));
      expect(messages(empty)).toEqual(['fullName isNotEmpty: Kolom fullName wajib diisi']);
      // spaces only: present, so the rule it breaks is told
      const blank = await register(aRegistration({ fullName: '   ' }));
      expect(messages(blank)).toEqual(['fullName matches: Kolom fullName tidak boleh kosong atau hanya berisi spasi']);
      // a wrong type is told as such, not as every text rule a number fails
      const wrong = await register(aRegistration({ fullName: 42 as unknown as string }));
      expect(messages(wrong)).toEqual(['fullName isString: Kolom fullName harus berupa teks']);
      // text of the right type: each rule it breaks is told
      const long = await register(aRegistration({ fullName: ' '.repeat(201) }));
      expect(messages(long).map((m: string) => m.split(':')[0]).sort()).toEqual(['fullName matches', 'fullName maxLength']);
    });

    it('script and SQL in text fields are stored and returned as plain text', async () => {
      const script = '<script>alert("x")</script>';
      const sql = "'); DROP TABLE events; --";
      const { body } = await register(aRegistration({ fullName: `${sql} ${script}`, businessIdea: script }));
      const trained = await http.call('POST', `/v1/entrepreneurs/${body.id}/trainings`, { token: ani, body: { ...training, title: script, provider: sql }, ifMatch: 1 });
      expect(trained.status).toBe(200);
      const raw = await history(body.id);
      expect(raw.body.events[1].data).toMatchObject({ title: script, provider: sql });
      const registered = await http.vault.decrypt(body.id, raw.body.events[0].data);
      expect(registered).toMatchObject({ fullName: `${sql} ${script}`, businessIdea: script });
      expect(await http.eventCount()).toBeGreaterThan(0);
    });
  });

  describe('problems speak Indonesian unless the caller asks for English', () => {
    let caseId: string;
    beforeAll(async () => {
      caseId = (await register()).body.id;
    });
    const inBoth = async (send: (language?: string) => Promise<Answer>) => {
      const [id, en] = [await send(), await send('en')];
      expect([id.headers.get('content-language'), en.headers.get('content-language')]).toEqual(['id', 'en']);
      expect(id.body.code).toBe(en.body.code);
      return { id: id.body, en: en.body };
    };

    it('a domain refusal: a grant before any training', async () => {
      const { id, en } = await inBoth((language) => http.call('POST', `/v1/entrepreneurs/${caseId}/grants`, { token: ani, body: grant, ifMatch: 1, language }));
      expect(id).toMatchObject({ code: 'JOURNEY.NOT_TRAINED', detail: 'Bantuan TKM Pemula hanya dapat dicatat setelah ada pelatihan yang selesai' });
      expect(id.errors).toEqual([{ field: 'programme', code: 'JOURNEY.NOT_TRAINED', message: id.detail }]);
      expect(en).toMatchObject({ detail: 'a TKM Pemula grant needs a completed training first', errors: [{ field: 'programme', message: en.detail }] });
    });

    it('a domain rule naming a field and a date', async () => {
      const body = { ...training, completedOn: '2999-01-01' };
      const { id, en } = await inBoth((language) => http.call('POST', `/v1/entrepreneurs/${caseId}/trainings`, { token: ani, body, ifMatch: 1, language }));
      expect(id).toMatchObject({ code: 'JOURNEY.DATE_IN_FUTURE', detail: 'Tanggal 2999-01-01 pada kolom completedOn masih di masa depan' });
      expect(en.detail).toBe('completedOn 2999-01-01 is in the future');
    });

    it('a validation error, of the request and of the NIK', async () => {
      const wrongType = await inBoth((language) => http.call('POST', `/v1/entrepreneurs/${caseId}/grants`, { token: ani, body: { ...grant, amount: '20000000' }, ifMatch: 1, language }));
      const n = wrongType.en.errors.length;
      expect(wrongType.id.detail).toBe(`Permintaan berisi ${n} kolom yang tidak valid`);
      expect(wrongType.en.detail).toBe(`the request has ${n} invalid field(s)`);

      const man = aRegistration({ nik: '3216011708950001' });
      const nik = await inBoth((language) => http.call('POST', '/v1/entrepreneurs', { token: ani, body: man, language }));
      expect(nik.id).toMatchObject({
        code: 'VALIDATION.NIK_SEX_MISMATCH',
        detail: 'Jenis kelamin (sex) yang diisi, perempuan (F), tidak sesuai dengan NIK, yang menunjukkan laki-laki (M)',
      });
      expect(nik.en.detail).toBe('sex F does not match the NIK (M)');
    });

    it('the request’s field rules, each naming its field and values, never the value sent', async () => {
      const person = aRegistration({ nik: '32160157089', fullName: 'Dewi '.repeat(50), sex: 'W', birthDate: '1995-02-30', regionCode: '32.16', religion: 'x' });
      const registration = await inBoth((language) => http.call('POST', '/v1/entrepreneurs', { token: ani, body: person, language }));
      const list = await inBoth((language) => http.call('GET', '/v1/entrepreneurs?limit=500&regionCode=32.1&stage=lost', { token: ani, language }));
      const byField = (problem: { errors: { field: string; code: string; message: string }[] }) => problem.errors.map((e) => `${e.field} ${e.code}: ${e.message}`).sort();
      expect([...byField(registration.id), ...byField(list.id)]).toEqual([
        'birthDate isCalendarDate: Kolom birthDate harus berisi tanggal yang benar dengan format YYYY-MM-DD',
        'fullName maxLength: Kolom fullName paling banyak 200 karakter',
        'nik matches: NIK harus tepat 16 digit angka',
        'regionCode matches: Kolom regionCode harus berisi kode wilayah Kemendagri PP.KK.CC (kecamatan) atau PP.KK.CC.DDDD (desa)',
        'religion unknownField: Kolom religion tidak dikenal',
        'sex isIn: Kolom sex harus salah satu dari: F, M',
        'limit max: Kolom limit tidak boleh lebih dari 200',
        'regionCode matches: Kolom regionCode harus berisi kode wilayah Kemendagri, misalnya 32.16 atau 32.16.01',
        'stage isIn: Kolom stage harus salah satu dari: registered, trained, funded, monitored, graduated, withdrawn',
      ]);
      expect([...byField(registration.en), ...byField(list.en)]).toEqual([
        'birthDate isCalendarDate: birthDate must be a date YYYY-MM-DD',
        'fullName maxLength: fullName must be shorter than or equal to 200 characters',
        'nik matches: nik must be exactly 16 digits',
        'regionCode matches: regionCode must be a Kemendagri kecamatan PP.KK.CC or village PP.KK.CC.DDDD code',
        'religion unknownField: religion is not a known field',
        'sex isIn: sex must be one of F, M',
        'limit max: limit must not be greater than 200',
        'regionCode matches: regionCode must be a Kemendagri code such as 32.16 or 32.16.01',
        'stage isIn: stage must be one of the following values: registered, trained, funded, monitored, graduated, withdrawn',
      ]);
      expect(JSON.stringify([registration, list])).not.toMatch(/Dewi|32160157089|lost/);
    });

    it('an authentication and an authorisation error', async () => {
      const missing = await inBoth((language) => http.call('POST', '/v1/entrepreneurs', { body: aRegistration(), language }));
      expect(missing.id).toMatchObject({ code: 'AUTH.TOKEN_MISSING', detail: 'Permintaan ini memerlukan token (Authorization: Bearer ...)' });
      expect(missing.en.detail).toBe('this request needs a bearer token (Authorization: Bearer ...)');

      const outside = await inBoth((language) => http.call('POST', '/v1/entrepreneurs', { token: ani, body: aRegistration({ regionCode: '32.16.02' }), language }));
      expect(outside.id).toMatchObject({ code: 'AUTH.KECAMATAN_FORBIDDEN', detail: 'Wilayah 32.16.02 berada di luar wilayah kerja Anda (32.16.01)' });
      expect(outside.en.detail).toBe('region 32.16.02 is outside your area (32.16.01)');
    });

    it('a stale If-Match, naming the version', async () => {
      const { body } = await register();
      await http.call('POST', `/v1/entrepreneurs/${body.id}/trainings`, { token: ani, body: training, ifMatch: 1 });
      const { id, en } = await inBoth((language) => http.call('PUT', `/v1/entrepreneurs/${body.id}/caseworker`, { token: ani, body: { caseworkerId: 'cw-budi' }, ifMatch: 1, language }));
      expect(id).toMatchObject({ code: 'REQUEST.PRECONDITION_FAILED', detail: 'Data ini sudah berubah sejak versi 1; muat ulang lalu coba lagi' });
      expect(en.detail).toBe('the data changed since version 1; reload it and try again');
    });

    it('follows the weights of Accept-Language, Indonesian when neither is asked for', async () => {
      const ask = (language: string) => http.call('POST', `/v1/entrepreneurs/${caseId}/grants`, { token: ani, body: grant, ifMatch: 1, language });
      expect((await ask('en-GB,en;q=0.9,id;q=0.8')).body.detail).toBe('a TKM Pemula grant needs a completed training first');
      expect((await ask('id-ID,id;q=0.9,en;q=0.8')).body.detail).toMatch(/^Bantuan TKM Pemula/);
      expect((await ask('fr-FR')).body.detail).toMatch(/^Bantuan TKM Pemula/);
    });

    it('the running app has an Indonesian text for every code in the source, and for every rule of its DTOs', async () => {
      expect([...problemCodesInSource().keys()].filter((code) => indonesianDetail(code) === undefined)).toEqual([]);
      expect(ruleUses(await dtoClassesInSource()).filter((use) => indonesianDetail(use.key) === undefined)).toEqual([]);
    });
  });

  describe('erasure', () => {
    it('leaves no readable personal data in the raw events, keeps counts and amounts, and closes the case', async () => {
      const person = aRegistration({ fullName: 'Yuliana Sari', phone: '081377788899' });
      const { body } = await register(person);
      await http.call('POST', `/v1/entrepreneurs/${body.id}/trainings`, { token: ani, body: training, ifMatch: 1 });
      await http.call('POST', `/v1/entrepreneurs/${body.id}/grants`, { token: ani, body: grant, ifMatch: 2 });
      await http.call('POST', `/v1/entrepreneurs/${body.id}/monitoring-visits`, { token: ani, body: { ...visit('2024-04-01'), notes: 'Bu Yuliana butuh kemasan' }, ifMatch: 3 });

      const erased = await http.call('POST', `/v1/entrepreneurs/${body.id}/erasure`, { token: ani, body: { reason: 'permintaan subjek data (UU PDP)', requestReference: 'PDP-17' }, ifMatch: 4 });
      expect(erased).toMatchObject({ status: 200, body: { version: 5 } });

      const raw = await history(body.id);
      const text = JSON.stringify(raw.body);
      for (const secret of [person.nik, 'Yuliana', person.phone, 'Pisangan', person.birthDate]) expect(text).not.toContain(secret);
      // the revenue as a number of its own, not digits inside a global position or a hash
      expect(text).not.toMatch(/(?<![0-9a-f])4537219(?![0-9a-f])/);
      expect(raw.body.events.map((e: { type: string }) => e.type)).toEqual(['Registered', 'Trained', 'GrantReceived', 'Monitored', 'PersonalDataErased']);
      expect(raw.body.events[2].data).toMatchObject({ programme: 'TKM_PEMULA', amount: 20_000_000 });
      expect(raw.body.events[3].data).toMatchObject({ workersTotal: 3, revenueTrend: 'up_to_target' });
      expect(await http.vault.decrypt(body.id, raw.body.events[0].data)).toMatchObject({ _erased: true, sex: 'F', birthYear: 1995 });

      const after = await http.call('POST', `/v1/entrepreneurs/${body.id}/trainings`, { token: ani, body: training, ifMatch: 5 });
      expectProblem(after, 409, 'ENTREPRENEUR.ERASED');
    });

    it('the case as the API shows it names nobody', async () => {
      const { body } = await register(aRegistration({ fullName: 'Sri Wahyuni' }));
      await http.call('POST', `/v1/entrepreneurs/${body.id}/erasure`, { token: ani, body: { reason: 'permintaan subjek data' }, ifMatch: 1 });
      const shown = await http.call('GET', `/v1/entrepreneurs/${body.id}`, { token: ani });
      expect(shown.status).toBe(200);
      expect(shown.body).toMatchObject({ id: body.id, personalDataErased: true, fullName: null });
      expect(JSON.stringify(shown.body)).not.toContain('Sri Wahyuni');
    });
  });
});
