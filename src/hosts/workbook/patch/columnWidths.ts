/** The column widths each worksheet's `<cols>` sets (in characters), for the browser preview's grid. */
import { strFromU8, unzipSync } from 'fflate';
import { PackageText } from './packageText';
import { sheetFrame } from './sheetXml';
import { scanXml } from './xmlScan';

/** Sheet name → column (0-based) → width in characters. Unreadable parts give no widths. */
export function columnWidths(bytes: Uint8Array): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  try {
    const pkg = new PackageText(unzipSync(bytes, { filter: (f) => /\.(xml|rels)$/i.test(f.name) }));
    const workbook = pkg.text('xl/workbook.xml');
    if (!workbook) return out;
    const rels = pkg.relationships('xl/workbook.xml');
    for (const e of scanXml(workbook)) {
      if (e.local !== 'sheet') continue;
      const id = Object.entries(e.attributes).find(([k]) => k.endsWith(':id'))?.[1];
      const part = rels.find((r) => r.id === id)?.target;
      const data = part ? pkg.files[part] : undefined;
      if (!data || !e.attributes.name) continue;
      // Only the part before the cells is needed.
      const xml = strFromU8(data);
      try {
        out.set(e.attributes.name, sheetFrame(xml).widths);
      } catch {
        /* no widths for this sheet */
      }
    }
  } catch {
    /* no widths */
  }
  return out;
}
