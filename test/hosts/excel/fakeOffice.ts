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
 *   - `Office.context.ui.displayDialogAsync`: one dialog at a time — a second call while one is open, or
 *     still closing, fails with 12007 (dialog-handle-errors-events.md, "Errors from displayDialogAsync");
 *     `Dialog.close()` is asynchronous and takes no callback (dialog-best-practices.md, "Open another
 *     dialog immediately after closing one"): the dialog is gone only CLOSE_DELAY_MS later (the delay is
 *     an assumption, the docs give none). `failDialogs` makes the next calls fail with the codes the docs
 *     list for Office on the web: 12009 (the user chose Ignore on the prompt), 12011 (pop-ups blocked).
 *   - DialogApi 1.2 (`Dialog.messageChild`) is reported by `requirements.isSetSupported('DialogApi', …)`
 *     per `dialogApi`; what the runtime sends is recorded on the dialog. The URL must be https or
 *     same-origin — not checked, the URL is recorded for the test to read.
 */
import type { FakeWorkbook } from './fakeExcel';

type Handler = (event: Office.AddinCommands.Event) => unknown;

export interface FakeDialog {
  url: string;
  options: Office.DialogOptions | undefined;
  /** Gone: CLOSE_DELAY_MS after `close()`, or closed by the user (`dismiss`). */
  closed: boolean;
  /** `close()` was called; the dialog is still there until `closed`. */
  closing: boolean;
  /** What the runtime sent with `messageChild`. */
  received: string[];
  /** What the dialog page sends with `messageParent`. */
  send(message: string): void;
}

/** How long a dialog takes to go after `close()` (an assumption: the docs only say it is asynchronous). */
export const CLOSE_DELAY_MS = 40;

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
  /** Codes the next displayDialogAsync calls fail with, in order (12009, 12011, …). */
  failDialogs: number[] = [];
  /** Calls that failed, by code. */
  readonly dialogFailures: number[] = [];
  /** The DialogApi version the platform supports ('1.1': no messageChild). */
  dialogApi = '1.2';
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
        requirements: {
          isSetSupported: (name: string, version: string) =>
            name === 'DialogApi' ? Number(self.dialogApi) >= Number(version) : env.isSetSupported(name, version),
        },
        document: { settings: this.settings },
        ui: {
          displayDialogAsync(url: string, options: Office.DialogOptions | undefined, cb?: (r: unknown) => void) {
            const fail = (code: number, message: string) => {
              self.dialogFailures.push(code);
              queueMicrotask(() => cb?.({ status: 'failed', error: { code, message } }));
            };
            const code = self.failDialogs.shift();
            if (code !== undefined) return fail(code, `displayDialogAsync failed (${code}).`);
            if (self.dialogs.some((d) => !d.closed)) return fail(12007, 'A dialog box is already opened from this host window.');
            const handlers = new Map<string, (arg: unknown) => void>();
            const dialog: FakeDialog = {
              url,
              options,
              closed: false,
              closing: false,
              received: [],
              send(message: string) {
                if (dialog.closed) throw new Error('fake: the dialog is closed');
                handlers.get('dialogMessageReceived')?.({ message, origin: new URL(url).origin });
              },
            };
            self.dialogs.push(dialog);
            const value = {
              addEventHandler: (type: string, h: (arg: unknown) => void) => handlers.set(type, h),
              close: () => {
                dialog.closing = true;
                setTimeout(() => (dialog.closed = true), CLOSE_DELAY_MS);
              },
              messageChild: (message: string) => {
                if (Number(self.dialogApi) < 1.2) throw new Error('fake: messageChild needs DialogApi 1.2');
                dialog.received.push(message);
              },
            };
            queueMicrotask(() => cb?.({ status: 'succeeded', value }));
          },
        },
      },
    };
  }

  /** Waits until `n` dialogs were opened (the ribbon's dialog opens after the click, retries included). */
  async dialogsOpened(n: number, timeoutMs = 5_000): Promise<FakeDialog[]> {
    const start = Date.now();
    while (this.dialogs.length < n) {
      if (Date.now() - start > timeoutMs) throw new Error(`fake: ${this.dialogs.length} dialogs opened, expected ${n}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    return this.dialogs;
  }
}

/**
 * The `Office` global as the dialog page (dialog.html) meets it. Office.js must be initialized before
 * `messageParent` or `addHandlerAsync` (dialog-api-in-office-add-ins.md, initialize-add-in.md): called
 * earlier they throw here (what real Office.js does then is not documented: an assumption).
 * `Office.onReady` resolves when the test calls `ready()`; the runtime's `messageChild` is `fromParent`.
 */
export class FakeDialogPage {
  readonly sent: string[] = [];
  private isReady = false;
  private resolveReady!: () => void;
  private readonly readyPromise = new Promise<void>((r) => (this.resolveReady = r));
  private handler: ((arg: { message: string; origin: string }) => void) | undefined;

  constructor(readonly origin = 'https://localhost:3000') {}

  ready(): void {
    this.isReady = true;
    this.resolveReady();
  }

  /** The runtime sends `message` (Dialog.messageChild). */
  fromParent(message: string, origin = this.origin): void {
    this.handler?.({ message, origin });
  }

  global(): unknown {
    const self = this;
    const initialized = () => {
      if (!self.isReady) throw new Error('fake: Office.js is not initialized yet (call Office.onReady first)');
    };
    return {
      onReady: () => self.readyPromise.then(() => ({ host: 'Excel', platform: 'PC' })),
      EventType: { DialogParentMessageReceived: 'dialogParentMessageReceived' },
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
      context: {
        ui: {
          messageParent(message: string) {
            initialized();
            self.sent.push(message);
          },
          addHandlerAsync(type: string, h: (arg: { message: string; origin: string }) => void, cb?: (r: unknown) => void) {
            initialized();
            // A dialog's ui takes only DialogParentMessageReceived; any other event type is refused.
            if (type !== 'dialogParentMessageReceived') {
              queueMicrotask(() => cb?.({ status: 'failed', error: { message: `fake: unsupported event type ${type}` } }));
              return;
            }
            self.handler = h;
            queueMicrotask(() => cb?.({ status: 'succeeded' }));
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
