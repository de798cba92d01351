// The cohort file's extra columns (headers that feed no role): the importer keeps them as
// covariates, typed by all their values unless the analyst sets the type (DATA-FORMAT.md section 1).
import type { ColumnMappingArg, FilePreview } from '../../shared/api';
import { ROLES, prefixRoleOf } from '../../shared/extract/extractRoles';
import { isNumericText } from '../../shared/extract/numericText';
import { headerKey } from './columnChoices';

export type ColumnKind = 'numeric' | 'categorical';
/** Header key (headerKey) -> the type the analyst chose; absent means "by its values". */
export type TypeOverrides = Record<string, ColumnKind>;

const WHOLE = /^[+-]?\d+$/;

export interface ExtraColumn {
  /** The header as the file writes it, trimmed (the importer's name for the column). */
  name: string;
  index: number;
}

export interface UnusedColumns {
  /** Kept as covariates. */
  extras: ExtraColumn[];
  /** Named like a role or a prev_/oasys_ family but not mapped to it: the importer refuses these. */
  roleNamed: string[];
}

/** The cohort headers no role takes, split as the importer splits them (db/import/columnMapping.ts). */
export function unusedColumns(headers: readonly string[], mapping: ColumnMappingArg): UnusedColumns {
  const mapped = new Set(Object.values(mapping.columns).map(headerKey));
  const roleNames = new Set([...ROLES.cohort.map((r) => r.name), ...Object.keys(mapping.columns).map(headerKey)]);
  const seen = new Set<string>();
  const extras: ExtraColumn[] = [];
  const roleNamed: string[] = [];
  headers.forEach((h, index) => {
    const key = headerKey(h);
    // A repeated header is refused by the importer with its own message; list the column once.
    if (key === '' || mapped.has(key) || seen.has(key)) return;
    seen.add(key);
    if (roleNames.has(key) || prefixRoleOf('cohort', key)) roleNamed.push(h.trim());
    else extras.push({ name: h.trim(), index });
  });
  return { extras, roleNamed };
}

export interface ValueHint {
  /** What the preview rows suggest the automatic typing will give. */
  looks: ColumnKind | 'blank';
  /** Non-blank values in the preview rows. */
  values: number;
  distinct: number;
  /** Every non-blank preview value is a whole number. */
  whole: boolean;
  /** The first preview value that is not a number, with its file line. */
  firstText: { value: string; line: number } | null;
}

/** What the first rows of the file say about a column's type (the import types it by all its rows). */
export function valueHint(preview: FilePreview, index: number): ValueHint {
  const distinct = new Set<string>();
  let values = 0;
  let whole = true;
  let firstText: ValueHint['firstText'] = null;
  preview.rows.forEach((row, r) => {
    const text = (row[index] ?? '').trim();
    if (text === '') return;
    values += 1;
    distinct.add(text);
    if (!isNumericText(text)) firstText ??= { value: text, line: preview.lines[r] };
    else if (!WHOLE.test(text)) whole = false;
  });
  const looks = values === 0 ? 'blank' : firstText ? 'categorical' : 'numeric';
  return { looks, values, distinct: distinct.size, whole: looks === 'numeric' && whole, firstText };
}

/** The overrides to send with import.start: the current extra columns' only, under their names. */
export function overridesToSend(extras: readonly ExtraColumn[], chosen: TypeOverrides): Record<string, ColumnKind> {
  const out: Record<string, ColumnKind> = {};
  for (const e of extras) {
    const kind = chosen[headerKey(e.name)];
    if (kind) out[e.name] = kind;
  }
  return out;
}

/** The overrides with `name` set to `kind`, or back to automatic when `kind` is null. */
export function withOverride(chosen: TypeOverrides, name: string, kind: ColumnKind | null): TypeOverrides {
  const next = { ...chosen };
  if (kind === null) delete next[headerKey(name)];
  else next[headerKey(name)] = kind;
  return next;
}
