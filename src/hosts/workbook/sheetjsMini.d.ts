/**
 * SheetJS's mini build (`dist/xlsx.mini.min.js`): the .xlsx reader without the codepage tables and the
 * other formats' readers and writers. Its types are the package's, plus `parse_zip` (exported by every
 * build, not in the package's .d.ts): a workbook from an already-opened zip container.
 */
declare module '@e965/xlsx/dist/xlsx.mini.min.js' {
  import type { ParsingOptions, WorkBook } from '@e965/xlsx';
  export function read(data: Uint8Array, opts?: ParsingOptions): WorkBook;
  /** A zip container as SheetJS's CFB library builds it (`CFB.utils.cfb_new`, `cfb_add`). */
  export interface ZipContainer {
    readonly FileIndex: unknown[];
    readonly FullPaths: string[];
  }
  export function parse_zip(zip: ZipContainer, opts?: ParsingOptions): WorkBook;
  export const CFB: {
    utils: {
      cfb_new(): ZipContainer;
      cfb_add(zip: ZipContainer, name: string, content: Uint8Array, opts?: { unsafe?: boolean }): unknown;
    };
  };
}
