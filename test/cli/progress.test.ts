import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import { FIXTURES } from '../loadFixture';

const files = [join(FIXTURES, 'clean.xlsx'), join(FIXTURES, 'errors.xlsx')];
const BIN = join(__dirname, '../../bin/selfeval.js');

/** Runs the CLI with stderr as a terminal (or not), logging every write to either stream in order. */
async function withProgressStream(isTTY: boolean, argv: string[]) {
  const log: ['out' | 'progress', string][] = [];
  const code = await run(argv, {
    out: (s) => log.push(['out', s]),
    err: () => {},
    progress: { isTTY, write: (s: string) => log.push(['progress', s]) },
  });
  return { code, log };
}

describe('the progress line', () => {
  it('on a terminal: files done / total and the current file, cleared around each report and at the end', async () => {
    const { log } = await withProgressStream(true, ['check', ...files]);
    const lines = log.filter(([k]) => k === 'progress').map(([, s]) => s);
    expect(lines.some((s) => s.includes(`校验中 0/2  ${files[0]}`))).toBe(true);
    expect(lines.some((s) => s.includes(`校验中 1/2  ${files[1]}`))).toBe(true);
    // Every report on stdout comes right after the line was cleared, and the line goes at the end.
    log.forEach(([kind], i) => {
      if (kind === 'out' && i > 0 && log.slice(0, i).some(([k]) => k === 'progress')) expect(log[i - 1]).toEqual(['progress', '\r\x1b[K']);
    });
    const lastProgress = lines.at(-1);
    expect(lastProgress).toBe('\r\x1b[K');
    expect(log.filter(([k]) => k === 'out').every(([, s]) => !s.includes('\x1b'))).toBe(true);
  });

  it('nothing when stderr is not a terminal, or for a single file', async () => {
    expect((await withProgressStream(false, ['check', ...files])).log.filter(([k]) => k === 'progress')).toEqual([]);
    expect((await withProgressStream(true, ['check', files[0]])).log.filter(([k]) => k === 'progress')).toEqual([]);
  });

  it('the installed command: no progress through a pipe, the line on a real terminal', () => {
    const piped = spawnSync(process.execPath, [BIN, 'check', ...files], { encoding: 'utf8' });
    expect(piped.stderr).not.toContain('校验中');
    expect(piped.stdout).not.toContain('\x1b');
    if (!existsSync('/usr/bin/script')) return; // util-linux's script gives the command a pseudo-terminal
    const tty = spawnSync('/usr/bin/script', ['-qec', `"${process.execPath}" "${BIN}" check "${files[0]}" "${files[1]}" > /dev/null`, '/dev/null'], {
      encoding: 'utf8',
    });
    expect(tty.status).toBe(1); // errors.xlsx has errors
    expect(tty.stdout).toContain('校验中 1/2');
  });
});
