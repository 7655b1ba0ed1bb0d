/**
 * Run the Astro CLI with the environment the project needs, the same on Windows as elsewhere:
 * `astro dev` stays in the foreground (it may otherwise detach when it guesses it is run by a
 * tool), no usage data is sent from editors' machines, and Node may use most of the memory:
 * its default limit of about 4 GiB is reached by a bulletin of 50,000 articles, where it first
 * spends its time collecting garbage and then stops the build.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { totalmem } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve('astro/package.json')), 'bin', 'astro.mjs');

const heapMiB = Math.max(4096, Math.floor((totalmem() / 2 ** 20) * 0.75));
const child = spawn(process.execPath, [`--max-old-space-size=${heapMiB}`, cli, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, ASTRO_DEV_BACKGROUND: '0', ASTRO_TELEMETRY_DISABLED: '1' },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
