/**
 * Text kept in the workbook as custom document properties (`Workbook.CustomDocumentProperties`, saved in
 * the file's docProps/custom.xml, which WPS and Excel both read and write): the mark record and the pane's
 * settings.
 *
 * A string property holds at most 255 characters (Microsoft's VBA reference for DocumentProperties.Add:
 * "The value of a string property is limited to 255 characters"; WPS follows the Office model, and the fake
 * refuses longer values), so a text is stored in chunks: `<key>.<generation>.<i>` hold the pieces, `<key>`
 * holds `<generation>:<count>`. A new text is written under a new generation first and the head switched
 * last, so a failure part-way leaves the old text readable; the old chunks are deleted after.
 */
import { MSO_PROPERTY_TYPE_STRING, type EtDocumentProperties } from './et';

export const CHUNK_CHARS = 255;

export class DocProps {
  constructor(private readonly props: () => EtDocumentProperties) {}

  read(key: string): string | null {
    const head = this.get(key);
    if (head === null) return null;
    const m = /^(\d+):(\d+)$/.exec(head);
    if (!m) return head; // a short text stored whole
    const [gen, count] = [m[1], Number(m[2])];
    let text = '';
    for (let i = 0; i < count; i++) {
      const part = this.get(`${key}.${gen}.${i}`);
      if (part === null) return null; // damaged: treated as no record
      text += part;
    }
    return text;
  }

  /** Writes `text` (null: removes it). Throws when WPS refuses a property; the old text then stays. */
  write(key: string, text: string | null): void {
    const props = this.props();
    const old = this.get(key);
    const oldHead = old !== null ? /^(\d+):(\d+)$/.exec(old) : null;
    if (text === null || text === '') {
      this.remove(key);
    } else {
      const gen = String(oldHead ? (Number(oldHead[1]) + 1) % 1000 : 0);
      const parts: string[] = [];
      for (let i = 0; i < text.length; i += CHUNK_CHARS) parts.push(text.slice(i, i + CHUNK_CHARS));
      const written: string[] = [];
      try {
        parts.forEach((p, i) => {
          const name = `${key}.${gen}.${i}`;
          this.remove(name);
          props.Add(name, false, MSO_PROPERTY_TYPE_STRING, p);
          written.push(name);
        });
        this.remove(key);
        props.Add(key, false, MSO_PROPERTY_TYPE_STRING, `${gen}:${parts.length}`);
      } catch (e) {
        for (const name of written) this.remove(name);
        if (old !== null && this.get(key) === null) props.Add(key, false, MSO_PROPERTY_TYPE_STRING, old);
        throw e;
      }
    }
    if (oldHead) for (let i = 0; i < Number(oldHead[2]); i++) this.remove(`${key}.${oldHead[1]}.${i}`);
  }

  private get(name: string): string | null {
    try {
      const p = this.props().Item(name);
      const v = p?.Value;
      return v === undefined || v === null ? null : String(v);
    } catch {
      return null; // VBA: Item of a missing name is an error
    }
  }

  private remove(name: string): void {
    try {
      this.props().Item(name)?.Delete();
    } catch {
      // not there
    }
  }
}
