import { registryFiles, registryFields } from './registries.ts';
import { articleFields } from './schema.ts';

/**
 * A problem's field as a writer can find it: the Chinese name correspondents know, then the key
 * as it is written in the file (单位（units）). A key the contract does not know stays as written.
 */
export function fieldLabel(file: string, field: string): string {
  // Nested paths (units.2, aliases.0) are named by their field.
  const key = field.split('.')[0] ?? field;
  const fields = registryFiles.includes(file) ? registryFields : articleFields;
  const name = Object.hasOwn(fields, key) ? fields[key]?.name : undefined;
  return name ? `${name}（${key}）` : field;
}
