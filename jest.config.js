/** One jest run covers unit, integration (real PostgreSQL) and end-to-end tests. */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/{apps,libs,test,tools}/**/*.{spec,e2e-spec}.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', swc],
    // jose ships only as an ES module, which jest's require (before Node 24.9) cannot load as is
    '^.+/node_modules/jose/.+\\.js$': ['@swc/jest', { ...swc, jsc: { ...swc.jsc, parser: { syntax: 'ecmascript' } } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  moduleNameMapper: {
    '^@jejak/event-store/testing$': '<rootDir>/libs/event-store/src/testing',
    '^@jejak/journey/(.*)$': '<rootDir>/libs/journey/src/$1',
    '^@jejak/([a-z-]+)$': '<rootDir>/libs/$1/src',
  },
  globalSetup: '<rootDir>/test/global-setup.mjs',
  globalTeardown: '<rootDir>/test/global-teardown.mjs',
  testTimeout: 60000,
  maxWorkers: 2,
  // A worker that ends its run with a large heap can need more than the 500 ms jest allows it to exit
  // (V8 frees the heap page by page, slow on some VMs), and jest then reports it as "failed to exit
  // gracefully". The heap is mostly garbage of earlier files' apps by then; a worker above this after
  // a file is replaced by a fresh one instead.
  workerIdleMemoryLimit: '300MB',
};
