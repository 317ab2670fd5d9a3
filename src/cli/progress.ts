/**
 * The batch's progress line on stderr: `校验中 37/200  单位A/项目037.xlsx`, redrawn in place, only when
 * stderr is a terminal and there is more than one file; nothing otherwise (a pipe or a log file gets no
 * escape codes). The report goes to stdout meanwhile, often on the same terminal, so every stdout write
 * clears the line first and draws it again after.
 *
 * Hand-written rather than cli-progress: that library redraws on its own timer and has no way to print
 * to another stream above a single bar, which is exactly what the per-file report on stdout does.
 */

export interface ProgressStream {
  isTTY?: boolean;
  write(s: string): unknown;
}

// Autowrap off while drawing (DECAWM, `ESC [ ? 7 l`): a line wider than the terminal is clipped instead of
// wrapping onto a second line that `\r` could not take back. No width arithmetic for CJK file names.
const NO_WRAP = '\x1b[?7l';
const WRAP = '\x1b[?7h';
const CLEAR_LINE = '\r\x1b[K';

export class ProgressLine {
  private readonly on: boolean;
  private line = '';

  constructor(
    private readonly stream: ProgressStream | undefined,
    private readonly total: number,
  ) {
    this.on = stream?.isTTY === true && total > 1;
  }

  /** `done` files finished, `current` being read now. */
  show(done: number, current: string): void {
    if (!this.on) return;
    this.line = `校验中 ${done}/${this.total}  ${current}`;
    this.draw();
  }

  /** Writes around the line: clears it, lets `write` print, draws it again. */
  around(write: () => void): void {
    if (!this.on || !this.line) return write();
    this.stream!.write(CLEAR_LINE);
    write();
    this.draw();
  }

  /** The batch is over: the line goes away. */
  end(): void {
    if (!this.on || !this.line) return;
    this.stream!.write(CLEAR_LINE);
    this.line = '';
  }

  private draw(): void {
    this.stream!.write(`${CLEAR_LINE}${NO_WRAP}${this.line}${WRAP}`);
  }
}
