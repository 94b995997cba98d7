import { randomUUID } from 'node:crypto';
import { PreconditionFailedError } from '@jejak/platform';
import { ForbiddenError } from '@jejak/auth';
import { ConflictError, NotFoundError } from '../domain';
import { AssignCaseworkerHandler } from './assign-caseworker/assign-caseworker.handler';
import { AssignCaseworkerCommand } from './assign-caseworker/assign-caseworker.command';
import { FormGroupHandler } from './form-group/form-group.handler';
import { FormGroupCommand } from './form-group/form-group.command';
import { GraduateToLanjutanHandler } from './graduate-to-lanjutan/graduate-to-lanjutan.handler';
import { GraduateToLanjutanCommand } from './graduate-to-lanjutan/graduate-to-lanjutan.command';
import { JoinGroupHandler } from './join-group/join-group.handler';
import { JoinGroupCommand } from './join-group/join-group.command';
import { RecordGrantHandler } from './record-grant/record-grant.handler';
import { RecordGrantCommand } from './record-grant/record-grant.command';
import { RecordMonitoringVisitHandler } from './record-monitoring-visit/record-monitoring-visit.handler';
import { RecordMonitoringVisitCommand } from './record-monitoring-visit/record-monitoring-visit.command';
import { RecordTrainingHandler } from './record-training/record-training.handler';
import { RecordTrainingCommand } from './record-training/record-training.command';
import { RegisterEntrepreneurHandler } from './register-entrepreneur/register-entrepreneur.handler';
import { RegisterEntrepreneurCommand } from './register-entrepreneur/register-entrepreneur.command';
import { caseworker, meta, person, startWriteSide, type WriteSide } from './testing/write-side.fixture';

describe('the journey write side on PostgreSQL', () => {
  let w: WriteSide;
  let h: ReturnType<typeof handlers>;
  const handlers = (s: WriteSide) => ({
    register: new RegisterEntrepreneurHandler(s.runner, s.nik),
    train: new RecordTrainingHandler(s.runner),
    grant: new RecordGrantHandler(s.runner, s.nik, s.store),
    visit: new RecordMonitoringVisitHandler(s.runner),
    graduate: new GraduateToLanjutanHandler(s.runner),
    assign: new AssignCaseworkerHandler(s.runner),
    formGroup: new FormGroupHandler(s.runner),
    join: new JoinGroupHandler(s.runner, s.store),
  });

  beforeAll(async () => {
    w = await startWriteSide();
    h = handlers(w);
  });
  afterAll(() => w.close());

  async function registerSomeone(p = person()) {
    const id = randomUUID();
    const result = await h.register.execute(new RegisterEntrepreneurCommand(id, p, meta()));
    return { id, p, result };
  }

  const training = { title: 'Pelatihan Tata Boga', provider: 'BLK Bekasi', kind: 'competency' as const, startedOn: '2024-02-01', completedOn: '2024-02-05' };
  const pemula = { programme: 'TKM_PEMULA' as const, amount: 20_000_000, form: 'mixed' as const, receivedOn: '2024-03-01', fundingSource: 'APBN' as const };
  const visit = (visitedOn: string) => ({ visitedOn, businessActive: true, workersTotal: 3, revenueTrend: 'up_to_target' as const, monthlyRevenue: 4_500_000 });

  it('registering answers the new version and global position, and stores the person sealed with who did it', async () => {
    const m = meta({ correlationId: 'corr-registration' });
    const id = randomUUID();
    const p = person({ fullName: 'Rina Marlina' });
    const result = await h.register.execute(new RegisterEntrepreneurCommand(id, p, m));
    expect(result).toEqual({ id, version: 1, globalPosition: expect.any(Number) });
    const { rows } = await w.pool.query('SELECT data::text AS data, metadata FROM events WHERE stream_id = $1', [`entrepreneur-${id}`]);
    for (const secret of [p.nik, 'Rina', p.phone, 'Pisangan', p.birthDate]) expect(rows[0].data).not.toContain(secret);
    expect(JSON.parse(rows[0].data)).toMatchObject({ entrepreneurId: id, sex: 'F', birthYear: 1995, kecamatanCode: '32.16.01', _pii: { v: 1 } });
    expect(rows[0].metadata).toEqual({
      actorId: 'cw-ani', actorRole: 'caseworker', correlationId: 'corr-registration', causationId: m.commandId, commandId: m.commandId, occurredAt: m.receivedAt,
    });
  });

  it('one NIK registers once, across streams, and the second attempt writes nothing', async () => {
    const { p } = await registerSomeone();
    const again = randomUUID();
    await expect(h.register.execute(new RegisterEntrepreneurCommand(again, p, meta()))).rejects.toMatchObject({ code: 'ENTREPRENEUR.ALREADY_REGISTERED', kind: 'conflict' });
    expect(await w.store.readStream(`entrepreneur-${again}`)).toEqual([]);
  });

  it('a caseworker limited to another kecamatan may neither register nor write in Tarumajaya', async () => {
    const babelan = caseworker({ kecamatan: ['32.16.02'] });
    await expect(h.register.execute(new RegisterEntrepreneurCommand(randomUUID(), person(), meta({ actor: babelan })))).rejects.toBeInstanceOf(ForbiddenError);
    const { id } = await registerSomeone();
    await expect(h.train.execute(new RecordTrainingCommand(id, training, meta({ actor: babelan, expectedVersion: 1 })))).rejects.toBeInstanceOf(ForbiddenError);
    const bekasi = caseworker({ kecamatan: ['32.16'] });
    await expect(h.train.execute(new RecordTrainingCommand(id, training, meta({ actor: bekasi, expectedVersion: 1 })))).resolves.toMatchObject({ version: 2 });
  });

  it('a write naming a version that is no longer current is refused as stale', async () => {
    const { id } = await registerSomeone();
    await h.train.execute(new RecordTrainingCommand(id, training, meta({ expectedVersion: 1 })));
    const stale = new RecordTrainingCommand(id, { ...training, title: 'Pelatihan Barista' }, meta({ expectedVersion: 1 }));
    await expect(h.train.execute(stale)).rejects.toBeInstanceOf(PreconditionFailedError);
    expect(await w.store.readStream(`entrepreneur-${id}`)).toHaveLength(2);
  });

  it('two writers with the same version: exactly one wins, the other is told its copy is stale', async () => {
    const { id } = await registerSomeone();
    const outcomes = await Promise.allSettled(
      ['Pelatihan Barista', 'Pelatihan Menjahit'].map((title) => h.train.execute(new RecordTrainingCommand(id, { ...training, title }, meta({ expectedVersion: 1 })))),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(PreconditionFailedError);
  });

  it('a command that already took effect appends nothing and answers the current version', async () => {
    const { id } = await registerSomeone();
    const first = await h.assign.execute(new AssignCaseworkerCommand(id, { caseworkerId: 'cw-budi' }, meta({ expectedVersion: 1 })));
    const again = await h.assign.execute(new AssignCaseworkerCommand(id, { caseworkerId: 'cw-budi' }, meta({ expectedVersion: 2 })));
    expect(again).toEqual(first);
  });

  it('a whole journey from registration to TKM Lanjutan, with a TKM Pemula claim held per person', async () => {
    const { id } = await registerSomeone();
    let v = 1;
    const next = async (run: (expectedVersion: number) => Promise<{ version: number }>) => {
      v = (await run(v)).version;
    };
    await next((ev) => h.train.execute(new RecordTrainingCommand(id, training, meta({ expectedVersion: ev }))));
    await next((ev) => h.grant.execute(new RecordGrantCommand(id, pemula, meta({ expectedVersion: ev }))));
    await next((ev) => h.visit.execute(new RecordMonitoringVisitCommand(id, visit('2024-04-01'), meta({ expectedVersion: ev }))));
    await next((ev) => h.visit.execute(new RecordMonitoringVisitCommand(id, visit('2024-05-01'), meta({ expectedVersion: ev }))));
    await next((ev) => h.graduate.execute(new GraduateToLanjutanCommand(id, { graduatedOn: '2024-05-10' }, meta({ expectedVersion: ev }))));
    const types = (await w.store.readStream(`entrepreneur-${id}`)).map((e) => e.type);
    expect(types).toEqual(['Registered', 'Trained', 'GrantReceived', 'Monitored', 'Monitored', 'GraduatedToLanjutan']);
    const claims = await w.pool.query(`SELECT scope FROM unique_claims WHERE stream_id = $1 ORDER BY scope`, [`entrepreneur-${id}`]);
    expect(claims.rows.map((r) => r.scope)).toEqual(['nik', 'tkm_pemula_grant']);
  });

  it('a refused rule answers the domain’s code and writes nothing', async () => {
    const { id } = await registerSomeone();
    await expect(h.grant.execute(new RecordGrantCommand(id, pemula, meta({ expectedVersion: 1 })))).rejects.toMatchObject({ code: 'JOURNEY.NOT_TRAINED' });
    expect(await w.store.readStream(`entrepreneur-${id}`)).toHaveLength(1);
  });

  it('a write to a case that does not exist is not found', async () => {
    await expect(h.train.execute(new RecordTrainingCommand(randomUUID(), training, meta({ expectedVersion: 1 })))).rejects.toBeInstanceOf(NotFoundError);
  });

  it('a group is formed in a kecamatan and joined only by registered people, each once', async () => {
    const groupId = randomUUID();
    const formed = await h.formGroup.execute(new FormGroupCommand(groupId, { name: 'Kelompok Resin Art Maju', regionCode: '32.16.01', businessType: 'kerajinan resin' }, meta()));
    expect(formed).toMatchObject({ id: groupId, version: 1 });
    const { id } = await registerSomeone();
    await expect(h.join.execute(new JoinGroupCommand(groupId, { entrepreneurId: id }, meta({ expectedVersion: 1 })))).resolves.toMatchObject({ version: 2 });
    await expect(h.join.execute(new JoinGroupCommand(groupId, { entrepreneurId: randomUUID() }, meta({ expectedVersion: 2 })))).rejects.toMatchObject({ code: 'ENTREPRENEUR.NOT_FOUND' });
    await expect(h.formGroup.execute(new FormGroupCommand(groupId, { name: 'x', regionCode: '32.16.01', businessType: 'y' }, meta()))).rejects.toBeInstanceOf(ConflictError);
  });
});
