/// <reference types="et-jsapi-declare" />
/**
 * The slice of WPS 表格's object model (ET) the WPS host uses, each member typed as `et-jsapi-declare`
 * declares it (`Et.Range['Value2']`, …); members that return objects return the slice again, so a fake can
 * implement exactly this and nothing else (test/hosts/wps/fakeEt.ts).
 *
 * ET is VBA-shaped and synchronous: every property read and method call goes to WPS at once and returns
 * its result; there is no batch and no sync. The package's own header warns that its types come from
 * static analysis; where WPS builds are reported to differ, the member is typed as both and read through
 * the helpers below:
 *   - `Range.Value` and `Range.Address` are methods in the typings (VBA's parameterized properties) and
 *     plain properties in some builds (the issue's report; the wpsjs samples read `Range.Text` and
 *     `Range.Value2` as properties and never call `Value()`). The host reads `Value2` and `Formula`, which
 *     are properties everywhere, and `Address` only through `addressOf`.
 *   - `Value2` / `Formula` of a range of one cell is a scalar, of a larger range an array of rows (VBA's
 *     Variant); `valuesOf` always gives rows.
 *   - `MergeCells` is true, false, or null (VBA: Null) when the range mixes merged and unmerged cells.
 */

export type EtRange = {
  readonly Row: Et.Range['Row'];
  readonly Column: Et.Range['Column'];
  readonly Rows: { readonly Count: Et.Range['Count'] };
  readonly Columns: { readonly Count: Et.Range['Count'] };
  Value2: Et.Range['Value2'] | unknown;
  Formula: Et.Range['Formula'] | unknown;
  NumberFormat: Et.Range['NumberFormat'] | null;
  readonly Text: Et.Range['Text'];
  readonly MergeCells: Et.Range['MergeCells'] | null;
  readonly MergeArea: EtRange;
  readonly Interior: EtInterior;
  readonly Comment: EtComment | null;
  readonly Font: { Bold: boolean };
  AddComment(Text?: string): EtComment;
  ClearContents(): unknown;
  Select(): unknown;
  Resize(RowSize?: number, ColumnSize?: number): EtRange;
  /** A method in the typings, a property in some builds: read it with `addressOf`. */
  readonly Address: Et.Range['Address'] | string;
};

export type EtInterior = Pick<Et.Interior, 'Color' | 'Pattern' | 'PatternColor' | 'TintAndShade'>;

export type EtComment = Pick<Et.Comment, 'Text' | 'Delete'>;

export interface EtWorksheet {
  Name: Et.Worksheet['Name'];
  readonly CodeName: Et.Worksheet['CodeName'];
  Visible: Et.Worksheet['Visible'] | boolean;
  readonly ProtectContents: Et.Worksheet['ProtectContents'];
  readonly UsedRange: EtRange;
  Range(Cell1: string): EtRange;
  Activate(): void;
}

export interface EtSheets {
  readonly Count: Et.Sheets['Count'];
  Item(Index: number | string): EtWorksheet;
  Add(Before?: unknown, After?: EtWorksheet): EtWorksheet;
}

export interface EtName {
  Name: Et.Name['Name'];
  RefersTo: Et.Name['RefersTo'];
  Visible: Et.Name['Visible'];
  Delete(): void;
}

export interface EtNames {
  readonly Count: Et.Names['Count'];
  Item(Index: number | string): EtName;
  Add(Name: string, RefersTo: string, Visible?: boolean): EtName;
}

/** `Workbook.CustomDocumentProperties` (typed `any` by et-jsapi-declare): Office's DocumentProperties. */
export interface EtDocumentProperty {
  Name: Kso.DocumentProperty['Name'];
  Value: Kso.DocumentProperty['Value'];
  Delete(): void;
}

export interface EtDocumentProperties {
  readonly Count: Kso.DocumentProperties['Count'];
  Item(Index: string | number): EtDocumentProperty;
  Add(Name: string, LinkToContent: boolean, Type?: number, Value?: string | number | boolean): EtDocumentProperty;
}

export interface EtWorkbook {
  readonly Worksheets: EtSheets;
  readonly ActiveSheet: EtWorksheet;
  readonly Names: EtNames;
  readonly CustomDocumentProperties: EtDocumentProperties;
}

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
  ScreenUpdating: Et.Application['ScreenUpdating'];
}

/** XlSheetVisibility.xlSheetVisible. */
export const XL_SHEET_VISIBLE = -1;
/** Constants.xlNone / XlPattern.xlPatternNone: no fill. */
export const XL_PATTERN_NONE = -4142;
/** XlPattern.xlPatternSolid. */
export const XL_PATTERN_SOLID = 1;
/** MsoDocProperties.msoPropertyTypeString. */
export const MSO_PROPERTY_TYPE_STRING = 4;

/** `Range.Address` as a property or a method (builds differ), without `$`, without a sheet. */
export function addressOf(r: EtRange): string {
  const a = r.Address as unknown;
  const text = typeof a === 'function' ? (a as (ra?: boolean, ca?: boolean) => string).call(r, false, false) : a;
  const s = String(text ?? '');
  const i = s.lastIndexOf('!');
  return (i >= 0 ? s.slice(i + 1) : s).replace(/\$/g, '');
}

/** `Value2` / `Formula` of a range as rows, whatever shape the build gave (a scalar for one cell). */
export function rowsOf(v: unknown, rows: number, cols: number): unknown[][] {
  if (!Array.isArray(v)) return [[v]];
  if (v.length && Array.isArray(v[0])) return v as unknown[][];
  // A flat array (some builds for one row or one column).
  return rows === 1 ? [v] : v.map((x) => [x]);
}

/** VBA's RGB long (red in the low byte) ↔ `#RRGGBB`. */
export function bgrToHex(n: unknown): string {
  const v = typeof n === 'number' && Number.isFinite(n) ? n & 0xffffff : 0xffffff;
  const r = v & 0xff;
  const g = (v >> 8) & 0xff;
  const b = (v >> 16) & 0xff;
  return `#${[r, g, b].map((x) => x.toString(16).padStart(2, '0')).join('').toUpperCase()}`;
}

export function hexToBgr(hex: string): number {
  const h = hex.replace(/^#/, '');
  const r = parseInt(h.slice(0, 2), 16);
  const g = parseInt(h.slice(2, 4), 16);
  const b = parseInt(h.slice(4, 6), 16);
  return r + g * 256 + b * 65536;
}
