import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';

/**
 * Where each file's annotated copy goes under DIR: its path below the folder all inputs share, so two
 * units' folders holding the same file names give two copies (`DIR/单位A/表.checked.xlsx`,
 * `DIR/单位B/表.checked.xlsx`); a single file lands at `DIR/表.checked.xlsx`.
 */
export function copyTargets(files: readonly string[], outDir: string): string[] {
  const dirs = files.map((f) => dirname(resolve(f)));
  const common = dirs.reduce(commonDir, dirs[0] ?? '');
  return files.map((f) => {
    const below = relative(common, dirname(resolve(f)));
    return join(outDir, below, `${basename(f, extname(f))}.checked.xlsx`);
  });
}

function commonDir(a: string, b: string): string {
  const pa = a.split(sep);
  const pb = b.split(sep);
  let i = 0;
  while (i < pa.length && i < pb.length && pa[i] === pb[i]) i++;
  return pa.slice(0, i).join(sep) || sep;
}
