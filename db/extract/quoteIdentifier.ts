// SQL identifiers built from file headers are always double-quoted with quotes doubled.
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
