import 'reflect-metadata';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigError, isOperatorFixable, loadConfig, type JejakConfig } from './config';
import { startEmbeddedPostgres } from './embedded-postgres';
import { AlreadyRunningError, acquireInstanceLock } from './instance-lock';
import { runMigrations } from './migrations';

export interface Database {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL under the data directory, guarded by the instance lock. */
export async function openDatabase(config: JejakConfig, log: (m: string) => void): Promise<Database> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  const release = acquireInstanceLock(config.dataDir);
  try {
    const pg = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort, log);
    return {
      url: pg.url,
      embedded: true,
      stop: async () => {
        await pg.stop();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

export interface BootstrapOptions {
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  module(config: JejakConfig, db: Database): DynamicModule;
  /** configure the app before it listens (pipes, filters, OpenAPI) */
  configure?(app: NestExpressApplication, config: JejakConfig): void | Promise<void>;
  env?: NodeJS.ProcessEnv;
}

export interface RunningApp {
  app: INestApplication;
  url: string;
  config: JejakConfig;
  db: Database;
  close(): Promise<void>;
}

/**
 * Starts one Jejak process: configuration, database (embedded or external), migrations, the
 * Nest application, then listens. Used by every app's main.ts and by end-to-end tests.
 */
export async function startApp(options: BootstrapOptions): Promise<RunningApp> {
  const config = loadConfig(options.env ?? process.env);
  const log = (m: string) => (config.logLevel === 'silent' ? undefined : process.stdout.write(`[${options.name}] ${m}\n`));
  const db = await openDatabase(config, log);
  try {
    const ran = await runMigrations(db.url, options.migrations, log);
    if (ran.length) log(`migrations applied: ${ran.length}`);
    const app = await NestFactory.create<NestExpressApplication>(options.module(config, db), {
      bufferLogs: true,
      logger: config.logLevel === 'silent' ? false : undefined,
      // Nest's default exits the process when a provider throws while the app is created, past the
      // catch below (embedded PostgreSQL left running) and past runApp's report (silent, no message).
      abortOnError: false,
    });
    // No app.enableShutdownHooks(): runApp owns SIGINT/SIGTERM and calls close() below, which runs
    // the same hooks once. Nest's own signal listener made a second, concurrent app.close() that
    // ended the pool twice and crashed the process on every stop.
    // Nest's own log through the structured logger of PlatformModule (nest/logging.ts), when the app has it
    const logger = structuredLogger(app);
    if (logger) app.useLogger(logger);
    await options.configure?.(app, config);
    const server = app.getHttpServer();
    server.keepAliveTimeout = config.httpKeepAliveMs;
    // a request's headers may arrive on a connection kept alive that long; Node wants this one longer
    server.headersTimeout = config.httpKeepAliveMs + 1000;
    await app.listen(config.port, config.host);
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
    log(`listening on ${url}`);
    log(db.embedded ? `data directory: ${config.dataDir} (embedded PostgreSQL)` : `database: ${redact(db.url)}`);
    let closed = false;
    return {
      app,
      url,
      config,
      db,
      async close() {
        if (closed) return;
        closed = true;
        await app.close();
        await db.stop();
      },
    };
  } catch (e) {
    await db.stop();
    throw e;
  }
}

/**
 * An app's whole main(): startApp, then `afterStart`, then close cleanly on SIGINT/SIGTERM. A start
 * that fails prints why and exits 1; configuration mistakes and "already running" are the
 * operator's to fix, so they print their message without a stack.
 */
export function runApp(options: BootstrapOptions & { afterStart?(running: RunningApp): void | Promise<void> }): void {
  const started = async () => {
    const running = await startApp(options);
    const stop = () =>
      void running.close().then(
        () => process.exit(0),
        (e: unknown) => {
          process.stderr.write(`[${options.name}] stopped with an error: ${e instanceof Error ? e.message : String(e)}\n`);
          process.exit(1);
        },
      );
    // This process's signals are runApp's alone. embedded-postgres registers an exit hook of its own
    // that, on SIGINT/SIGTERM, stops the database underneath the closing app (its queries fail) and
    // exits 143 before close() is done; close() stops the embedded database itself, in order.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.removeAllListeners(signal);
      process.once(signal, stop);
    }
    await options.afterStart?.(running);
  };
  started().catch((e: unknown) => {
    if (e instanceof AlreadyRunningError || e instanceof ConfigError || isOperatorFixable(e)) process.stderr.write(`${e.message}\n`);
    else process.stderr.write(`[${options.name}] failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}

function structuredLogger(app: INestApplication): Logger | undefined {
  try {
    return app.get(Logger, { strict: false });
  } catch {
    return undefined;
  }
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
