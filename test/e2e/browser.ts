import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { userEnv } from '../build/build-site.ts';
import { programPath } from '../preflight/machine.ts';
import { chromium as chromiumProgram } from '../preflight/needs.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The Chromium CHROMIUM_PATH names, else Debian's, else one on PATH, as `npm test` checked first; the tests never download a browser. */
export function chromiumPath(): string {
  return programPath(chromiumProgram);
}

/** Headless Chromium with the flags this project's machines need (no sandbox as root, no network chatter). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** `astro preview` of a built folder, on loopback; resolves once it answers. */
export async function startPreview(outDir: string, contentDir: string): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  // --ignore-lock: a developer's own `npm run preview` may be running; the test starts its own beside it.
  const child: ChildProcess = spawn(
    process.execPath,
    ['scripts/astro.ts', 'preview', '--ignore-lock', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port)],
    { cwd: projectRoot, env: userEnv({ BULLETIN_CONTENT_DIR: contentDir }), stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill();
      throw new Error(`astro preview did not start on ${url}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, stop: () => child.kill() };
}
