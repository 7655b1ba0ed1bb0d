import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getSiteData } from '../../../data.ts';
import { feedItems } from '../../../lib/bulletin/feed.ts';
import { ui } from '../../../lib/i18n.ts';
import type { Unit } from '../../../lib/content/registries.ts';

export async function getStaticPaths() {
  const { bulletin, pageKey } = await getSiteData();
  return bulletin.registry.units.map((unit) => ({ params: { unit: unit.slug }, props: { unit }, cacheKey: pageKey(unit, bulletin.byUnit.get(unit.slug) ?? []) }));
}

/** One unit's feed: its newest articles. */
export async function GET(context: APIContext<{ unit: Unit }>) {
  const { bulletin, routes } = await getSiteData();
  const { unit } = context.props;
  const site = bulletin.registry.site;
  return rss({
    title: ui.feed.unitTitle(site.name, unit.name),
    description: unit.description ?? ui.feed.unitTitle(site.name, unit.name),
    site: context.site ?? site.url,
    items: feedItems(bulletin, bulletin.byUnit.get(unit.slug) ?? [], routes),
    customData: '<language>zh-CN</language>',
  });
}
