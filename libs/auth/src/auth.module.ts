import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { registerProblemMessages } from '@jejak/platform';
import { loadAuthConfig, type AuthConfig } from './auth.config';
import { AuthGuard } from './auth.guard';
import { AUTH_PROBLEM_TEXTS } from './auth.problem-texts';
import { createTokenVerifier, TOKEN_VERIFIER } from './token-verifier';

export const AUTH_CONFIG = Symbol('AUTH_CONFIG');

export type AuthModuleOptions = { config: AuthConfig } | { dataDir: string; env?: NodeJS.ProcessEnv };

/**
 * Bearer-token authentication for every route (global guard). Configuration is read and checked
 * here, before the app starts, so a bad setting stops start-up with a clear ConfigError; the
 * local key is created on first start.
 */
@Global()
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions): DynamicModule {
    const config = 'config' in options ? options.config : loadAuthConfig(options.env ?? process.env, options.dataDir);
    const verifier = createTokenVerifier(config);
    registerProblemMessages(AUTH_PROBLEM_TEXTS);
    return {
      module: AuthModule,
      providers: [
        { provide: AUTH_CONFIG, useValue: config },
        { provide: TOKEN_VERIFIER, useValue: verifier },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [AUTH_CONFIG, TOKEN_VERIFIER],
    };
  }
}
