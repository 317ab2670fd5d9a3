/**
 * Text normalization shared by label matching and value parsing.
 *
 * NFKC folds full-width forms to ASCII (`１５` → `15`, `％` → `%`, `（` → `(`, `＞` → `>`, U+3000 → space).
 * `\s` covers tabs, line breaks, NBSP, U+3000 and the other Unicode spaces; the zero-width characters are
 * not white space to the regex engine but are invisible in a cell, so they go too.
 */

import { memoizeString } from './memo';

const SPACE_RUN = /[\s\u200B-\u200D\u2060]+/gu;

/** For matching labels: `项目支\n出名称` and `项目支出名称` normalize to the same string. */
export const normalizeLabel = memoizeString((s) => s.normalize('NFKC').replace(SPACE_RUN, ''));

/** For showing and parsing cell text: trimmed, inner white space collapsed to single spaces. */
export const cleanText = memoizeString((s) => s.normalize('NFKC').replace(SPACE_RUN, ' ').trim());
