/** Our defined names through Office.js: loaded with a sync that happens anyway, deleted in their scope (sheetHost/locate.ts says why). */
import { isSheetScoped, NAME_PREFIX, whereOf, type NameMap } from '../sheetHost/locate';

/**
 * Queues the load of the workbook-scoped names and of the names scoped to each of `sheets`; the returned
 * function reads ours after the sync.
 */
export function queueNames(context: Excel.RequestContext, sheets: readonly Excel.Worksheet[] = []): () => NameMap {
  const lists = [context.workbook.names, ...sheets.map((ws) => ws.names)];
  for (const l of lists) l.load('items/name,items/formula');
  return () => {
    const out: NameMap = new Map();
    for (const l of lists) for (const n of l.items) if (n.name.startsWith(NAME_PREFIX)) out.set(n.name, whereOf(n.formula));
    return out;
  };
}

/** Queues the delete of one of our names, in its scope (a name already gone: nothing happens). */
export function queueNameDelete(context: Excel.RequestContext, ws: Excel.Worksheet | undefined, name: string): void {
  const scope = isSheetScoped(name) ? ws?.names : context.workbook.names;
  scope?.getItemOrNullObject(name).delete();
}
