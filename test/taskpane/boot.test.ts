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

  it('Office starting slowly (onReady after 25 s) inside Excel → Excel, never the browser preview', async () => {
    vi.useFakeTimers();
    g.Office = { onReady: () => new Promise((r) => setTimeout(() => r({ host: 'Excel', platform: 'PC' }), 25_000)) };
    let host: string | null | undefined;
    void detectOfficeHost().then((h) => (host = h));
    await vi.advanceTimersByTimeAsync(20_000);
    expect(host).toBeUndefined(); // still waiting, no preview shown
    await vi.advanceTimersByTimeAsync(5_000);
    expect(host).toBe('Excel');
  });
});
