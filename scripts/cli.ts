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
        console.error(`出错了：${error instanceof Error ? error.message : String(error)}`);
        console.error('如果问题反复出现，请把这段输出发给网站维护人员（加 --verbose 可看到详细信息）。');
        if (process.argv.includes('--verbose')) console.error(error);
        process.exitCode = 70;
      },
    );
}
