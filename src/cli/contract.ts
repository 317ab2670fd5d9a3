import type { FileResult, Finding, FormResult } from '../core/result';

/**
 * A finding as the JSON contract has it: code, severity, cell, message — nothing internal; and, for a file
 * that could not be read, `detail`: the library's own words behind the Chinese message.
 */
function contractFinding(f: Finding): Pick<Finding, 'code' | 'severity' | 'cell' | 'message' | 'detail'> {
  const out: Pick<Finding, 'code' | 'severity' | 'cell' | 'message' | 'detail'> = { code: f.code, severity: f.severity, cell: f.cell, message: f.message };
  if (f.detail) out.detail = f.detail;
  return out;
}

function contractForm(f: FormResult): FormResult {
  return {
    sheet: f.sheet,
    kind: f.kind,
    range: f.range,
    projectName: f.projectName,
    budget: f.budget,
    indicators: f.indicators,
    total: f.total,
    grade: f.grade,
    findings: f.findings.map(contractFinding) as Finding[],
  };
}

/** The SPEC §5 contract exactly: the fields it names, in its order. */
export function toContract(files: FileResult[]): unknown {
  return files.map((f) => ({ file: f.file, forms: f.forms.map(contractForm), findings: f.findings.map(contractFinding) }));
}
