export * from './test-database';
export * from './waiting';
