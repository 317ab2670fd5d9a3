/** The ribbon commands sit beside the pane, not above it: nothing in src/commands imports the pane. */
import { expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const COMMANDS = join(__dirname, '..', '..', 'src', 'commands');

it('src/commands imports nothing from src/taskpane', () => {
  const files = readdirSync(COMMANDS).filter((f) => /\.tsx?$/.test(f));
  expect(files.length).toBeGreaterThan(3);
  for (const f of files) {
    const text = readFileSync(join(COMMANDS, f), 'utf8');
    expect(/from\s+['"][^'"]*\/taskpane\//.test(text) || /import\(\s*['"][^'"]*\/taskpane\//.test(text), f).toBe(false);
  }
});
