/**
 * Run the Astro CLI with the environment the project needs, the same on Windows as elsewhere:
 * `astro dev` stays in the foreground (it may otherwise detach when it guesses it is run by a
 * tool), no usage data is sent from editors' machines, and Node may use most of the memory:
 * a 50,000-article build holds several GiB in the Astro process (6.7 GiB measured under Node's
 * default heap limit of about 4 GiB, 10.3 GiB without it), and a bulletin that outgrows the
 * default must not stop the build for want of heap.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { totalmem } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve('astro/package.json')), 'bin', 'astro.mjs');

const heapMiB = Math.max(4096, Math.floor((totalmem() / 2 ** 20) * 0.75));
// Node's own options go on to Astro: in a content repository they load the hooks that run this
// package's TypeScript from node_modules (scripts/bulletin.mjs).
const args = [`--max-old-space-size=${heapMiB}`, ...process.execArgv, cli, ...process.argv.slice(2)];
const env = { ...process.env, ASTRO_DEV_BACKGROUND: '0', ASTRO_TELEMETRY_DISABLED: '1' };

// Where the system allows, Astro takes this process's place, so no idle parent holds memory
// (and signals and the exit code need no passing on); elsewhere (Windows) it runs as a child.
if (typeof process.execve === 'function' && process.platform !== 'win32') {
  process.execve(process.execPath, [process.execPath, ...args], env);
} else {
  const child = spawn(process.execPath, args, { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}
