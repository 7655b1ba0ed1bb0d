import { parseArgs, type ParseArgsConfig } from 'node:util';
import { editDistance } from '../src/lib/text/suggest.ts';

/** A mistake in how a command was typed: printed as it is, with the usage, and exit code 2. */
export class UsageError extends Error {
  readonly usage: string;
  constructor(message: string, usage: string) {
    super(message);
    this.usage = usage;
  }
}

/** `--help` or `-h` was asked for: the text is printed, and the command does nothing else (exit code 0). */
class HelpRequest extends Error {}

/** One option as --help describes it: the name of its value (when it takes one) and what it does. */
export interface OptionHelp {
  value?: string;
  says: string;
}

/** What a command says of itself when asked with --help, in Chinese. */
export interface CommandHelp<Option extends string = string> {
  /** What the command does, in a sentence or two. */
  summary: string;
  /** The usage line, starting with the command as typed (npm run check …). */
  usage: string;
  /** Every option the command takes, in the order to list them. */
  options: Record<Option, OptionHelp>;
  /** A few complete command lines to copy. */
  examples?: readonly string[];
}

/** The options every command on a content folder takes, as --help describes them. */
export const contentFolderOptions = {
  dir: { value: '文件夹', says: '内容文件夹（默认是 content，或环境变量 BULLETIN_CONTENT_DIR 写的文件夹）' },
  verbose: { says: '程序本身出错时显示详细信息（给网站维护人员看）' },
} satisfies Record<string, OptionHelp>;

/** The options a command line config declares. */
type OptionNames<T extends ParseArgsConfig> = Extract<keyof NonNullable<T['options']>, string>;

/** How wide a text shows in a terminal: a Chinese character takes two columns. */
function displayWidth(text: string): number {
  return [...text].reduce((width, character) => width + (character.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0);
}

/** The text --help prints: what the command does, its usage, each option in a column, examples. */
export function helpText(help: CommandHelp): string {
  const entries: [string, OptionHelp][] = [...Object.entries(help.options), ['help', { says: '显示这段说明' }]];
  const rows = entries.map(([name, option]) => ({
    left: `${name === 'help' ? '-h, ' : ''}--${name}${option.value ? ` ${option.value}` : ''}`,
    says: option.says,
  }));
  const column = Math.max(...rows.map((row) => displayWidth(row.left))) + 2;
  return [
    help.summary,
    '',
    `用法：${help.usage}`,
    '',
    '选项：',
    ...rows.map((row) => `  ${row.left}${' '.repeat(column - displayWidth(row.left))}${row.says}`),
    ...(help.examples?.length ? ['', '例如：', ...help.examples.map((example) => `  ${example}`)] : []),
  ].join('\n');
}

/** True when `a` is `b` with two neighbouring letters swapped (yaer for year), a typo worth one edit. */
function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const differ = [...a].flatMap((letter, index) => (letter === b[index] ? [] : [index]));
  return differ.length === 2 && differ[1] === differ[0]! + 1 && a[differ[0]!] === b[differ[1]!] && a[differ[1]!] === b[differ[0]!];
}

/**
 * The option that was probably meant by a mistyped one: one that starts with what was typed or
 * is started by it (--tag for --tags, --dry for --dry-run, --fixx for --fix), else the closest
 * within a third of its length in edits, two swapped letters counting as one (--tittle for
 * --title, --yaer for --year). Only the command's own options.
 */
export function closestOption(typed: string, options: readonly string[]): string | undefined {
  const name = typed.replace(/^-+/, '').split('=')[0]!.toLowerCase();
  if (name.length < 2) return undefined;
  const distance = (option: string) =>
    option.startsWith(name) || name.startsWith(option) ? 0 : isSwap(name, option) ? 1 : editDistance(name, option);
  const scored = options
    .map((option) => ({ option, score: distance(option) }))
    .filter(({ score }) => score <= Math.max(1, Math.floor(name.length / 3)))
    .sort((a, b) => a.score - b.score || Math.abs(a.option.length - name.length) - Math.abs(b.option.length - name.length));
  return scored[0]?.option;
}

/** Node's own words for a mistyped command line, said again in Chinese, with the option probably meant. */
function usageMistake(error: { code?: unknown; message: string }, options: readonly string[]): string | undefined {
  const named = /'([^' ]+)/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const meant = closestOption(named, options);
      return `不认识的选项 ${named}${meant ? `，是不是 --${meant}？` : '。'}`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(error.message) ? `选项 ${named} 后面要写一个值。` : `选项 ${named} 后面不用写值。`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `多余的“${named}”：这个命令只接受选项（以 -- 开头）。`;
    default:
      return undefined;
  }
}

/** True when the command line asks for help: --help or -h before a lone -- (after it, words are the command's own). */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

/**
 * node:util parseArgs, strict, whose mistakes become a UsageError in Chinese naming the option
 * probably meant: an unknown or misspelt option must not be silently ignored, nor end in Node's
 * English. --help and -h print the command's help instead, whatever else was typed.
 */
export function parseCommandLine<T extends ParseArgsConfig>(config: T, help: CommandHelp<OptionNames<T>>): ReturnType<typeof parseArgs<T>> {
  if (asksForHelp(config.args ?? process.argv.slice(2))) throw new HelpRequest(helpText(help));
  try {
    // strict is parseArgs' default; config must not turn it off, or typos pass unnoticed.
    return parseArgs(config);
  } catch (error) {
    const mistake =
      error instanceof Error ? usageMistake(error as Error & { code?: unknown }, Object.keys(config.options ?? {})) : undefined;
    if (mistake) throw new UsageError(mistake, help.usage);
    throw error;
  }
}

/**
 * Run a command-line entry point: its return value becomes the exit code, and an unexpected
 * failure is one line in Chinese (the details only with --verbose), never a stack trace that a
 * correspondent cannot act on.
 */
export function runCli(main: () => number | Promise<number>): void {
  Promise.resolve()
    .then(main)
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        // Ctrl+D or Ctrl+C at a question: the writer changed their mind, nothing went wrong.
        if (error instanceof Error && (error.name === 'AbortError' || (error as { code?: unknown }).code === 'ABORT_ERR')) {
          console.error('\n已取消，没有做任何修改。');
          process.exitCode = 130;
          return;
        }
        if (error instanceof HelpRequest) {
          console.log(error.message);
          process.exitCode = 0;
          return;
        }
        if (error instanceof UsageError) {
          console.error(error.message);
          console.error(`用法：${error.usage}`);
          const command = /^npm run \S+/.exec(error.usage)?.[0];
          if (command) console.error(`全部选项：${command} -- --help`);
          process.exitCode = 2;
          return;
        }
        console.error(`出错了：${error instanceof Error ? error.message : String(error)}`);
        console.error('如果问题反复出现，请把这段输出发给网站维护人员（加 --verbose 可看到详细信息）。');
        if (process.argv.includes('--verbose')) console.error(error);
        process.exitCode = 70;
      },
    );
}
