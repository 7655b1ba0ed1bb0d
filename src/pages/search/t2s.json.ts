import { loadTraditionalTable } from '../../lib/search/opencc-table.ts';

/** The traditional → simplified table, as pairs of characters in one string; fetched only when a query needs it. */
export function GET() {
  const pairs = Object.entries(loadTraditionalTable())
    .map(([traditional, simplified]) => traditional + simplified)
    .join('');
  return new Response(JSON.stringify({ pairs }), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
