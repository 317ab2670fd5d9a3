// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { detectOfficeHost } from '../../src/taskpane/index';

const g = globalThis as { Office?: unknown };

afterEach(() => {
  delete g.Office;
  vi.useRealTimers();
});

describe('boot: which host', () => {
  it('no Office.js at all → browser mode at once', async () => {
    expect(await detectOfficeHost()).toBeNull();
  });

  it('Office.onReady reporting Excel → Excel', async () => {
    g.Office = { onReady: () => Promise.resolve({ host: 'Excel', platform: 'PC' }) };
    expect(await detectOfficeHost()).toBe('Excel');
  });

  it('Office.js present but no host → browser mode', async () => {
    g.Office = { onReady: () => Promise.resolve({ host: null, platform: null }) };
    expect(await detectOfficeHost()).toBeNull();
  });

  it('Office.onReady never answering → browser mode after ~1.5 s', async () => {
    vi.useFakeTimers();
    g.Office = { onReady: () => new Promise(() => {}) };
    const p = detectOfficeHost();
    await vi.advanceTimersByTimeAsync(1600);
    expect(await p).toBeNull();
  });
});
