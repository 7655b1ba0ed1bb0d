import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getSiteData } from '../data.ts';
import { feedItems } from '../lib/bulletin/feed.ts';
import { ui } from '../lib/i18n.ts';

/** The site-wide feed: the newest articles of every column. */
export async function GET(context: APIContext) {
  const { bulletin, routes } = await getSiteData();
  const site = bulletin.registry.site;
  return rss({
    title: ui.feed.title(site.name),
    description: site.description ?? site.name,
    site: context.site ?? site.url,
    items: feedItems(bulletin, bulletin.articles, routes),
    customData: '<language>zh-CN</language>',
  });
}
