import { registerProblemMessages, toProblem, type ProblemDocument } from '@jejak/platform';
import { decideGroup, DomainError, evolveGroup, initialGroupState, type GroupCommand, type GroupEvent } from '../domain';
import { commands, CONTEXT, given, history, nikFor, NOW, SITI, TOMORROW } from '../domain/testing/journey-test-kit';
import { expectSameSpecifics } from '../../../platform/src/http/testing/problem-specifics';
import { JOURNEY_PROBLEM_TEXTS } from './journey.problem-texts';

const GROUP = 'b8a4f0de-5c2a-4f53-8f0e-2a4d1c9e6b01';
const fullGroup: GroupEvent[] = [
  { type: 'GroupFormed', data: { groupId: GROUP, name: 'KUB Resin', regionCode: '32.16.01', kecamatanCode: '32.16.01', businessType: 'resin', programme: 'TKM_PEMULA', formedOn: '2024-03-01', maxMembers: 1 } },
  { type: 'MemberJoined', data: { groupId: GROUP, entrepreneurId: 'cw-a', joinedOn: '2024-03-02' } },
];
const join = (joinedOn: string): GroupCommand => ({ type: 'JoinGroup', groupId: GROUP, now: NOW, entrepreneurId: 'cw-b', joinedOn, member: { registeredOn: '2024-01-10', erased: false } });

function groupRefuses(cmd: GroupCommand): DomainError {
  try {
    decideGroup(cmd, fullGroup.reduce(evolveGroup, initialGroupState), CONTEXT);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('the journey’s refusals in Indonesian', () => {
  beforeAll(() => registerProblemMessages(JOURNEY_PROBLEM_TEXTS));
  const both = (error: DomainError): { id: ProblemDocument; en: ProblemDocument } => ({ id: toProblem(error, 'id').body, en: toProblem(error, 'en').body });

  const refusals: [string, () => DomainError, string][] = [
    ['a case never registered', () => given([]).refuses(commands.train()), 'ENTREPRENEUR.NOT_FOUND'],
    ['a second registration', () => given(history.registered()).refuses(commands.register()), 'ENTREPRENEUR.ALREADY_REGISTERED'],
    ['a grant before any training', () => given(history.registered()).refuses(commands.grant()), 'JOURNEY.NOT_TRAINED'],
    ['a second TKM Pemula grant', () => given(history.funded()).refuses(commands.grant({ receivedOn: '2024-04-01' })), 'JOURNEY.GRANT_ALREADY_RECEIVED'],
    ['a TKM Lanjutan grant before graduation', () => given(history.funded()).refuses(commands.grant({ programme: 'TKM_LANJUTAN' })), 'JOURNEY.NOT_GRADUATED'],
    ['a visit before any grant', () => given(history.trained()).refuses(commands.visit()), 'JOURNEY.NOT_FUNDED'],
    ['a graduation too early', () => given(history.funded()).refuses(commands.graduate()), 'JOURNEY.NOT_ELIGIBLE_FOR_LANJUTAN'],
    ['a second graduation on another day', () => given(history.graduated()).refuses(commands.graduate({ graduatedOn: '2024-06-01' })), 'JOURNEY.ALREADY_GRADUATED'],
    ['a training after withdrawal', () => given(history.withdrawn()).refuses(commands.train()), 'JOURNEY.WITHDRAWN'],
    ['a kelompok grant for one who is no member', () => given(history.trained()).refuses(commands.grant({ groupId: GROUP, group: { formed: true } })), 'GROUP.NOT_A_MEMBER'],
    ['a kelompok grant received before joining', () => given(history.trained()).refuses(commands.grant({ groupId: GROUP, group: { formed: true, memberSince: '2024-03-05' } })), 'GROUP.NOT_A_MEMBER'],
    ['a training after erasure', () => given(history.erased()).refuses(commands.train()), 'ENTREPRENEUR.ERASED'],
    ['a training while processing is restricted', () => given(history.restricted()).refuses(commands.train()), 'ENTREPRENEUR.PROCESSING_RESTRICTED'],
    ['a lift dated before the restriction', () => given(history.restricted()).refuses(commands.lift({ liftedOn: '2024-05-01' })), 'JOURNEY.DATE_BEFORE_MILESTONE'],
    ['another visit on a recorded day', () => given(history.eligible()).refuses(commands.visit({ visitedOn: '2024-04-01', workersTotal: 5 })), 'JOURNEY.VISIT_ALREADY_RECORDED'],
    ['a training that ends tomorrow', () => given(history.registered()).refuses(commands.train({ completedOn: TOMORROW })), 'JOURNEY.DATE_IN_FUTURE'],
    ['a training that ends before it starts', () => given(history.registered()).refuses(commands.train({ startedOn: '2024-06-10', completedOn: '2024-06-01' })), 'JOURNEY.DATE_BEFORE_MILESTONE'],
    ['a grant before the training ended', () => given(history.trained()).refuses(commands.grant({ receivedOn: '2024-02-03' })), 'JOURNEY.DATE_BEFORE_MILESTONE'],
    ['a withdrawal dated before the grant', () => given(history.funded()).refuses(commands.withdraw({ withdrawnOn: '2024-02-10' })), 'JOURNEY.DATE_BEFORE_MILESTONE'],
    ['a date that does not exist', () => given(history.registered()).refuses(commands.train({ startedOn: '2024-02-30' })), 'VALIDATION.DATE_FORMAT'],
    ['no amount', () => given(history.trained()).refuses(commands.grant({ amount: 0 })), 'VALIDATION.AMOUNT_NOT_POSITIVE'],
    ['zero hours', () => given(history.registered()).refuses(commands.train({ hours: 0 })), 'VALIDATION.NUMBER_INVALID'],
    ['a kind outside the list', () => given(history.registered()).refuses(commands.train({ kind: 'cooking' as never })), 'VALIDATION.VALUE_NOT_ALLOWED'],
    ['more paid and unpaid workers than workers', () => given(history.funded()).refuses(commands.visit({ workersTotal: 1, paidWorkers: 1, unpaidWorkers: 1 })), 'VALIDATION.WORKERS_INCONSISTENT'],
    ['a running business without workers', () => given(history.funded()).refuses(commands.visit({ workersTotal: 0 })), 'VALIDATION.WORKERS_INCONSISTENT'],
    ['a blank title', () => given(history.registered()).refuses(commands.train({ title: ' ' })), 'VALIDATION.TEXT_REQUIRED'],
    ['a correction of nothing', () => given(history.registered()).refuses(commands.correct()), 'VALIDATION.NOTHING_TO_CORRECT'],
    ['an NIB of 12 digits', () => given(history.funded()).refuses(commands.visit({ nib: '123456789012' })), 'VALIDATION.NIB_FORMAT'],
    ['a NIK of 15 digits', () => given([]).refuses(commands.register({ nik: '321601520498001' })), 'VALIDATION.NIK_FORMAT'],
    ['a NIK whose region part is no kecamatan', () => given([]).refuses(commands.register({ nik: nikFor(SITI.birthDate, 'F', '001601') })), 'VALIDATION.NIK_FORMAT'],
    ['a NIK with day 99', () => given([]).refuses(commands.register({ nik: '3216019904980001' })), 'VALIDATION.NIK_BIRTH_DATE'],
    ['a NIK with serial 0000', () => given([]).refuses(commands.register({ nik: nikFor(SITI.birthDate, 'F', '321601', '0000') })), 'VALIDATION.NIK_SERIAL'],
    ['a man’s NIK for a woman', () => given([]).refuses(commands.register({ nik: nikFor(SITI.birthDate, 'M') })), 'VALIDATION.NIK_SEX_MISMATCH'],
    ['a birth date the NIK does not hold', () => given([]).refuses(commands.register({ birthDate: '1998-04-13' })), 'VALIDATION.NIK_BIRTH_DATE_MISMATCH'],
    ['a region code of the wrong form', () => given([]).refuses(commands.register({ regionCode: '32.16' })), 'VALIDATION.REGION_FORMAT'],
    ['a region code not in the list', () => given([]).refuses(commands.register({ regionCode: '32.16.09' })), 'VALIDATION.REGION_UNKNOWN'],
    ['a member for a full group', () => groupRefuses(join('2024-03-05')), 'GROUP.FULL'],
    ['a member before the group was formed', () => groupRefuses(join('2024-02-01')), 'JOURNEY.DATE_BEFORE_MILESTONE'],
  ];

  it.each(refusals)('%s: the detail names in Indonesian what the English names', (_name, refuse, code) => {
    const error = refuse();
    const { id, en } = both(error);
    expect({ code: en.code, detail: en.detail }).toEqual({ code, detail: error.message });
    expectSameSpecifics(en.detail, id.detail, error.field);
  });

  it.each(refusals.filter(([, refuse]) => refuse().issues.length))('%s: so does every field error', (_name, refuse) => {
    const { id, en } = both(refuse());
    expect(id.errors?.map((e) => [e.field, e.code])).toEqual(en.errors?.map((e) => [e.field, e.code]));
    en.errors?.forEach((e, i) => expectSameSpecifics(e.message, id.errors![i].message, e.field));
  });

  it('says in words why a case cannot graduate yet, reason by reason', () => {
    const { id } = both(given(history.funded()).refuses(commands.graduate()));
    expect(id.detail).toBe('Belum memenuhi syarat lulus ke TKM Lanjutan: kunjungan monev belum cukup; usaha tidak aktif pada kunjungan terakhir; jumlah pekerja belum cukup');
    expect(id.reasons).toEqual(['too_few_visits', 'business_not_active', 'too_few_workers']);
  });

  it('says since when processing is restricted, and that no new record is taken until it is lifted', () => {
    const { id, en } = both(given(history.restricted()).refuses(commands.visit()));
    expect(id.detail).toBe('Pemrosesan data pribadi wirausaha ini dibatasi sejak 2024-05-20; kasus ini tidak dapat menerima catatan baru sampai pembatasan dicabut');
    expect(en.detail).toContain('since 2024-05-20');
  });

  it('names the allowed values and the sexes as the English does', () => {
    expect(both(given(history.registered()).refuses(commands.train({ kind: 'cooking' as never }))).id.detail).toBe(
      'Kolom kind harus salah satu dari: competency, non_competency, entrepreneurship',
    );
    expect(both(given([]).refuses(commands.register({ nik: nikFor(SITI.birthDate, 'M') }))).id.detail).toBe(
      'Jenis kelamin (sex) yang diisi, perempuan (F), tidak sesuai dengan NIK, yang menunjukkan laki-laki (M)',
    );
  });
});
