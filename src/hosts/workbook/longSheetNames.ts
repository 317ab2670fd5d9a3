/**
 * Excel saves sheet names of at most 31 characters, but a hand-made file can hold longer ones. ExcelJS
 * truncates such a name as it loads it, with a console warning that prints the name raw (escape sequences,
 * U+202E and all) to stderr, and two long names that agree in their first 31 characters then clash:
 * `Worksheet name already exists`, and no copy. The check (SheetJS) reads them as they are; so does
 * ExcelJS after this: a name past 31 characters is kept whole, silently, and only a true duplicate is
 * refused. Everything else ExcelJS checks of a name is unchanged.
 */
import type { ExcelJSLib } from './excelJS';

interface NamedSheet {
  _name: string;
  _workbook: { _worksheets: (NamedSheet | undefined)[] };
}

let installed = false;

export function installLongSheetNames(ExcelJS: ExcelJSLib): void {
  if (installed) return;
  installed = true;
  const proto = Object.getPrototypeOf(new ExcelJS.Workbook().addWorksheet('probe')) as object;
  const own = Object.getOwnPropertyDescriptor(proto, 'name');
  // Only where ExcelJS still has the shape this relies on.
  if (!own?.set || !own.get) return;
  const set = own.set;
  Object.defineProperty(proto, 'name', {
    ...own,
    set(this: NamedSheet, name: unknown) {
      if (typeof name !== 'string' || name.length <= 31 || /[*?:/\\[\]]|^'|'$/.test(name)) {
        set.call(this, name);
        return;
      }
      if (this._name === name) return;
      if (this._workbook._worksheets.some((ws) => ws && ws !== this && ws._name?.toLowerCase() === name.toLowerCase())) {
        throw new Error('工作簿中有两个同名的工作表');
      }
      this._name = name;
    },
  });
}
