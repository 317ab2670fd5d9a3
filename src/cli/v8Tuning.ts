/**
 * The V8 settings a check's process runs with: main() sets them first, and `bench/phases.cjs` too, so that
 * its phases are the CLI's. V8 reads each of them at every GC or compile, so setting them after start
 * takes effect; Node warns that a flag set after start may also do nothing
 * (https://nodejs.org/api/v8.html#v8setflagsfromstringflags), and then V8's default applies.
 */
import { setFlagsFromString } from 'node:v8';

export function tuneV8(): void {
  // V8 grows the heap by a large factor after each full GC, so a big workbook's parse garbage piles up
  // before it is collected: the peak RSS of a 5,000-form check was 460–600 MB from run to run (503 MB
  // without this flag in issue 20's runs). Growing by 20% keeps it near 365 MB.
  setFlagsFromString('--heap-growing-percent=20');
  // A check is a process of a second or two, and V8 spent more CPU compiling the core's rules than running
  // them: its optimizing compiler inlined deeply into ~120 hot functions, ~1 s of CPU on a background
  // thread for the 1,000-form bench sheet, against ~0.23 s for all that a mere SheetJS read compiles. A
  // smaller inlining budget halves that compile work.
  setFlagsFromString('--max-inlined-bytecode-size-cumulative=200');
  // The young generation grows 4× a step instead of 2× (to the same 16 MB semi-space; its size itself is
  // fixed when the heap is set up): 48 → 33 scavenges, each of which copies the sheet model's live objects.
  setFlagsFromString('--semi-space-growth-factor=4');
  // Measured with `npm run bench`'s processes, 14 rounds in turn, check / mere SheetJS read: CPU 1.66× →
  // 1.57× (growth alone), 1.50× (inlining alone), 1.41× (both); wall 1.46× → 1.30×. The same flags make
  // the mere read 8% slower: they suit this workload, not reading in general. Peak RSS at 5,000 forms
  // unchanged (364 MB).
}
