import { DynamicModule, Module } from '@nestjs/common';
import { registerProblemMessages } from '@jejak/platform';
import { AsyncApiController } from './asyncapi.controller';
import { FeedController } from './feed.controller';
import { FEED_PROBLEM_TEXTS } from './feed.problem-texts';
import { DEFAULT_FEED_OPTIONS, FEED_OPTIONS, FeedService, type FeedOptions } from './feed.service';

/** GET /v1/feed (pages and Server-Sent Events) and GET /docs/asyncapi. Needs PlatformModule (EVENT_STORE). */
@Module({})
export class FeedModule {
  static forRoot(options: Partial<FeedOptions> = {}): DynamicModule {
    registerProblemMessages(FEED_PROBLEM_TEXTS);
    return {
      module: FeedModule,
      controllers: [FeedController, AsyncApiController],
      providers: [{ provide: FEED_OPTIONS, useValue: { ...DEFAULT_FEED_OPTIONS, ...options } }, FeedService],
      exports: [FeedService],
    };
  }
}
