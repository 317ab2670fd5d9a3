/**
 * What the core and the pane use that WPS's embedded Chromium may lack. The Linux builds measured report
 * Chrome 87 (CEF; a spike on a real WPS for Linux, 2026, recorded `Chrome/87.0.4280.20`); older Windows
 * builds may be older still. Syntax is lowered for it at build time (webpack.wps.config.js: esbuild,
 * target chrome80); library calls newer than it are provided here, each only where missing:
 *   structuredClone (Chrome 98; the profile file's copy of a built-in profile), Array.prototype.at
 *   (Chrome 92), Object.hasOwn (Chrome 93). crypto.randomUUID (Chrome 92) is not used anywhere
 *   (test/wps/bundle.test.ts checks the bundle).
 */
const g = globalThis as unknown as Record<string, unknown>;

if (typeof g.structuredClone !== 'function') {
  // The only use is a profile: plain JSON data (numbers, strings, arrays, objects, null).
  g.structuredClone = (v: unknown) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));
}

function at<T>(this: ArrayLike<T>, i: number): T | undefined {
  const n = Math.trunc(i) || 0;
  const k = n < 0 ? this.length + n : n;
  return k < 0 || k >= this.length ? undefined : this[k];
}
for (const proto of [Array.prototype, String.prototype] as object[]) {
  if (!('at' in proto)) Object.defineProperty(proto, 'at', { value: at, writable: true, configurable: true });
}

if (typeof (Object as { hasOwn?: unknown }).hasOwn !== 'function') {
  Object.defineProperty(Object, 'hasOwn', {
    value: (o: object, k: PropertyKey) => Object.prototype.hasOwnProperty.call(o, k),
    writable: true,
    configurable: true,
  });
}

export {};
