// Builds the pane once before the browser tests (production mode, into dist/ or $ADDIN_OUT).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DIST, buildPane } from './harness';

export default async function setup(): Promise<void> {
  if (process.env.SKIP_BUILD === '1' && existsSync(path.join(DIST, 'taskpane.html'))) return;
  const t = Date.now();
  await buildPane();
  // eslint-disable-next-line no-console
  console.log(`webpack build for the browser tests: ${((Date.now() - t) / 1000).toFixed(1)} s → ${DIST}`);
}
