import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { isSubmittedWorkbook } from '../core/summary';
import { UsageError } from './args';

/** One file to check, and where its copy goes under `--out`. */
export interface Input {
  /** The path as the user gave it or as found under a directory argument. */
  path: string;
  /** Path of the copy relative to `--out`, before `.checked.xlsx`: the path under the directory argument, or the bare name. */
  relative: string;
}

/**
 * The files to check: a directory stands for every .xlsx in it and below (not Excel's `~$` lock files,
 * not our own `.checked.xlsx` copies), in name order, so a reviewer can point at a folder of submissions.
 */
export async function expandInputs(paths: string[]): Promise<Input[]> {
  const out: Input[] = [];
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = (await stat(p)).isDirectory();
    } catch {
      /* a missing path is reported when it is read */
    }
    if (!isDir) {
      out.push({ path: p, relative: basename(p) });
      continue;
    }
    const found = (await filesUnder(p)).filter(isSubmittedWorkbook).sort();
    if (found.length === 0) throw new UsageError(`目录“${p}”中没有 .xlsx 文件。`);
    for (const e of found) out.push({ path: join(p, e), relative: e });
  }
  return out;
}

/**
 * The paths under a folder, relative to it. A symlinked folder is followed, but each real folder is
 * walked once: a link back up (a loop) or two links to one folder add nothing twice. Real folders are
 * walked before linked ones, so a file reached both ways keeps its real path.
 */
async function filesUnder(root: string): Promise<string[]> {
  const seen = new Set<string>();
  const out: string[] = [];
  const linked: [string, string][] = [];
  const walk = async (dir: string, rel: string): Promise<void> => {
    let real: string;
    try {
      real = await realpath(dir);
    } catch {
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return; // a folder we may not list: nothing found in it
    }
    for (const e of entries) {
      const path = join(dir, e.name);
      const relPath = rel ? join(rel, e.name) : e.name;
      if (e.isDirectory()) await walk(path, relPath);
      else if (e.isSymbolicLink() && (await stat(path).then((s) => s.isDirectory(), () => false))) linked.push([path, relPath]);
      else out.push(relPath);
    }
  };
  await walk(root, '');
  for (let k = 0; k < linked.length; k++) await walk(...linked[k]);
  return out;
}
