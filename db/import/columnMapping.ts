// Which source column feeds which role, per file; suggested from the header names.
import type { FileKind } from './importProblems';
import { normaliseHeader, prefixRoleOf, ROLES, type ValueRule } from '../../shared/extract/extractRoles';

export type DateFormat = 'iso' | 'dmy';

export interface ColumnMapping {
  /** Target column (a role name, or a prev_* / oasys_* name) -> source header as in the file. */
  columns: Record<string, string>;
  /** 'iso' = YYYY-MM-DD; 'dmy' = DD/MM/YYYY (ISO dates are accepted either way). */
  dateFormat: DateFormat;
}

/** Fixed roles found by name, and every prev_* / oasys_* column of a cohort file. */
export function suggestMapping(headers: string[], kind: FileKind): ColumnMapping {
  const columns: Record<string, string> = {};
  const byName = new Map<string, string>();
  for (const h of headers) if (!byName.has(normaliseHeader(h))) byName.set(normaliseHeader(h), h);
  for (const role of ROLES[kind]) {
    const header = byName.get(role.name);
    if (header !== undefined) columns[role.name] = header;
  }
  for (const [name, header] of byName) if (prefixRoleOf(kind, name)) columns[name] = header;
  return { columns, dateFormat: 'iso' };
}

export interface MappedColumn {
  /** Column name in the store (role name, or the normalised prev_* / oasys_* name). */
  target: string;
  header: string;
  sourceIndex: number;
  rule: ValueRule;
  required: boolean;
  /** 'prev' / 'oasys' for the column families, else the role name. */
  role: string;
}

export interface ExtraColumn {
  name: string;
  sourceIndex: number;
}

export interface ResolvedMapping {
  mapped: MappedColumn[];
  /** Cohort only: unmapped columns kept as covariates (reoffences/participants drop them). */
  extras: ExtraColumn[];
  /** Source columns with a blank header: any value in them is a problem. */
  unnamed: number[];
  /** Header-level problems: [column, message]. */
  problems: [string | null, string][];
  missingRequired: string[];
}

/** Applies a mapping to a header row, checking it names real, distinct columns. */
export function resolveMapping(headers: string[], kind: FileKind, mapping: ColumnMapping): ResolvedMapping {
  const problems: [string | null, string][] = [];
  const indexOf = new Map<string, number>();
  const unnamed: number[] = [];
  headers.forEach((h, i) => {
    const key = normaliseHeader(h);
    if (key === '') unnamed.push(i);
    else if (indexOf.has(key)) problems.push([h.trim(), `the header names column "${h.trim()}" more than once`]);
    else indexOf.set(key, i);
  });
  const mapped: MappedColumn[] = [];
  const used = new Set<number>();
  const targets = new Set<string>();
  const roles = new Map(ROLES[kind].map((r) => [r.name, r]));
  for (const [rawTarget, header] of Object.entries(mapping.columns)) {
    const target = normaliseHeader(rawTarget);
    const role = roles.get(target);
    const family = prefixRoleOf(kind, target);
    if (!role && !family) {
      problems.push([rawTarget, `"${rawTarget}" is not a column role of the ${kind} file`]);
      continue;
    }
    const index = indexOf.get(normaliseHeader(header));
    if (index === undefined) {
      problems.push([header, `the mapping uses column "${header}" for ${target}, but the file has no such column`]);
      continue;
    }
    if (used.has(index)) {
      problems.push([header, `column "${header}" is mapped to more than one role`]);
      continue;
    }
    used.add(index);
    targets.add(target);
    mapped.push({
      target,
      header: headers[index].trim(),
      sourceIndex: index,
      rule: role ? role.rule : family!.rule,
      required: role ? role.required : false,
      role: role ? role.name : family!.role,
    });
  }
  const missingRequired = ROLES[kind].filter((r) => r.required && !targets.has(r.name)).map((r) => r.name);
  for (const name of missingRequired) problems.push([name, `the required column ${name} is missing (map a column to it)`]);
  const extras: ExtraColumn[] = [];
  if (kind === 'cohort') {
    for (const [key, index] of indexOf) {
      if (used.has(index)) continue;
      // An unmapped column named like a role (because another column was mapped to that role,
      // or it is a prev_/oasys_ name left out of the mapping) would be ambiguous in the store.
      if (roles.has(key) || targets.has(key) || prefixRoleOf(kind, key)) {
        problems.push([headers[index].trim(), `column "${headers[index].trim()}" has a role's name but is not mapped to it`]);
        continue;
      }
      extras.push({ name: headers[index].trim(), sourceIndex: index });
    }
    extras.sort((a, b) => a.sourceIndex - b.sourceIndex);
  }
  mapped.sort((a, b) => a.sourceIndex - b.sourceIndex);
  return { mapped, extras, unnamed, problems, missingRequired };
}
