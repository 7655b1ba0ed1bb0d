import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { contentDir } from '../lib/files/paths.ts';
import { buildSnapshot } from './content-snapshot.ts';
import { buildFailure } from './fail-build.ts';
import { findLosses, indexedPageCount } from './verify-build.ts';

/**
 * The HTML pages a build wrote or kept, as Astro lists them (feeds and other files aside):
 * walking dist/ for them took a quarter of a second of every rebuild at 10,000 articles.
 */
function countPages(assets: ReadonlyMap<string, readonly URL[]>): number {
  let count = 0;
  for (const urls of assets.values()) for (const url of urls) if (url.pathname.endsWith('.html')) count++;
  return count;
}

/**
 * After a build: check, from the content folder itself rather than from what the pipeline
 * made of it, that every published article was published everywhere it belongs (nothing may be
 * lost silently), then print one line of totals, timed from the start of the build process.
 */
export function buildReport(): AstroIntegration {
  return {
    name: 'bulletin-build-report',
    hooks: {
      'astro:build:done': ({ dir, logger, assets }) => {
        const out = fileURLToPath(dir);
        const source = contentDir();
        const snapshot = buildSnapshot(source);
        if (!snapshot) return; // the content loader has already failed the build with the reasons
        const { registry, articles: published } = snapshot.bulletin;
        const { losses, indexMismatch } = findLosses(out, snapshot.bulletin, indexedPageCount(out));
        if (losses.length || indexMismatch) {
          const lines = losses.map((loss) => `  ${loss.article.sourcePath}：缺少${loss.where}`);
          if (indexMismatch) lines.push(`  ${indexMismatch}`);
          throw buildFailure(
            `以下稿件没有完整发布：\n${lines.join('\n')}`,
            '这是网站程序的错误，不是稿件的问题；请把这段输出报告给网站维护人员。',
          );
        }
        // The whole run of this process: configuration, content sync, rendering and this check.
        const seconds = process.uptime().toFixed(1);
        logger.info(
          `生成完毕：${published.length} 篇稿件、${registry.units.length} 个单位、${registry.columns.length} 个栏目、${countPages(assets)} 个页面，用时 ${seconds} 秒。`,
        );
        // Counted here too, so that a file that is no article is never lost without a word.
        if (snapshot.strayFiles.length > 0)
          logger.warn(
            `articles 文件夹里另有 ${snapshot.strayFiles.length} 个文件不是稿件，没有发布：${snapshot.strayFiles.join('、')}（见上面的提示）。`,
          );
      },
    },
  };
}
