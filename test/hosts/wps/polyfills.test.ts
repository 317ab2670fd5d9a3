/** What the core uses and WPS's Chromium (87 measured) lacks is provided, only where missing. */
import { describe, expect, it } from 'vitest';
import { installPolyfills } from '../../../src/hosts/wps/polyfills';

describe('WPS polyfills', () => {
  it('on a scope without structuredClone, Array.prototype.at and Object.hasOwn (Chrome 87), they are defined and work', () => {
    const arrayProto: object = {};
    const scope = { Array: { prototype: arrayProto }, String: { prototype: {} }, Object: {} } as {
      structuredClone?: (v: unknown) => unknown;
      Array: { prototype: object };
      String: { prototype: object };
      Object: object;
    };
    installPolyfills(scope);
    const profile = { grades: [{ label: '优', min: 90 }], level1Weights: { 产出: 50 } };
    const copy = scope.structuredClone!(profile) as typeof profile;
    expect(copy).toEqual(profile);
    expect(copy.grades).not.toBe(profile.grades);
    const at = (arrayProto as { at: (this: unknown[], i: number) => unknown }).at;
    expect(at.call([1, 2, 3], -1)).toBe(3);
    expect(at.call([1, 2, 3], 5)).toBeUndefined();
    expect(at.call([1, 2, 3], 0)).toBe(1);
    expect((scope.Object as { hasOwn: (o: object, k: string) => boolean }).hasOwn({ a: 1 }, 'a')).toBe(true);
  });

  it('leaves what exists alone', () => {
    const own = () => 'native';
    const scope = { structuredClone: own, Array: { prototype: Array.prototype }, String: { prototype: String.prototype }, Object };
    installPolyfills(scope);
    expect(scope.structuredClone).toBe(own);
    expect(Array.prototype.at).toBe([].at);
  });
});
