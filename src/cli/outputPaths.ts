import { dirname, extname, join, basename } from 'node:path';
import type { Input } from './inputs';

/**
 * The copy of each input under `--out`: `DIR/relative/NAME.checked.xlsx`, the relative path kept for files
 * found under a directory argument. Two inputs that would land on one path (same-named files given
 * explicitly, or under two directory arguments) get `NAME (2).checked.xlsx`, `NAME (3)…`; names are compared
 * without case, as Windows and macOS file systems do.
 */
export function copyTargets(inputs: readonly Input[], outDir: string): string[] {
  const taken = new Set<string>();
  return inputs.map((input) => {
    const dir = dirname(input.relative);
    const stem = basename(input.relative, extname(input.relative));
    for (let n = 1; ; n++) {
      const name = `${stem}${n === 1 ? '' : ` (${n})`}.checked.xlsx`;
      const target = join(outDir, dir, name);
      const key = target.normalize('NFC').toLowerCase();
      if (taken.has(key)) continue;
      taken.add(key);
      return target;
    }
  });
}
