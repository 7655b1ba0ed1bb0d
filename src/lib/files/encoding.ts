/** How a file's bytes were written, as far as the content checks care. */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** The name a writer knows an encoding by that must become UTF-8 (GBK, UTF-16); none for UTF-8 itself. */
export function foreignEncodingName(encoding: Encoding): 'GBK' | 'UTF-16' | undefined {
  if (encoding === 'gb18030') return 'GBK';
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return 'UTF-16';
  return undefined;
}

/** The text of a file, and the encoding it was found in; or why it is no text file at all. */
export type Decoded = { text: string; encoding: Encoding } | { text?: undefined; reason: 'binary' | 'unknown' };

const decoder = (label: string) => new TextDecoder(label, { fatal: true, ignoreBOM: true });

/**
 * Read a file the way correspondents' editors write it: UTF-8 (with or without the BOM that
 * Notepad adds), UTF-16 (Word's "Unicode" text), or GBK/GB18030 (the default of Chinese Windows).
 */
export function decodeFile(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryDecode('utf-8', bytes.subarray(3));
    return text === undefined ? { reason: 'unknown' } : { text, encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = tryDecode('utf-16le', bytes.subarray(2));
    return text === undefined ? { reason: 'unknown' } : { text, encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = tryDecode('utf-16be', bytes.subarray(2));
    return text === undefined ? { reason: 'unknown' } : { text, encoding: 'utf-16be' };
  }
  if (bytes.includes(0)) return { reason: 'binary' };
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  const gb = tryDecode('gb18030', bytes);
  // Any byte soup decodes as GB18030; only call it Chinese text when it reads as Chinese.
  if (gb !== undefined && /\p{Script=Han}/u.test(gb) && !/[\u0080-\u009f\ufffd]/.test(gb)) return { text: gb, encoding: 'gb18030' };
  return { reason: 'unknown' };
}

function tryDecode(label: string, bytes: Uint8Array): string | undefined {
  try {
    return decoder(label).decode(bytes);
  } catch {
    return undefined;
  }
}
