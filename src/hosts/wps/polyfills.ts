/**
 * What the core and the pane use that WPS's embedded Chromium may lack. The Linux builds measured report
 * Chrome 87 (CEF; a spike on a real WPS for Linux, 2026, recorded `Chrome/87.0.4280.20`); older Windows
 * builds may be older still. Syntax is lowered for it at build time (webpack.wps.config.js: esbuild,
 * target chrome80); library calls newer than it are provided here, each only where missing:
 *   structuredClone (Chrome 98; the profile file's copy of a built-in profile), Array.prototype.at
 *   (Chrome 92), Object.hasOwn (Chrome 93). crypto.randomUUID (Chrome 92) is not used anywhere
 *   (test/wps/bundle.test.ts checks the bundle).
 */
interface Scope {
  structuredClone?: unknown;
  Array: { prototype: object };
  String: { prototype: object };
  Object: object;
}

function at<T>(this: ArrayLike<T>, i: number): T | undefined {
  const n = Math.trunc(i) || 0;
  const k = n < 0 ? this.length + n : n;
  return k < 0 || k >= this.length ? undefined : this[k];
}

/** Defines what `scope` lacks (the page's global object; a stand-in in the tests). */
export function installPolyfills(scope: Scope = globalThis as unknown as Scope): void {
  if (typeof scope.structuredClone !== 'function') {
    // The only use is a profile: plain JSON data (numbers, strings, arrays, objects, null).
    scope.structuredClone = (v: unknown) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));
  }
  for (const proto of [scope.Array.prototype, scope.String.prototype]) {
    if (!('at' in proto)) Object.defineProperty(proto, 'at', { value: at, writable: true, configurable: true });
  }
  if (typeof (scope.Object as { hasOwn?: unknown }).hasOwn !== 'function') {
    Object.defineProperty(scope.Object, 'hasOwn', {
      value: (o: object, k: PropertyKey) => Object.prototype.hasOwnProperty.call(o, k),
      writable: true,
      configurable: true,
    });
  }
}

installPolyfills();
