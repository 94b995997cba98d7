export * from './config';
export * from './instance-lock';
export * from './embedded-postgres';
export * from './migrations';
export * from './pg-pool';
export * from './nest';
export * from './bootstrap';
export * from './http';
