// Pure helpers for the mapping screen: keeping the analyst's choices across re-previews and
// saved mappings, and checking a mapping before the import is started.
import type { ColumnMappingArg, FileKind } from '../../shared/api';
import { FILE_ROLES } from './fileRoles';

/** Headers are compared as the importer compares them: case-insensitively after trimming. */
export function headerKey(name: string): string {
  return name.trim().toLowerCase();
}

function findHeader(headers: readonly string[], name: string): string | undefined {
  const key = headerKey(name);
  return headers.find((h) => headerKey(h) === key);
}

export interface MergedMapping {
  mapping: ColumnMappingArg;
  /** Entries of `preferred` whose column this file does not have: [role, column]. */
  dropped: [string, string][];
}

/**
 * `preferred` (the analyst's earlier choice, or a saved mapping) wins wherever its column exists
 * in this file; `fallback` (the suggestion from the header) fills the remaining roles with
 * columns not already taken, so re-previewing a fixed file never loses a hand-made choice.
 */
export function mergeMapping(preferred: ColumnMappingArg | null, fallback: ColumnMappingArg, headers: readonly string[]): MergedMapping {
  const columns: Record<string, string> = {};
  const used = new Set<string>();
  const dropped: [string, string][] = [];
  for (const [target, header] of Object.entries(preferred?.columns ?? {})) {
    const found = findHeader(headers, header);
    if (found === undefined) dropped.push([target, header]);
    else {
      columns[target] = found;
      used.add(headerKey(found));
    }
  }
  for (const [target, header] of Object.entries(fallback.columns)) {
    const found = findHeader(headers, header);
    if (columns[target] !== undefined || found === undefined || used.has(headerKey(found))) continue;
    columns[target] = found;
    used.add(headerKey(found));
  }
  return { mapping: { columns, dateFormat: preferred?.dateFormat ?? fallback.dateFormat }, dropped };
}

/** The mapping with `target` fed by `header`, or left out when `header` is null. */
export function withRole(mapping: ColumnMappingArg, target: string, header: string | null): ColumnMappingArg {
  const columns = { ...mapping.columns };
  if (header === null) delete columns[target];
  else columns[target] = header;
  return { ...mapping, columns };
}

export interface MappingCheck {
  missingRequired: string[];
  /** Columns chosen for more than one role. */
  reusedColumns: string[];
}

export function checkMapping(kind: FileKind, mapping: ColumnMappingArg): MappingCheck {
  const missingRequired = FILE_ROLES[kind].filter((r) => r.required && !mapping.columns[r.name]).map((r) => r.name);
  const seen = new Map<string, number>();
  for (const header of Object.values(mapping.columns)) seen.set(headerKey(header), (seen.get(headerKey(header)) ?? 0) + 1);
  const reusedColumns = [...seen].filter(([, n]) => n > 1).map(([h]) => h);
  return { missingRequired, reusedColumns };
}
