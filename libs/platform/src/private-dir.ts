import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Creates `dir` readable by its owner only (keys live there), without narrowing the directories
 * above it: `mkdirSync(dir, { recursive: true, mode: 0o700 })` would make a missing data directory
 * 0700 as well, and then the embedded PostgreSQL, run as user postgres when Jejak runs as root,
 * could not reach its files (`npm run token` before the first `npm start` did exactly that).
 */
export function makePrivateDir(dir: string): void {
  mkdirSync(dirname(dir), { recursive: true });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}
