/**
 * Builders for given/when/then tests of the journey deciders. Test-only, but pure, so it lives in
 * the domain ring (which may not import the real region adapter) with a tiny region list of real codes.
 */
import type { EntrepreneurEvent, GrantReceived, Monitored, Registered, Trained } from '../events/entrepreneur.events';
import type { EntrepreneurCommand } from '../entrepreneur/entrepreneur.commands';
import { type EntrepreneurState, initialState } from '../entrepreneur/entrepreneur.state';
import { evolve } from '../entrepreneur/entrepreneur.evolve';
import { decide } from '../entrepreneur/entrepreneur.decider';
import type { Region, RegionDirectory } from '../identity/region-directory.port';
import type { RegionLevel } from '../identity/region-code';
import type { DecisionContext } from '../policy/decision-context';
import { DomainError } from '../shared/domain-error';
import { addDays } from '../shared/dates';

/** 10:00 WIB on 15 June 2024: "today" is 2024-06-15 everywhere in Indonesia. */
export const NOW = '2024-06-15T03:00:00.000Z';
export const TODAY = '2024-06-15';
export const TOMORROW = addDays(TODAY, 1);
export const ID = '7f1c6a58-3f4e-4a55-9c55-0d7e3a0b2a11';

const LEVELS: readonly RegionLevel[] = ['province', 'regency', 'district', 'village'];

export function fakeRegions(codes: readonly string[]): RegionDirectory {
  const regions: Region[] = codes.map((code) => {
    const parts = code.split('.');
    return { code, name: code, level: LEVELS[parts.length - 1], ...(parts.length > 1 ? { parentCode: parts.slice(0, -1).join('.') } : {}) };
  });
  return {
    find: (code) => regions.find((r) => r.code === code),
    isKnown: (code) => regions.some((r) => r.code === code),
    childrenOf: (parent) => regions.filter((r) => r.parentCode === parent),
  };
}

/** Real Kemendagri codes: Kabupaten Bekasi, Tarumajaya and Babelan, a village of Tarumajaya, Tabalong. */
export const REGIONS = fakeRegions(['32', '32.16', '32.16.01', '32.16.02', '32.16.01.2001', '63', '63.09', '63.09.01']);
export const CONTEXT: DecisionContext = { regions: REGIONS };

/** A NIK for the given person: `PPKKCC DDMMYY SSSS`, women's day + 40. */
export function nikFor(birthDate: string, sex: 'F' | 'M', region = '321601', serial = '0001'): string {
  const [y, m, d] = birthDate.split('-');
  const day = Number(d) + (sex === 'F' ? 40 : 0);
  return `${region}${String(day).padStart(2, '0')}${m}${y.slice(2)}${serial}`;
}

export const SITI = { fullName: 'Siti Aminah', birthDate: '1998-04-12', sex: 'F' as const, regionCode: '32.16.01' };
export const SITI_NIK = nikFor(SITI.birthDate, SITI.sex);

export function registered(over: Partial<Registered['data']> = {}): Registered {
  return {
    type: 'Registered',
    data: { entrepreneurId: ID, nik: SITI_NIK, ...SITI, registeredOn: '2024-01-10', birthYear: 1998, kecamatanCode: '32.16.01', nikRegionKnown: true, ...over },
  };
}

export function trained(over: Partial<Trained['data']> = {}): Trained {
  return {
    type: 'Trained',
    data: { entrepreneurId: ID, title: 'Pelatihan Wirausaha Resin Art', provider: 'Dinas Koperasi & UMKM', kind: 'entrepreneurship', startedOn: '2024-02-01', completedOn: '2024-02-05', ...over },
  };
}

export function granted(over: Partial<GrantReceived['data']> = {}): GrantReceived {
  return {
    type: 'GrantReceived',
    data: { entrepreneurId: ID, programme: 'TKM_PEMULA', amount: 20_000_000, form: 'mixed', receivedOn: '2024-03-01', fundingSource: 'APBN', ...over },
  };
}

export function monitored(visitedOn: string, over: Partial<Monitored['data']> = {}): Monitored {
  return {
    type: 'Monitored',
    data: { entrepreneurId: ID, visitedOn, businessActive: true, workersTotal: 2, revenueTrend: 'up_to_target', hasNib: false, ...over },
  };
}

/** A case that reached the given point of the journey, as the events that got it there. */
export const history = {
  registered: (): EntrepreneurEvent[] => [registered()],
  trained: (): EntrepreneurEvent[] => [registered(), trained()],
  funded: (): EntrepreneurEvent[] => [registered(), trained(), granted()],
  eligible: (): EntrepreneurEvent[] => [...history.funded(), monitored('2024-04-01'), monitored('2024-05-01')],
  graduated: (): EntrepreneurEvent[] => [...history.eligible(), { type: 'GraduatedToLanjutan', data: { entrepreneurId: ID, graduatedOn: '2024-05-10' } }],
  withdrawn: (): EntrepreneurEvent[] => [...history.trained(), { type: 'Withdrawn', data: { entrepreneurId: ID, withdrawnOn: '2024-02-20', reason: 'pindah kerja' } }],
  erased: (): EntrepreneurEvent[] => [...history.funded(), { type: 'PersonalDataErased', data: { entrepreneurId: ID, reason: 'permintaan subjek data' } }],
  /** an eligible case whose processing is restricted since 2024-05-20 */
  restricted: (): EntrepreneurEvent[] => [...history.eligible(), { type: 'ProcessingRestricted', data: { entrepreneurId: ID, restrictedOn: '2024-05-20' } }],
};

export function fold(events: readonly EntrepreneurEvent[]): EntrepreneurState {
  return events.reduce(evolve, initialState);
}

type Body<T extends EntrepreneurCommand['type']> = Omit<Extract<EntrepreneurCommand, { type: T }>, 'type' | 'entrepreneurId' | 'now'>;

export function command<T extends EntrepreneurCommand['type']>(type: T, body: Body<T>, now: string = NOW): EntrepreneurCommand {
  return { type, entrepreneurId: ID, now, ...body } as unknown as EntrepreneurCommand;
}

export const commands = {
  register: (over: Partial<Body<'RegisterEntrepreneur'>> = {}) => command('RegisterEntrepreneur', { nik: SITI_NIK, ...SITI, registeredOn: '2024-01-10', ...over }),
  train: (over: Partial<Body<'RecordTraining'>> = {}) => command('RecordTraining', { title: 'Pelatihan Tata Boga', provider: 'BLK Bekasi', kind: 'competency', startedOn: '2024-06-01', completedOn: '2024-06-10', ...over }),
  grant: (over: Partial<Body<'RecordGrant'>> = {}) => command('RecordGrant', { programme: 'TKM_PEMULA', amount: 20_000_000, form: 'mixed', receivedOn: '2024-03-01', fundingSource: 'APBN', ...over }),
  visit: (over: Partial<Body<'RecordMonitoringVisit'>> = {}) => command('RecordMonitoringVisit', { visitedOn: '2024-06-01', businessActive: true, workersTotal: 3, revenueTrend: 'flat', ...over }),
  graduate: (over: Partial<Body<'GraduateToLanjutan'>> = {}) => command('GraduateToLanjutan', { graduatedOn: '2024-06-01', ...over }),
  withdraw: (over: Partial<Body<'Withdraw'>> = {}) => command('Withdraw', { withdrawnOn: '2024-06-01', reason: 'pindah ke luar kota', ...over }),
  correct: (over: Partial<Body<'CorrectProfile'>> = {}) => command('CorrectProfile', { reason: 'salah ketik', ...over }),
  assign: (caseworkerId = 'cw-1') => command('AssignCaseworker', { caseworkerId }),
  erase: (over: Partial<Body<'ErasePersonalData'>> = {}) => command('ErasePersonalData', { reason: 'permintaan subjek data', ...over }),
  restrict: (over: Partial<Body<'RestrictProcessing'>> = {}) => command('RestrictProcessing', { reason: 'keberatan atas akurasi data', ...over }),
  lift: (over: Partial<Body<'LiftProcessingRestriction'>> = {}) => command('LiftProcessingRestriction', { reason: 'data sudah diverifikasi', ...over }),
};

/** given(events).when(command) -> the events decided, or the DomainError thrown. */
export function given(events: readonly EntrepreneurEvent[], context: DecisionContext = CONTEXT) {
  return {
    when(cmd: EntrepreneurCommand): EntrepreneurEvent[] {
      return decide(cmd, fold(events), context);
    },
    refuses(cmd: EntrepreneurCommand): DomainError {
      try {
        const decided = decide(cmd, fold(events), context);
        throw new Error(`expected a refusal, got ${JSON.stringify(decided)}`);
      } catch (error) {
        if (error instanceof DomainError) return error;
        throw error;
      }
    },
  };
}
