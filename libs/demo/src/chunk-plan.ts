import type { EntrepreneurCommand, GroupCommand, Programme, RevenueTrend } from '@jejak/journey/domain';
import { GROUP_BUSINESS_TYPES } from './catalogue';
import { planPerson, type PersonPlan, type PlanContext } from './person-plan';
import { addDays } from './prng';

export interface GroupPlan {
  groupId: string;
  commands: GroupCommand[];
}

export interface ChunkPlan {
  people: PersonPlan[];
  groups: GroupPlan[];
}

const GRANT: Record<Programme, { amount: number; form: 'cash' | 'equipment' | 'mixed'; fundingSource: 'APBN' | 'APBD' | 'CSR' }> = {
  TKM_PEMULA: { amount: 2_000_000, form: 'mixed', fundingSource: 'APBN' },
  TKM_LANJUTAN: { amount: 1_500_000, form: 'equipment', fundingSource: 'APBN' },
  WUB: { amount: 5_000_000, form: 'equipment', fundingSource: 'APBD' },
  OTHER: { amount: 3_000_000, form: 'cash', fundingSource: 'CSR' },
};
const GROUP_SIZE = 10;
const FIRST_VISIT_AFTER_DAYS = 90;
// monev every quarter over the 24 months after the grant
const VISIT_EVERY_DAYS = 91;
const MAX_VISITS = 8;

/** A chunk of people planned together, so TKM Pemula recipients of one kecamatan form groups of ten. */
export function planChunk(ctx: PlanContext, size: number): ChunkPlan {
  const people = Array.from({ length: size }, () => planPerson(ctx));
  const groups = formGroups(ctx, people);
  for (const p of people) if (p.grantOn) addFunding(ctx, p);
  return { people, groups };
}

function formGroups(ctx: PlanContext, people: PersonPlan[]): GroupPlan[] {
  const byKecamatan = new Map<string, PersonPlan[]>();
  for (const p of people) if (p.needsGroup) byKecamatan.set(p.kecamatanCode, [...(byKecamatan.get(p.kecamatanCode) ?? []), p]);
  const groups: GroupPlan[] = [];
  for (const [kecamatan, unsorted] of byKecamatan) {
    // neighbours in time share a group, so the group's grant date is close to each member's own
    const members = unsorted.sort((a, b) => (a.grantOn! < b.grantOn! ? -1 : 1));
    for (let i = 0; i < members.length; i += GROUP_SIZE) {
      const batch = members.slice(i, i + GROUP_SIZE);
      const grantOn = batch.map((m) => m.grantOn!).sort()[batch.length - 1];
      // formed a week or a few before the grant, and not before its last member registered
      const lastRegistered = batch.map((m) => m.registeredOn).sort()[batch.length - 1];
      const planned = addDays(grantOn, -ctx.prng.int(7, 30));
      const formedOn = planned < lastRegistered ? lastRegistered : planned;
      const groupId = ctx.prng.uuid();
      const businessType = ctx.prng.pick(GROUP_BUSINESS_TYPES);
      const commands: GroupCommand[] = [
        { type: 'FormGroup', groupId, now: ctx.now, name: `KUB ${businessType} ${kecamatan}-${groups.length + 1}`, regionCode: kecamatan, businessType, programme: 'TKM_PEMULA', formedOn },
        ...batch.map(
          (m): GroupCommand => ({ type: 'JoinGroup', groupId, now: ctx.now, entrepreneurId: m.entrepreneurId, joinedOn: formedOn, member: { registeredOn: m.registeredOn, erased: false } }),
        ),
      ];
      for (const m of batch) m.grantOn = grantOn;
      // every member joined on the day the group was formed, before its grant
      batch.forEach((m) => (m.commands.push(grant(m, { id: groupId, memberSince: formedOn })), undefined));
      groups.push({ groupId, commands });
    }
  }
  return groups;
}

function grant(p: PersonPlan, group?: { id: string; memberSince: string }): EntrepreneurCommand {
  const g = GRANT[p.programme!];
  return {
    type: 'RecordGrant', entrepreneurId: p.entrepreneurId, now: p.commands[0].now, programme: p.programme!, ...g,
    receivedOn: p.grantOn!, groupId: group?.id, group: group && { formed: true, memberSince: group.memberSince },
    decreeNumber: group ? `KEP.${p.grantOn!.slice(0, 4)}/BPKK/${p.kecamatanCode}` : undefined,
  };
}

function addFunding(ctx: PlanContext, p: PersonPlan): void {
  const { prng, today } = ctx;
  if (!p.needsGroup) p.commands.push(grant(p));
  if (p.fate === 'funded') return;
  let last = p.grantOn!;
  const graduating = p.fate === 'graduated';
  let visits = 0;
  for (let v = 0; v < MAX_VISITS; v++) {
    const visitedOn = addDays(p.grantOn!, FIRST_VISIT_AFTER_DAYS + v * VISIT_EVERY_DAYS + prng.int(-10, 20));
    if (visitedOn > today) break;
    const active = graduating || prng.chance(0.8);
    const workersTotal = active ? (graduating ? prng.int(2, 5) : prng.int(1, 4)) : 1;
    const trend: RevenueTrend = active ? prng.pick(['flat', 'up_to_target', 'above_target', 'up_to_target'] as const) : 'down';
    p.commands.push({
      type: 'RecordMonitoringVisit', entrepreneurId: p.entrepreneurId, now: ctx.now, visitedOn, businessActive: active,
      workersTotal, paidWorkers: workersTotal - 1, unpaidWorkers: 0, revenueTrend: trend,
      monthlyRevenue: active ? prng.int(15, 120) * 100_000 : 0,
      permitStatus: prng.pick(['none', 'rt_letter', 'in_process', 'obtained'] as const), equipmentInUse: active,
      obstacles: prng.chance(0.5) ? [prng.pick(['market_access', 'packaging', 'permit', 'capital'] as const)] : [],
    });
    last = visitedOn;
    visits++;
  }
  if (graduating && visits >= 2) {
    const graduatedOn = addDays(last, prng.int(7, 45));
    if (graduatedOn <= today)
      p.commands.push({ type: 'GraduateToLanjutan', entrepreneurId: p.entrepreneurId, now: ctx.now, graduatedOn, basis: 'Hasil monev: usaha berjalan dan menyerap tenaga kerja' });
  }
}
