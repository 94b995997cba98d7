import { Inject, Logger, Module, OnModuleInit } from '@nestjs/common';
import { JEJAK_CONFIG, PG_POOL, registerProblemMessages, type JejakConfig } from '@jejak/platform';
import type { Pool } from 'pg';
import { resolveSecrets, type PersonalDataSecrets } from './keys/master-key';
import { NikHasher } from './nik-hasher';
import { PERSONAL_DATA_PROBLEM_TEXTS } from './personal-data.problem-texts';
import { PersonalDataVault } from './personal-data.vault';
import { ProcessingTrail } from './processing-trail/processing-trail';

export const PERSONAL_DATA_SECRETS = Symbol('PERSONAL_DATA_SECRETS');

/**
 * The vault and the NIK hasher, one instance per process (a static module: every importer shares
 * it, so the key cache is shared too). Secrets come from JEJAK_MASTER_KEY / JEJAK_NIK_HMAC_KEY,
 * or from the key file generated in the data directory. The processing trail records reads.
 */
@Module({
  providers: [
    {
      provide: PERSONAL_DATA_SECRETS,
      inject: [JEJAK_CONFIG],
      useFactory: (config: JejakConfig): PersonalDataSecrets => {
        const log = new Logger('PersonalData');
        const secrets = resolveSecrets({
          masterKey: config.env.JEJAK_MASTER_KEY,
          nikHmacKey: config.env.JEJAK_NIK_HMAC_KEY,
          dataDir: config.dataDir,
          log: (m) => log.warn(m),
        });
        if (secrets.source !== 'environment' && config.databaseUrl)
          log.warn(`JEJAK_MASTER_KEY is not set: using ${secrets.keyFile}; set it when several processes share the database`);
        return secrets;
      },
    },
    {
      provide: PersonalDataVault,
      inject: [PG_POOL, PERSONAL_DATA_SECRETS],
      useFactory: (pool: Pool, secrets: PersonalDataSecrets) => new PersonalDataVault(pool, secrets),
    },
    { provide: NikHasher, inject: [PERSONAL_DATA_SECRETS], useFactory: (s: PersonalDataSecrets) => new NikHasher(s.nikHmacKey) },
    { provide: ProcessingTrail, inject: [PG_POOL], useFactory: (pool: Pool) => new ProcessingTrail(pool) },
  ],
  exports: [PersonalDataVault, NikHasher, ProcessingTrail],
})
export class PersonalDataModule implements OnModuleInit {
  constructor(@Inject(PersonalDataVault) private readonly vault: PersonalDataVault) {
    registerProblemMessages(PERSONAL_DATA_PROBLEM_TEXTS);
  }

  async onModuleInit(): Promise<void> {
    for (const warning of await this.vault.verifyKeys()) new Logger('PersonalData').warn(warning);
  }
}
