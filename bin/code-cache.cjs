// Load one CommonJS file of dist/ (dist/plain-check.cjs, scripts/bundle.mjs) with V8's code cache
// for it, made at build time: V8 then takes the compiled code from the cache instead of compiling
// the file's 600 KB (Node.js 20 has no module compile cache of its own). bin/feeledger loads with
// it; scripts/bundle.mjs makes the cache with it. A cache that is missing, older than the file or
// refused by V8 (another Node.js, other V8 flags) is ignored: the file is compiled as usual.
// The file is read as Latin-1: scripts/bundle.mjs writes it in ASCII.
"use strict";
const { readFileSync, statSync, writeFileSync } = require("node:fs");
const { createRequire, wrap } = require("node:module");
const { dirname } = require("node:path");
const { Script } = require("node:vm");

/** cacheFile's bytes when it was written after file; undefined otherwise. */
function cacheFor(file, cacheFile) {
  try {
    if (statSync(cacheFile).mtimeMs >= statSync(file).mtimeMs) return readFileSync(cacheFile);
  } catch {
    // No cache.
  }
  return undefined;
}

/** Run `file` as a CommonJS module; its exports, and the script (for createCachedData). */
function loadCached(file, cacheFile) {
  const script = new Script(wrap(readFileSync(file, "latin1")), { filename: file, cachedData: cacheFor(file, cacheFile) });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return { exports: module.exports, script };
}

/** Write the code V8 holds for `script` now (what has run is compiled by then) to cacheFile. */
function writeCache(script, cacheFile) {
  writeFileSync(cacheFile, script.createCachedData());
}

module.exports = { loadCached, writeCache };
