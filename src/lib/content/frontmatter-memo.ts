import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Problem } from '../problems/problems.ts';
import type { Registry } from './registries.ts';
import type { ArticleFrontmatter } from './schema.ts';
import { hashSources } from '../files/source-digest.ts';
import { writeWhole } from '../files/write-whole.ts';
import type { Position } from '../files/yaml-source.ts';

/** An article's frontmatter as validated (articles.ts readFrontmatter). */
export interface FrontmatterRead {
  problems: Problem[];
  /** The fields, when the frontmatter is valid. */
  front?: ArticleFrontmatter;
  /** The cover as written, valid or not: its picture is checked whatever else is wrong. */
  cover?: string;
  /** The line of `cover`, for messages about the picture. */
  coverLine?: number;
  /** True when the article reads as a draft, valid or not: a draft's unfinished body is only a hint. */
  draft?: boolean;
  /** Where a written slug is. */
  slugPlace?: Position;
}

/** Frontmatter validated before, found by a key that holds everything the result depends on in the file. */
export interface FrontmatterMemo {
  read(key: string, validate: () => FrontmatterRead): FrontmatterRead;
}

interface MemoFile {
  version: string;
  entries: Record<string, FrontmatterRead>;
}

/**
 * What every remembered result depends on besides its file: the registries (units, columns and
 * their aliases are validated against) and the code of src/lib, which holds the schema and the
 * messages. The lockfile stands for the packages (yaml, zod).
 */
function memoVersion(registry: Registry): string {
  const hash = createHash('sha256').update(JSON.stringify([registry.site, registry.units, registry.columns]));
  try {
    hashSources(hash, new URL('../', import.meta.url));
  } catch {
    // Run from a copy without its sources: nothing can tell a memo is still right, so none is.
    hash.update(randomUUID());
  }
  return hash.digest('hex');
}

/**
 * Frontmatter validated by the last run, kept in a file. A rebuild reads every article again,
 * and most did not change: reading YAML with the positions messages need, and validating it,
 * is most of reading an article. Only the entries this run asked for are saved, so the file
 * never grows past the content folder.
 */
export class SavedFrontmatterMemo implements FrontmatterMemo {
  private readonly file: string;
  private readonly version: string;
  private readonly saved: Map<string, FrontmatterRead>;
  private readonly used = new Map<string, FrontmatterRead>();
  private added = false;

  constructor(file: string, registry: Registry) {
    this.file = file;
    this.version = memoVersion(registry);
    this.saved = new Map(Object.entries(readMemoFile(file, this.version)));
  }

  read(key: string, validate: () => FrontmatterRead): FrontmatterRead {
    const digest = createHash('sha1').update(key).digest('base64url');
    const known = this.used.get(digest) ?? this.saved.get(digest);
    // Copies both ways: the caller may change what it gets, and must not change what is kept.
    if (known) {
      this.used.set(digest, known);
      return structuredClone(known);
    }
    const read = validate();
    this.used.set(digest, structuredClone(read));
    this.added = true;
    return read;
  }

  /** Write what this run used, when it differs from the file. */
  save(): void {
    if (!this.added && this.used.size === this.saved.size) return;
    const memo: MemoFile = { version: this.version, entries: Object.fromEntries(this.used) };
    mkdirSync(dirname(this.file), { recursive: true });
    writeWhole(this.file, JSON.stringify(memo));
  }
}

function readMemoFile(file: string, version: string): MemoFile['entries'] {
  try {
    const memo = JSON.parse(readFileSync(file, 'utf8')) as MemoFile;
    return memo.version === version ? memo.entries : {};
  } catch {
    return {};
  }
}
