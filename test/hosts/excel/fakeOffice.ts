/**
 * A fake of the `Office` global as a ribbon click meets it in the shared runtime, beside fakeExcel.ts
 * (which fakes the workbook). It fails where office.js does:
 *   - a click looks the function up ONCE, when it is dispatched, in what `Office.actions.associate`
 *     registered; nothing registered yet → office.js completes the click with an error and the command
 *     never runs (office-js #5176 "Command Button Does Not Work On First Click In Excel", #3378). `ready()`
 *     resolves `Office.onReady` and the test may click in the same tick, before any lazy import settles.
 *   - `Office.addin.showAsTaskpane()` is ignored for add-ins from the store since February 2026 (docs:
 *     develop/show-hide-add-in): it shows nothing and its promise never settles here, so a handler that
 *     awaits it before `event.completed()` hangs, as the ribbon button does.
 *   - `Office.context.ui.displayDialogAsync`: one dialog at a time (a second call while one is open fails
 *     with code 12007, Office dialog API docs: "Errors from displayDialogAsync"); the URL must be https or
 *     same-origin — not checked, the URL is recorded for the test to read.
 */
import type { FakeWorkbook } from './fakeExcel';

type Handler = (event: Office.AddinCommands.Event) => unknown;

export interface FakeDialog {
  url: string;
  options: Office.DialogOptions | undefined;
  closed: boolean;
  /** What the dialog page sends with `messageParent`. */
  send(message: string): void;
}

export interface Click {
  /** The function ran and called `event.completed()`. */
  completed: boolean;
  /** office.js ended the click itself: no function associated under that name when it was clicked. */
  error: string | null;
  /** Resolves when the click is over (completed or failed). */
  done: Promise<void>;
}

export class FakeOffice {
  readonly associated = new Map<string, Handler>();
  readonly dialogs: FakeDialog[] = [];
  /** showAsTaskpane calls (none of them shows anything). */
  showAsTaskpaneCalls = 0;
  private resolveReady!: (info: { host: string; platform: string }) => void;
  private readonly readyPromise: Promise<{ host: string; platform: string }>;
  private readonly readyCallbacks: ((info: { host: string; platform: string }) => void)[] = [];
  private isReady = false;

  constructor(
    private readonly wb: FakeWorkbook,
    readonly settings: ReturnType<FakeWorkbook['env']>['settings'] = wb.env().settings,
  ) {
    this.readyPromise = new Promise((r) => (this.resolveReady = r));
  }

  /** office.js finished loading: `Office.onReady` resolves now. */
  ready(): void {
    const info = { host: 'Excel', platform: 'PC' };
    this.isReady = true;
    for (const cb of this.readyCallbacks) cb(info);
    this.resolveReady(info);
  }

  /** The user clicks a ribbon button whose manifest FunctionName is `name`. */
  click(name: string): Click {
    const fn = this.associated.get(name);
    let finish!: () => void;
    const done = new Promise<void>((r) => (finish = r));
    const click: Click = { completed: false, error: null, done };
    if (!fn) {
      click.error = `no function associated with ${name}`;
      finish();
      return click;
    }
    const event = {
      source: { id: name },
      completed: () => {
        if (click.completed) throw new Error('event.completed() called twice');
        click.completed = true;
        finish();
      },
    } as unknown as Office.AddinCommands.Event;
    void Promise.resolve(fn(event)).catch((e: unknown) => {
      click.error = String(e);
      finish();
    });
    return click;
  }

  /** The `Office` global. */
  global(): unknown {
    const env = this.wb.env();
    const self = this;
    return {
      onReady(cb?: (info: { host: string; platform: string }) => void) {
        if (cb) {
          if (self.isReady) void self.readyPromise.then(cb);
          else self.readyCallbacks.push(cb);
        }
        return self.readyPromise;
      },
      actions: {
        associate(name: string, fn: Handler) {
          self.associated.set(name, fn);
        },
      },
      addin: {
        showAsTaskpane() {
          self.showAsTaskpaneCalls++;
          return new Promise<void>(() => undefined);
        },
      },
      PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC' },
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
      EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
      context: {
        diagnostics: { platform: 'PC' },
        requirements: { isSetSupported: env.isSetSupported },
        document: { settings: this.settings },
        ui: {
          displayDialogAsync(url: string, options: Office.DialogOptions | undefined, cb?: (r: unknown) => void) {
            if (self.dialogs.some((d) => !d.closed)) {
              cb?.({ status: 'failed', error: { code: 12007, message: 'A dialog box is already opened from this host window.' } });
              return;
            }
            const handlers = new Map<string, (arg: unknown) => void>();
            const dialog: FakeDialog = {
              url,
              options,
              closed: false,
              send(message: string) {
                handlers.get('dialogMessageReceived')?.({ message, origin: new URL(url).origin });
              },
            };
            self.dialogs.push(dialog);
            const value = {
              addEventHandler: (type: string, h: (arg: unknown) => void) => handlers.set(type, h),
              close: () => (dialog.closed = true),
            };
            queueMicrotask(() => cb?.({ status: 'succeeded', value }));
          },
        },
      },
    };
  }
}

/** `Excel.run` over the fake workbook's environment. */
export function fakeExcelGlobal(wb: FakeWorkbook, env = wb.env()): unknown {
  return {
    run: (a: unknown, b?: unknown) => (typeof a === 'function' ? env.run({}, a as never) : env.run(a as never, b as never)),
  };
}
