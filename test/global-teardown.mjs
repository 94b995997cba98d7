export default async function globalTeardown() {
  const pg = globalThis.__JEJAK_PG__;
  if (pg) await pg.stop();
}
