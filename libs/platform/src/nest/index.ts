export * from './tokens';
export * from './health.service';
export * from './platform.module';
