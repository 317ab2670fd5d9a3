/**
 * sheetHost holds what the Excel and the WPS host do alike: it names neither host's object model. Office.js
 * calls live in hosts/excel, ET calls in hosts/wps.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = join(__dirname, '../../../src/hosts/sheetHost');
const HOST_MODEL = /\b(Excel|Office|OfficeExtension|Et)\.[A-Z]|RequestContext|\bEtApplication\b|(from\s+|import\s*\(\s*|import\s+)['"]\.\.\/(excel|wps|browser)(\/|['"])/;

describe('sheetHost, below both hosts', () => {
  it('no file uses Office.js or ET types, or imports from either host', () => {
    const offending: string[] = [];
    for (const f of readdirSync(DIR).filter((n) => n.endsWith('.ts'))) {
      const code = readFileSync(join(DIR, f), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      code.split('\n').forEach((line, k) => {
        if (HOST_MODEL.test(line)) offending.push(`${f}:${k + 1} ${line.trim()}`);
      });
    }
    expect(offending).toEqual([]);
  });
});
