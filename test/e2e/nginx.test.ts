import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { programPath } from '../preflight/machine.ts';
import { nginx as nginxProgram } from '../preflight/needs.ts';
import { freePort, launchBrowser } from './browser.ts';
import { readOutcome } from './search-helpers.ts';

const documented = fileURLToPath(new URL('../../docs/nginx.conf', import.meta.url));
let nginx: string;
let server: ChildProcess;
let base: string;
let browser: Browser;

/** The documented server block, with only its address and folder changed, inside a minimal nginx.conf. */
function configFor(root: string, port: number, prefix: string): string {
  const server = readFileSync(documented, 'utf8')
    .replace(/listen 80;/, `listen 127.0.0.1:${port};`)
    .replace(/root \/var\/www\/dangjian;/, `root ${root};`);
  return `worker_processes 1;
daemon off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log;
events {}
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
${server}
}
`;
}

beforeAll(async () => {
  // NGINX_PATH, else Debian's, else one on PATH, as `npm test` checked first.
  nginx = programPath(nginxProgram);
  const prefix = mkdtempSync(join(tmpdir(), 'nginx-'));
  // nginx's workers run as an unprivileged user; a temporary folder is private to its creator.
  chmodSync(inject('sampleDist'), 0o755);
  const port = await freePort();
  const config = join(prefix, 'nginx.conf');
  writeFileSync(config, configFor(inject('sampleDist'), port, prefix));
  const syntax = spawnSync(nginx, ['-t', '-c', config, '-p', prefix], { encoding: 'utf8' });
  if (syntax.status !== 0) throw new Error(`the documented nginx configuration does not load:\n${syntax.stderr}`);
  server = spawn(nginx, ['-c', config, '-p', prefix], { stdio: 'ignore' });
  base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  while (
    !(await fetch(`${base}/`).then(
      (response) => response.ok,
      () => false,
    ))
  ) {
    if (Date.now() > deadline) throw new Error('nginx did not start');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  server?.kill();
});

test('pages are served with the security headers', async () => {
  const response = await fetch(`${base}/articles/jineng-biwu/`);
  expect(response.headers.get('content-security-policy')).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect((await fetch(`${base}/no-such-page/`)).status).toBe(404);
});

test('the site and its search work under the Content-Security-Policy, with no violation', async () => {
  const page = await browser.newPage();
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  for (const path of ['/', '/articles/shuji-linghang/', '/units/', '/zhuanti/shuji-xiangmu/', '/stats/']) {
    await page.goto(`${base}${path}`);
    await page.waitForLoadState('networkidle');
  }
  await page.goto(`${base}/search/?q=${encodeURIComponent('消防培訓')}`);
  const { urls } = await readOutcome(page);
  expect(urls[0]).toBe('/articles/xiaofang-peixun/');
  expect(violations).toEqual([]);
  await page.close();
});
