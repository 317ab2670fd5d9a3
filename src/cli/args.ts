import { DEFAULT_LIMITS, type ReadLimits } from '../hosts/workbook/limits';

/** The command line of `selfeval check`, parsed; usage errors are thrown as UsageError (exit 2). */
export class UsageError extends Error {}

/** `--help`: the usage goes to stdout and the exit code is 0. */
export class HelpRequested extends Error {
  constructor() {
    super(USAGE);
  }
}

export interface CheckArgs {
  json: boolean;
  profile: string;
  out: string | null;
  /** Where to write the summary workbook; with --out alone it goes to DIR/校验汇总.xlsx. */
  summary: string | null;
  mode: 'fill' | 'review';
  /** Print, under a message, the library's own words behind it (a damaged file's zip or XML error). */
  verbose: boolean;
  files: string[];
  limits: ReadLimits;
}

export const USAGE = `用法：selfeval check [--json] [--profile mof|lincang|hubei|sichuan|配置.json] [--out 目录] [--summary 汇总.xlsx] [--review] [--verbose] [--max-mb N] [--max-cells N] [--] 文件.xlsx|目录 ...

  目录：检查其中（含子目录）所有 .xlsx 文件

  --json          按 JSON 约定输出结果（SPEC §5）
  --profile ID    计分方案：mof（默认，财政部通用）、lincang（临沧市）、hubei（湖北）、sichuan（四川），或一个 JSON 配置文件
  --out DIR       为每个文件写一份带标注的副本 DIR/文件名.checked.xlsx（原文件不改动），
                  并写校验汇总 DIR/校验汇总.xlsx（每张表一行，链接到副本）
  --summary FILE  只写校验汇总到 FILE（.xlsx），不写副本；与 --out 同用时汇总写到 FILE
  --review        审核模式：副本只标注问题，不填写计算值
  --verbose       文件无法读取时，另附所用程序库的原始报错（英文）
  --max-mb N      工作簿解压后的总大小上限，单位 MB（默认 ${DEFAULT_LIMITS.maxBytes / 2 ** 20}）；超过的文件不读取
  --max-cells N   所有工作表单元格总数上限（默认 ${DEFAULT_LIMITS.maxCells}）；超过的文件不读取
  -h, --help      显示本说明
  --              其后都是文件名（文件名以 - 开头时用）

退出码：0 无错误；1 有表存在错误；2 用法错误或文件无法读取。`;

export function parseArgs(argv: string[]): CheckArgs {
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === 'help') throw new HelpRequested();
  if (command === undefined) throw new UsageError(USAGE);
  if (command !== 'check') throw new UsageError(`未知命令“${command}”。\n\n${USAGE}`);
  const args: CheckArgs = { json: false, profile: 'mof', out: null, summary: null, mode: 'fill', verbose: false, files: [], limits: { ...DEFAULT_LIMITS, howToRaise: { bytes: '可用 --max-mb 调整', cells: '可用 --max-cells 调整' } } };
  let optionsEnded = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (optionsEnded) {
      args.files.push(a);
      continue;
    }
    const value = (): string => {
      const v = rest[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} 后面缺少参数。\n\n${USAGE}`);
      return v;
    };
    if (a === '--') optionsEnded = true;
    else if (a === '--json') args.json = true;
    else if (a === '--review') args.mode = 'review';
    else if (a === '--verbose') args.verbose = true;
    else if (a === '--profile') args.profile = value();
    else if (a.startsWith('--profile=')) args.profile = a.slice('--profile='.length);
    else if (a === '--summary') args.summary = value();
    else if (a.startsWith('--summary=')) args.summary = a.slice('--summary='.length);
    else if (a === '--out') args.out = value();
    else if (a.startsWith('--out=')) args.out = a.slice('--out='.length);
    else if (a === '--max-mb') args.limits.maxBytes = positive(a, value()) * 2 ** 20;
    else if (a === '--max-cells') args.limits.maxCells = wholeCount(a, value());
    else if (a === '-h' || a === '--help') throw new HelpRequested();
    else if (a.startsWith('-')) throw new UsageError(`未知选项“${a}”。\n\n${USAGE}`);
    else args.files.push(a);
  }
  if (args.summary !== null && !/\.xlsx$/i.test(args.summary)) throw new UsageError(`--summary 的文件名应以 .xlsx 结尾：“${args.summary}”。`);
  if (args.files.length === 0) throw new UsageError(`请至少给出一个 .xlsx 文件。\n\n${USAGE}`);
  return args;
}

function positive(option: string, text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${option} 需要一个正数，现为“${text}”。`);
  return n;
}

/** A count of cells: a whole number of at least 1 (`0.5` would round to a limit that refuses every file). */
function wholeCount(option: string, text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`${option} 需要一个正整数，现为“${text}”。`);
  return n;
}
