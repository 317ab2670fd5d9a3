import { HostError } from '../host';
import type { MarkEntry } from './record';

/** 清除标记 could not reach marks whose cells were deleted: the user is told which, after the rest was cleared. */
export function lostError(cleared: number, lost: readonly MarkEntry[]): HostError {
  const cells = lost.map((e) => `“${e.sheet}”!${e.cell}`);
  const shown = cells.length > 10 ? `${cells.slice(0, 10).join('、')} 等 ${cells.length} 处` : cells.join('、');
  return new HostError(
    `已清除 ${cleared} 个单元格的标记。另有 ${lost.length} 处标记所在的单元格已被删除（整行或整列删除），无法再找到，未作任何改动：${shown}（标记时的位置）。`,
    'write-failed',
  );
}
