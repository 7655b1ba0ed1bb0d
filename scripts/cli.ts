import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake in how a command was typed: printed as it is, with the usage, and exit code 2. */
export class UsageError extends Error {
  readonly usage: string;
  constructor(message: string, usage: string) {
    super(message);
    this.usage = usage;
  }
}

/** Node's own words for a mistyped command line, said again in Chinese. */
function usageMistake(error: { code?: unknown; message: string }): string | undefined {
  const named = /'([^' ]+)/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `不认识的选项 ${named}。`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(error.message) ? `选项 ${named} 后面要写一个值。` : `选项 ${named} 后面不用写值。`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `多余的“${named}”：这个命令只接受选项（以 -- 开头）。`;
    default:
      return undefined;
  }
}

/**
 * node:util parseArgs, strict, whose mistakes become a UsageError in Chinese: an unknown or
 * misspelt option must not be silently ignored, nor end in Node's English.
 */
export function parseCommandLine<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  try {
    // strict is parseArgs' default; config must not turn it off, or typos pass unnoticed.
    return parseArgs(config);
  } catch (error) {
    const mistake = error instanceof Error ? usageMistake(error as Error & { code?: unknown }) : undefined;
    if (mistake) throw new UsageError(mistake, usage);
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
        if (error instanceof UsageError) {
          console.error(error.message);
          console.error(`用法：${error.usage}`);
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
