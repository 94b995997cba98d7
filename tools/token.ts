import { ConfigError } from '@jejak/platform';
import { tokenCommand, TokenCommandError } from '@jejak/auth';

/** `npm run -s token -- --role caseworker --kecamatan 32.16.01 --sub siti`: prints a local token. */
tokenCommand(process.argv.slice(2))
  .then((token) => process.stdout.write(`${token}\n`))
  .catch((e: unknown) => {
    const known = e instanceof TokenCommandError || e instanceof ConfigError;
    process.stderr.write(`${known ? (e as Error).message : e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
