import { describe, expect, it } from 'vitest';
import path from 'node:path';

describe('webpack config: the dev server and the page', () => {
  it('the dev server sends no wildcard CORS header, and the dev build uses no eval', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const makeConfig = require(path.join(__dirname, '..', 'webpack.config.js')) as (env: unknown, argv: unknown) => Promise<Record<string, unknown>>;
    const config = await makeConfig({}, { mode: 'development' });
    const headers = ((config.devServer as { headers?: Record<string, string> }).headers ?? {}) as Record<string, string>;
    expect(Object.entries(headers).filter(([k, v]) => /access-control-allow-origin/i.test(k) && v === '*')).toEqual([]);
    expect(String(config.devtool)).not.toMatch(/eval/);
  });
});
