// `node --require` this before the bundled main process: `require('electron')` then gets the
// stand-in (electronStandIn.cjs) instead of the npm package, which in plain Node only names the
// Electron binary.
'use strict';
const Module = require('node:module');

const standIn = require.resolve('./electronStandIn.cjs');
const resolve = Module._resolveFilename;
Module._resolveFilename = function resolveElectron(request, ...rest) {
  return request === 'electron' ? standIn : resolve.call(this, request, ...rest);
};
