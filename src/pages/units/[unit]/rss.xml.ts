import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getSiteData, getSiteWide } from '../../../data.ts';
import { feedItems, feedSize } from '../../../lib/bulletin/feed.ts';
import { ui } from '../../../lib/i18n.ts';
import type { Article } from '../../../lib/content/articles.ts';
import type { Unit } from '../../../lib/content/registries.ts';

export async function getStaticPaths() {
  const { bulletin, keyedPath } = await getSiteData();
  return bulletin.registry.units.map((unit) =>
    keyedPath({ unit: unit.slug }, { unit, articles: (bulletin.byUnit.get(unit.slug) ?? []).slice(0, feedSize) }),
  );
}

/** One unit's feed: its newest articles. */
export async function GET(context: APIContext<{ unit: Unit; articles: Article[] }>) {
  const siteWide = await getSiteWide();
  const { site, routes } = siteWide;
  const { unit, articles } = context.props;
  return rss({
    title: ui.feed.unitTitle(site.name, unit.name),
    description: unit.description ?? ui.feed.unitTitle(site.name, unit.name),
    site: context.site ?? site.url,
    items: feedItems(siteWide, articles, routes),
    customData: '<language>zh-CN</language>',
  });
}
