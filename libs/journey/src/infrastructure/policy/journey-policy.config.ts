import { ConfigError } from '@jejak/platform';
import { DEFAULT_JOURNEY_POLICY, type JourneyPolicy } from '../../domain';

const SETTINGS = {
  JEJAK_LANJUTAN_MIN_VISITS: ['graduation', 'minVisits'],
  JEJAK_LANJUTAN_LATEST_VISITS_ACTIVE: ['graduation', 'latestVisitsActive'],
  JEJAK_LANJUTAN_MIN_WORKERS_TOTAL: ['graduation', 'minWorkersTotal'],
  JEJAK_GROUP_MAX_MEMBERS: ['group', 'maxMembers'],
} as const;

/**
 * The programme policy from the environment, each setting optional over the defaults of
 * journey-policy.ts (two visits, the latest two active, one worker besides the owner; groups of 10).
 */
export function loadJourneyPolicy(env: NodeJS.ProcessEnv = process.env): JourneyPolicy {
  const policy = { graduation: { ...DEFAULT_JOURNEY_POLICY.graduation }, group: { ...DEFAULT_JOURNEY_POLICY.group } };
  const problems: string[] = [];
  for (const [name, [section, field]] of Object.entries(SETTINGS)) {
    const raw = env[name]?.trim();
    if (!raw) continue;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0 || n > 1000) problems.push(`${name} must be a whole number 0-1000, got "${raw}"`);
    else (policy[section] as Record<string, number>)[field] = n;
  }
  if (policy.graduation.latestVisitsActive > policy.graduation.minVisits)
    problems.push('JEJAK_LANJUTAN_LATEST_VISITS_ACTIVE cannot exceed JEJAK_LANJUTAN_MIN_VISITS');
  if (policy.group.maxMembers < 1) problems.push('JEJAK_GROUP_MAX_MEMBERS must be at least 1');
  if (problems.length) throw new ConfigError(problems);
  return policy;
}
