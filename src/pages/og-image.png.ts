import sharp from 'sharp';

// The bulletin's emblem on its red, at the 1200×630 link previews use; no text, so no font is needed.
const emblem = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
  <rect width="1200" height="630" fill="#b3121b"/>
  <rect y="470" width="1200" height="16" fill="#ffd25a"/>
  <path fill="#ffd25a" d="M600 95l42 105 113 7-87 72 28 110-96-60-96 60 28-110-87-72 113-7z"/>
</svg>`;

/** The default picture of link previews (WeChat, 微博 and others), drawn at build time. */
export async function GET() {
  const png = await sharp(Buffer.from(emblem)).png({ compressionLevel: 9 }).toBuffer();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}
