/** The .xlsx file host: bytes in → SheetModels; checks → marks patched into the original package → bytes out. No file I/O here. */
export { readWorkbook, overlappingMergesMessage, WorkbookReadError, READ_MESSAGES, type ReadSheets, type WorkbookReadFailure } from './read';
export { annotateSheets, emptyEdits, editAt, type AnnotateSummary, type CellEdit, type CopyEdits, type Mode } from './annotate';
export { patchPackage } from './patch/patchPackage';
export { columnWidths } from './patch/columnWidths';
export { isOurCopy } from './copyMark';
export { DEFAULT_LIMITS, type ReadLimits } from './limits';
export { displayText } from './displayText';
export { summaryWorkbook, SUMMARY_FILE_NAME } from './summaryWorkbook';
export { damageMessage, type DamageKind } from './damageMessage';
export { checkBytes, fileFinding, unreadableWorkbookMessage, type CheckedBytes, type CheckBytesOptions } from './checkBytes';
