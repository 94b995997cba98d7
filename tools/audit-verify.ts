import { parseArgs } from 'node:util';
import { DatabaseError } from 'pg';
import { AuditAnchors, type AnchorVerification } from '@jejak/event-store';
import { AlreadyRunningError, ConfigError } from '@jejak/platform';
import { withToolDatabase } from './tool-runtime';

const USAGE = 'usage: npm run audit:verify [-- --anchor <number> --digest <hex>]';

/**
 * `npm run audit:verify`: verifies every audit anchor against the stored events (ADR 0009) and
 * prints the newest anchor's number and digest for the auditor to record. With `--anchor` and
 * `--digest`, also checks that a number and digest recorded at an earlier audit are still those
 * stored. Exits 1 when anything does not verify. Reads only: needs no keys and migrates nothing.
 */
async function main(): Promise<boolean> {
  const { values } = parseArgs({ options: { anchor: { type: 'string' }, digest: { type: 'string' } } });
  const recorded = values.anchor === undefined && values.digest === undefined ? null : { anchorNumber: Number(values.anchor), digest: values.digest?.trim().toLowerCase() ?? '' };
  if (recorded && (!Number.isInteger(recorded.anchorNumber) || recorded.anchorNumber < 1 || !/^[0-9a-f]{64}$/.test(recorded.digest)))
    throw new ConfigError([USAGE, '--anchor takes an anchor number and --digest its 64 hex digits, both as recorded']);
  return withToolDatabase(async (pool) => {
    const anchors = new AuditAnchors(pool);
    const started = Date.now();
    const result = await anchors.verify();
    const seconds = (Date.now() - started) / 1000;
    const say = (line: string) => process.stdout.write(`${line}\n`);
    for (const line of report(result, seconds)) say(line);
    if (!result.valid || !recorded) return result.valid;
    const [stored] = await anchors.list(recorded.anchorNumber - 1, 1);
    if (stored?.anchorNumber !== recorded.anchorNumber) {
      say(`RECORD NOT FOUND: anchor ${recorded.anchorNumber} does not exist (the newest is ${result.latest?.anchorNumber ?? 'none'})`);
      return false;
    }
    if (stored.digest !== recorded.digest) {
      say(`RECORD DIFFERS: anchor ${recorded.anchorNumber} has digest ${stored.digest}, you recorded ${recorded.digest}`);
      return false;
    }
    say(`anchor ${recorded.anchorNumber} still has the digest you recorded`);
    return true;
  });
}

function report(result: AnchorVerification, seconds: number): string[] {
  const rate = seconds > 0 ? `, ${Math.round(result.checkedEvents / seconds).toLocaleString('en')} events/s` : '';
  const checked = `${result.checkedAnchors} anchor${result.checkedAnchors === 1 ? '' : 's'}, ${result.checkedEvents.toLocaleString('en')} events checked in ${seconds.toFixed(1)} s${rate}`;
  if (!result.valid)
    return [
      `audit anchors: BROKEN at anchor ${result.firstBrokenAnchor}: ${result.reason}`,
      ...(result.firstBrokenPosition === null ? [] : [`event to blame: global position ${result.firstBrokenPosition}`]),
      `(${checked}; verification stops at the first broken anchor: see docs/runbook.md, "Verifying history")`,
    ];
  if (!result.latest) return ['audit anchors: none sealed yet (the periodic seal, or POST /v1/audit/anchors, makes them)'];
  return [
    `audit anchors: valid (${checked})`,
    `latest anchor: ${result.latest.anchorNumber}, up to global position ${result.latest.toPosition}`,
    `digest: ${result.latest.digest}`,
    `Record the number and the digest with this audit; to check them later: npm run audit:verify -- --anchor ${result.latest.anchorNumber} --digest ${result.latest.digest}`,
  ];
}

main().then(
  (valid) => process.exit(valid ? 0 : 1),
  (e: unknown) => {
    const missing = e instanceof DatabaseError && e.code === '42P01';
    const known = e instanceof AlreadyRunningError || e instanceof ConfigError;
    process.stderr.write(
      missing
        ? 'this database has no audit anchors table: start the upgraded Jejak once (it migrates), then seal\n'
        : known
          ? `${(e as Error).message}\n`
          : `audit verification failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    process.exit(1);
  },
);
