/** The ribbon commands sit beside the pane, not above it: nothing in src/commands imports the pane. */
import { expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const COMMANDS = join(__dirname, '..', '..', 'src', 'commands');
/** `src/taskpane` or anything under it, by a static, a side-effect or a dynamic import. */
const PANE_IMPORT = /(from\s+|import\s*\(\s*|import\s+)['"][^'"]*\/taskpane(\/|['"])/;

/** Every file under `dir`, subfolders included (src/commands/wps), as paths relative to it. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(dir, join(prefix, e.name)) : [join(prefix, e.name)],
  );
}

it('src/commands imports nothing from src/taskpane', () => {
  const files = filesUnder(COMMANDS).filter((f) => /\.tsx?$/.test(f));
  expect(files.length).toBeGreaterThan(3);
  for (const f of files) {
    const text = readFileSync(join(COMMANDS, f), 'utf8');
    expect(PANE_IMPORT.test(text), f).toBe(false);
  }
});
