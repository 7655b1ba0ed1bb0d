import { createReadStream, copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import type { RequestListener, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { localBackendPort } from '../lib/cms/decap-config.ts';
import { contentDir } from '../lib/files/paths.ts';
import { rememberCommand, rememberHelperPort } from './cms-mode.ts';

/*
 * The correspondents' form at /admin/ (src/pages/admin/index.astro) runs Decap CMS's own
 * prebuilt files. A build copies them beside the page; `astro dev` serves them, and starts the
 * helper through which the form edits the content folder on this computer.
 */

const require = createRequire(import.meta.url);

/** Decap's prebuilt files: the main script, the parts it loads when needed and its WebAssembly, without source maps. */
function decapFiles(): { folder: string; files: string[] } {
  const folder = dirname(require.resolve('decap-cms/dist/decap-cms.js'));
  const files = readdirSync(folder).filter((file) => /^(?:\d+\.)?decap-cms\.js$|\.wasm$/.test(file));
  return { folder, files };
}

const contentTypes: Record<string, string> = { js: 'text/javascript; charset=utf-8', wasm: 'application/wasm' };

/** Listen on this computer only; rejects when the port is taken. */
function listen(app: RequestListener & { listen: (port: number, host: string) => Server }, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, '127.0.0.1');
    server.once('listening', () => resolve(server));
    server.once('error', reject);
  });
}

/**
 * The helper of Decap's local mode (decap-server's file-system middleware): it reads and writes
 * the content folder (BULLETIN_CONTENT_DIR respected), listens on this computer only, and stops
 * with the dev server. When another dev server holds its port, it takes a free one and the page
 * points the form at it.
 */
async function startLocalBackend(logger: AstroIntegrationLogger): Promise<Server | undefined> {
  // decap-server reads the folder from the environment when it registers.
  process.env['GIT_REPO_DIRECTORY'] = contentDir();
  const fromDecapServer = createRequire(require.resolve('decap-server'));
  const express = fromDecapServer('express') as () => RequestListener & { listen: (port: number, host: string) => Server };
  const { registerLocalFs } = require('decap-server/dist/middlewares.js') as {
    registerLocalFs: (app: unknown, options: { logLevel: string }) => Promise<void>;
  };
  const app = express();
  await registerLocalFs(app, { logLevel: 'warn' });
  try {
    const server = await listen(app, localBackendPort).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EADDRINUSE') throw error;
      const other = await listen(app, 0);
      logger.info(
        `端口 ${localBackendPort} 已被占用（可能另一个 npm run dev 还开着），投稿台的本机助手改用端口 ${(other.address() as AddressInfo).port}。`,
      );
      return other;
    });
    rememberHelperPort((server.address() as AddressInfo).port);
    return server;
  } catch (error) {
    logger.warn(`投稿台的本机助手没有启动：${(error as Error).message}`);
    return undefined;
  }
}

export function cms(): AstroIntegration {
  let localBackend: Server | undefined;
  return {
    name: 'bulletin-cms',
    hooks: {
      'astro:config:setup': ({ command }) => rememberCommand(command),
      'astro:server:setup': async ({ server, logger }) => {
        const { folder, files } = decapFiles();
        server.middlewares.use((request, response, next) => {
          const file = /\/admin\/([^/?#]+)(?:[?#].*)?$/.exec(request.url ?? '')?.[1];
          if (!file || !files.includes(file)) return next();
          response.setHeader('Content-Type', contentTypes[file.split('.').pop() ?? ''] ?? 'application/octet-stream');
          createReadStream(join(folder, file)).pipe(response);
        });
        localBackend = await startLocalBackend(logger);
        // A dev server that restarts (after a config change) closes the old helper before the new one starts.
        server.httpServer?.once('close', () => localBackend?.close());
      },
      'astro:server:done': () => {
        localBackend?.close();
        localBackend = undefined;
      },
      'astro:build:done': ({ dir }) => {
        const { folder, files } = decapFiles();
        const admin = join(fileURLToPath(dir), 'admin');
        mkdirSync(admin, { recursive: true });
        for (const file of files) copyFileSync(join(folder, file), join(admin, file));
      },
    },
  };
}
