export { seedDemo, DEFAULT_DEMO_TODAY, type SeedOptions, type SeedResult } from './seed-writer';
