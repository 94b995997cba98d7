import { DynamicModule, Module } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { PlatformModule, type Database, type JejakConfig } from '@jejak/platform';

@Module({})
export class JejakModule {
  static forRoot(config: JejakConfig, db: Database): DynamicModule {
    return {
      module: JejakModule,
      imports: [PlatformModule.forRoot({ config, databaseUrl: db.url })],
    };
  }

  static configure(_app: NestExpressApplication, _config: JejakConfig): void {}
}
