import { ConfigError } from '@jejak/platform';
import { loadProjectionsConfig } from './projections.config';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadProjectionsConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).problems;
  }
  throw new Error('no ConfigError');
}

describe('the projection engine settings from the environment', () => {
  it('defaults to batches of 2000, rebuilds of 5000 on 5 connections, auto rebuild on and stop on a poison event', () => {
    const config = loadProjectionsConfig({});
    expect(config).toMatchObject({ batchSize: 2000, rebuildBatchSize: 5000, rebuildConnections: 5, stallSeconds: 30, autoRebuild: true });
    expect(config.policy('caseload')).toBe('stop');
  });

  it('takes a policy for all read models and one per name, and auto rebuild off', () => {
    const config = loadProjectionsConfig({ JEJAK_PROJECTION_POLICY: 'skip', JEJAK_PROJECTION_POLICY_TIMELINE: 'Stop', JEJAK_PROJECTION_AUTO_REBUILD: 'FALSE' });
    expect([config.policy('caseload'), config.policy('timeline'), config.autoRebuild]).toEqual(['skip', 'stop', false]);
  });

  it('lists every bad setting at once, as the other settings do, instead of stopping at the first', () => {
    const problems = problemsOf({
      JEJAK_PROJECTION_BATCH_SIZE: 'lots',
      JEJAK_PROJECTION_POLL_MS: '0',
      JEJAK_PROJECTION_POLICY: 'ignore',
      JEJAK_PROJECTION_POLICY_CASELOAD: 'retry',
      JEJAK_PROJECTION_AUTO_REBUILD: 'off',
    });
    expect(problems).toEqual([
      'JEJAK_PROJECTION_POLICY must be "stop" or "skip", got "ignore"',
      'JEJAK_PROJECTION_POLICY_CASELOAD must be "stop" or "skip", got "retry"',
      'JEJAK_PROJECTION_BATCH_SIZE must be a positive integer, got "lots"',
      'JEJAK_PROJECTION_POLL_MS must be a positive integer, got "0"',
      'JEJAK_PROJECTION_AUTO_REBUILD must be "true" or "false", got "off"',
    ]);
  });

  it.each(['1.5', '-3', '1e3x'])('refuses a batch size of %s', (raw) => {
    expect(problemsOf({ JEJAK_PROJECTION_REBUILD_BATCH_SIZE: raw })).toEqual([`JEJAK_PROJECTION_REBUILD_BATCH_SIZE must be a positive integer, got "${raw}"`]);
  });
});
