// Lets a child process run the TypeScript sources directly (node -r ./ts-register.js file.ts):
// the process-kill and leadership tests need real processes, without a build step.
// Same transform as jest (read from jest.config.js) and the same @jejak/* path mapping.
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const swc = require('@swc/core');

const root = path.resolve(__dirname, '../../../..');
// the very options jest transforms with, so a child runs the code as the tests see it
const options = require(path.join(root, 'jest.config.js')).transform['^.+\\.ts$'][1];

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  let m;
  if (request === '@jejak/event-store/testing') request = path.join(root, 'libs/event-store/src/testing');
  else if ((m = /^@jejak\/journey\/(.*)$/.exec(request))) request = path.join(root, 'libs/journey/src', m[1]);
  else if ((m = /^@jejak\/([a-z-]+)$/.exec(request))) request = path.join(root, 'libs', m[1], 'src');
  return resolve.call(this, request, ...rest);
};

require.extensions['.ts'] = function (module, filename) {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), { ...options, filename });
  module._compile(code, filename);
};
