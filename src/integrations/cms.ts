import { createReadStream, copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { localBackendPort } from '../lib/cms/decap-config.ts';
import { contentDir } from '../lib/files/paths.ts';
import { rememberCommand } from './cms-mode.ts';

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

/**
 * The helper of Decap's local mode (decap-server's file-system middleware): it reads and writes
 * the content folder (BULLETIN_CONTENT_DIR respected), listens on this computer only, and stops
 * with the dev server.
 */
async function startLocalBackend(logger: AstroIntegrationLogger): Promise<Server | undefined> {
  // decap-server reads the folder from the environment when it registers.
  process.env['GIT_REPO_DIRECTORY'] = contentDir();
  const fromDecapServer = createRequire(require.resolve('decap-server'));
  const express = fromDecapServer('express') as () => import('node:http').RequestListener & {
    listen: (port: number, host: string, ready: () => void) => Server;
  };
  const { registerLocalFs } = require('decap-server/dist/middlewares.js') as {
    registerLocalFs: (app: unknown, options: { logLevel: string }) => Promise<void>;
  };
  const app = express();
  await registerLocalFs(app, { logLevel: 'warn' });
  return new Promise((resolve) => {
    const server = app.listen(localBackendPort, '127.0.0.1', () => resolve(server));
    server.on('error', (error: NodeJS.ErrnoException) => {
      logger.warn(
        error.code === 'EADDRINUSE'
          ? `投稿台的本机助手没有启动：端口 ${localBackendPort} 已被占用（是不是另一个 npm run dev 还开着？）。关掉它再运行 npm run dev。`
          : `投稿台的本机助手没有启动：${error.message}`,
      );
      resolve(undefined);
    });
  });
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
