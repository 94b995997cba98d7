import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@jejak/testing';

const TS_REGISTER = join(__dirname, '..', '..', 'libs', 'projections', 'src', 'testing', 'ts-register.js');

/** The projector as its operator starts it: what a wrong setting prints. */
describe('the projector process', () => {
  let db: TestDatabase;
  let dataDir: string;
  beforeAll(async () => {
    db = await createTestDatabase('projector');
    dataDir = mkdtempSync(join(tmpdir(), 'jejak-projector-'));
  });
  afterAll(async () => {
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses bad JEJAK_PROJECTION_* settings with the list every other setting gives, without a stack', async () => {
    const child = spawn(process.execPath, ['-r', TS_REGISTER, join(__dirname, 'main.ts')], {
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        JEJAK_DATA_DIR: dataDir,
        PORT: '0',
        LOG_LEVEL: 'silent',
        JEJAK_PROJECTION_BATCH_SIZE: 'lots',
        JEJAK_PROJECTION_POLICY: 'ignore',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));

    expect(code).toBe(1);
    expect(stderr).toBe(
      'Invalid configuration:\n' +
        '  - JEJAK_PROJECTION_POLICY must be "stop" or "skip", got "ignore"\n' +
        '  - JEJAK_PROJECTION_BATCH_SIZE must be a positive integer, got "lots"\n',
    );
  });
});
