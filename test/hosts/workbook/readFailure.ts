import { expect } from 'vitest';
import { readWorkbook, WorkbookReadError, type ReadOptions } from '../../../src/hosts/workbook/read';

/** The WorkbookReadError that reading these bytes ends with (the test fails if the read succeeds or throws anything else). */
export async function readFailure(bytes: Uint8Array, options: ReadOptions = {}): Promise<WorkbookReadError> {
  const e = await readWorkbook(bytes, options).then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(WorkbookReadError);
  return e as WorkbookReadError;
}
