import type { EntrepreneurCommand, Programme, RegionDirectory, Sex } from '@jejak/journey/domain';
import { BUSINESS_IDEAS, PROVINCE_REGENCIES, TRAININGS } from './catalogue';
import { FAMILY, FEMALE_GIVEN, MALE_GIVEN } from './names';
import { addDays, Prng } from './prng';

/** Where a person's journey stops; the shares give the funnel of issue 6 (all registered, ~80% trained, ...). */
export type Fate = 'registered' | 'trained' | 'funded' | 'monitored' | 'graduated' | 'withdrawn';

const FATES: readonly [Fate, number][] = [
  ['withdrawn', 0.05], ['registered', 0.15], ['trained', 0.5], ['funded', 0.05], ['monitored', 0.2], ['graduated', 0.05],
];

export interface PersonPlan {
  entrepreneurId: string;
  kecamatanCode: string;
  registeredOn: string;
  caseworkerId: string;
  fate: Fate;
  programme?: Programme;
  /** TKM Pemula members are grouped in tens per kecamatan by the chunk planner */
  needsGroup: boolean;
  grantOn?: string;
  commands: EntrepreneurCommand[];
}

export interface PlanContext {
  prng: Prng;
  regions: RegionDirectory;
  /** the demo's "today": every date is on or before it */
  today: string;
  now: string;
  usedNiks: Set<string>;
}

function fate(prng: Prng): Fate {
  let u = prng.next();
  for (const [f, share] of FATES) if ((u -= share) < 0) return f;
  return 'trained';
}

function region(ctx: PlanContext): { kecamatan: string; village: string } {
  const u = ctx.prng.next();
  const regency = u < PROVINCE_REGENCIES[0].weight ? PROVINCE_REGENCIES[0].regency : PROVINCE_REGENCIES[1].regency;
  const kecamatan = ctx.prng.pick(ctx.regions.childrenOf(regency)).code;
  const villages = ctx.regions.childrenOf(kecamatan);
  return { kecamatan, village: villages.length ? ctx.prng.pick(villages).code : kecamatan };
}

function nikFor(ctx: PlanContext, kecamatan: string, birthDate: string, sex: Sex): string {
  const [y, m, d] = birthDate.split('-');
  const day = String(Number(d) + (sex === 'F' ? 40 : 0)).padStart(2, '0');
  const stem = `${kecamatan.replace(/\./g, '')}${day}${m}${y.slice(2)}`;
  for (;;) {
    const nik = `${stem}${String(ctx.prng.int(1, 9999)).padStart(4, '0')}`;
    if (!ctx.usedNiks.has(nik)) return ctx.usedNiks.add(nik), nik;
  }
}

function phone(prng: Prng): string {
  return `08${prng.pick(['12', '13', '21', '52', '57', '77', '78', '95', '96'])}${String(prng.int(10_000_000, 99_999_999))}`;
}

/** The latest registration date that still leaves room for the journey this fate needs. */
function registrationWindow(f: Fate): [number, number] {
  const days = { withdrawn: 60, registered: 1, trained: 100, funded: 240, monitored: 460, graduated: 840 }[f];
  return [days, 1400];
}

export function planPerson(ctx: PlanContext): PersonPlan {
  const { prng, now, today } = ctx;
  const f = fate(prng);
  const sex: Sex = prng.chance(0.5) ? 'F' : 'M';
  const birthDate = addDays('1972-01-01', prng.int(0, 365 * 34));
  const { kecamatan, village } = region(ctx);
  const entrepreneurId = prng.uuid();
  const [minAgo, maxAgo] = registrationWindow(f);
  const registeredOn = addDays(today, -prng.int(minAgo, maxAgo));
  const given = prng.pick(sex === 'F' ? FEMALE_GIVEN : MALE_GIVEN);
  const caseworkerId = `pendamping-${kecamatan.replace(/\./g, '')}-${prng.int(1, 3)}`;
  const commands: EntrepreneurCommand[] = [
    {
      type: 'RegisterEntrepreneur', entrepreneurId, now, registeredOn,
      nik: nikFor(ctx, kecamatan, birthDate, sex), fullName: `${given} ${prng.pick(FAMILY)}`, birthDate, sex,
      regionCode: village, phone: phone(prng), address: `RT 0${prng.int(1, 9)}/RW 0${prng.int(1, 9)}`,
      education: prng.pick(['smp', 'slta', 'slta', 'slta', 'diploma', 's1'] as const),
      employmentStatus: prng.pick(['unemployed', 'unemployed', 'employed', 'student'] as const),
      businessIdea: prng.pick(BUSINESS_IDEAS),
    },
    { type: 'AssignCaseworker', entrepreneurId, now, caseworkerId },
  ];
  const plan: PersonPlan = { entrepreneurId, kecamatanCode: kecamatan, registeredOn, caseworkerId, fate: f, needsGroup: false, commands };
  if (f === 'registered') return plan;
  if (f === 'withdrawn') {
    commands.push({ type: 'Withdraw', entrepreneurId, now, withdrawnOn: addDays(registeredOn, prng.int(1, 50)), reason: 'Mendapat pekerjaan di pabrik' });
    return plan;
  }
  // BLK and MTU packages often come with a short entrepreneurship briefing, and some take a second skill
  let day = addDays(registeredOn, prng.int(0, 20));
  for (let t = prng.int(1, 3); t > 0; t--) {
    const training = prng.pick(TRAININGS);
    const completedOn = addDays(day, prng.int(2, 15));
    commands.push({ type: 'RecordTraining', entrepreneurId, now, ...training, startedOn: day, completedOn, certified: training.kind === 'competency' });
    day = addDays(completedOn, prng.int(1, 10));
  }
  const completedOn = addDays(day, -1);
  if (f === 'trained') return plan;
  const programme: Programme = f === 'graduated' || prng.chance(0.6) ? 'TKM_PEMULA' : prng.chance(0.6) ? 'WUB' : 'OTHER';
  plan.programme = programme;
  plan.needsGroup = programme === 'TKM_PEMULA';
  plan.grantOn = addDays(completedOn, prng.int(14, 120));
  return plan;
}
