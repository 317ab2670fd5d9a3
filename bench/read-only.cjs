// A process that merely reads workbooks with one candidate reader, and nothing else: the baseline the
// CLI is measured against. `node bench/read-only.cjs sheetjs|sheetjs-mini|exceljs-stream FILE...`
const fs = require('node:fs');
const [candidate, ...files] = process.argv.slice(2);

async function readOne(file) {
  const bytes = fs.readFileSync(file);
  switch (candidate) {
    case 'sheetjs':
    case 'sheetjs-mini': {
      // The package's default build (with its codepage tables), or the mini build the check itself loads.
      const XLSX = candidate === 'sheetjs' ? require('@e965/xlsx') : require('@e965/xlsx/dist/xlsx.mini.min.js');
      // The options the product reads with (their own module: requiring the product's reader would load its SheetJS too).
      const { SHEETJS_READ_OPTIONS } = require('../dist-cli/hosts/workbook/sheetjsOptions');
      const wb = XLSX.read(new Uint8Array(bytes), { ...SHEETJS_READ_OPTIONS });
      return wb.SheetNames.length;
    }
    case 'exceljs-stream': {
      const ExcelJS = require('exceljs');
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
      let cells = 0;
      for await (const ws of reader) for await (const row of ws) cells += row.cellCount;
      return cells;
    }
    default:
      throw new Error(`unknown candidate ${candidate}`);
  }
}

(async () => {
  for (const f of files) await readOne(f);
})();
