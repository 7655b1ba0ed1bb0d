/** A YAML scalar for any text: plain when YAML reads it back unchanged, else double-quoted. */
export function yamlScalar(value: string): string {
  const plain =
    value !== '' &&
    !/^[\s\-?:,[\]{}#&*!|>'"%@`]|[:#]\s|[\s:]$|[[\]{},]/.test(value) &&
    !/^(true|false|yes|no|on|off|null|~|[-+]?[\d.]+)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}
