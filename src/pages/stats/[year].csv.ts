import type { APIContext } from 'astro';
import { getSiteData } from '../../data.ts';
import { statsByYear, statsCsv, type Stats } from '../../lib/bulletin/stats.ts';

/** Each year's figures as a file, made with the site: what the year-end evaluation opens in a spreadsheet. */
export async function getStaticPaths() {
  const { bulletin, keyedPath } = await getSiteData();
  return statsByYear(bulletin).map((stats) => keyedPath({ year: stats.period }, { stats }));
}

export function GET(context: APIContext<{ stats: Stats }>) {
  return new Response(statsCsv(context.props.stats), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}
