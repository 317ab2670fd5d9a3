/** The .xlsx file host: bytes in → SheetModels; checks → marked workbook → bytes out. No file I/O here. */
export { readWorkbook, overlappingMergesMessage, WorkbookReadError, READ_MESSAGES, type LoadedWorkbook, type ReadSheets, type WorkbookReadFailure } from './read';
export { annotateWorkbook, type AnnotateSummary, type Mode } from './annotate';
export { writeWorkbook } from './write';
export { isOurCopy } from './copyMark';
export { DEFAULT_LIMITS, type ReadLimits } from './limits';
export { sheetModelOf } from './sheetModel';
export { displayText } from './displayText';
export { lostByPartNames, LOST } from './notPreserved';
export { summaryWorkbook, SUMMARY_FILE_NAME } from './summaryWorkbook';
export { damageMessage, type DamageKind } from './damageMessage';
export { checkBytes, fileFinding, unreadableWorkbookMessage, type CheckedBytes, type CheckBytesOptions } from './checkBytes';
