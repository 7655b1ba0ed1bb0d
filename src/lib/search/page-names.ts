/**
 * Names of the index's pages, which every first search downloads, one for each page. Pagefind
 * names a page by a hash of its fragment (seven characters that do not compress); the site
 * names it by its shard's tag and its number in the shard, in base 36 (k3x0, k3x1 …), which
 * compress to a fraction. The tag is a hash of the shard's fragments, so a page's name changes
 * whenever any page of its shard changes: a browser never takes an old fragment for a new one.
 * Shared by the index writer and the search page.
 */

/** The name of the `index`th page of the shard tagged `tag`. */
export function pageName(tag: string, index: number): string {
  return tag + index.toString(36);
}

/**
 * Tags for shards from the hashes (hex) of their contents: as many base-36 characters as it
 * takes, three at least, for every tag to differ, all of one length so no name is read two ways.
 */
export function shardTags(digests: readonly string[]): string[] {
  const full = digests.map((digest) =>
    BigInt(`0x${digest.slice(0, 24)}`)
      .toString(36)
      .padStart(8, '0'),
  );
  for (let length = 3; ; length++) {
    const tags = full.map((tag) => tag.slice(0, length));
    if (new Set(tags).size === tags.length || length >= full[0]!.length) return tags;
  }
}
