// The column roles of DATA-FORMAT.md sections 1-3 and the kind of value each one holds.
import type { FileKind } from './importProblems';

export type ValueRule = 'text' | 'date' | 'sex' | 'flag' | 'count' | 'oasys' | 'courtOutcome';

export interface RoleSpec {
  name: string;
  required: boolean;
  rule: ValueRule;
}

export const ROLES: Record<FileKind, RoleSpec[]> = {
  cohort: [
    { name: 'record_id', required: true, rule: 'text' },
    { name: 'person_id', required: true, rule: 'text' },
    { name: 'index_date', required: true, rule: 'date' },
    { name: 'date_of_birth', required: true, rule: 'date' },
    { name: 'sex', required: true, rule: 'sex' },
    { name: 'region', required: true, rule: 'text' },
    { name: 'ethnicity', required: false, rule: 'text' },
    { name: 'uk_national', required: false, rule: 'flag' },
    { name: 'index_offence', required: false, rule: 'text' },
    { name: 'index_disposal', required: false, rule: 'text' },
  ],
  reoffences: [
    { name: 'person_id', required: true, rule: 'text' },
    { name: 'offence_date', required: true, rule: 'date' },
    { name: 'disposal_date', required: true, rule: 'date' },
    { name: 'court_outcome', required: true, rule: 'courtOutcome' },
    { name: 'custodial', required: true, rule: 'flag' },
    { name: 'pnd', required: false, rule: 'flag' },
  ],
  participants: [
    { name: 'participant_ref', required: true, rule: 'text' },
    { name: 'person_id', required: false, rule: 'text' },
    { name: 'start_date', required: true, rule: 'date' },
    { name: 'end_date', required: false, rule: 'date' },
  ],
};

/** Cohort column families: every column whose name starts with the prefix takes the rule. */
export const PREFIX_ROLES: { prefix: string; role: 'prev' | 'oasys'; rule: ValueRule }[] = [
  { prefix: 'prev_', role: 'prev', rule: 'count' },
  { prefix: 'oasys_', role: 'oasys', rule: 'oasys' },
];

export const COURT_OUTCOMES = ['indictable', 'either_way', 'summary'] as const;

/** Header names are compared case-insensitively after trimming. */
export function normaliseHeader(name: string): string {
  return name.trim().toLowerCase();
}

export function prefixRoleOf(kind: FileKind, target: string): (typeof PREFIX_ROLES)[number] | undefined {
  if (kind !== 'cohort') return undefined;
  const name = normaliseHeader(target);
  return PREFIX_ROLES.find((p) => name.startsWith(p.prefix) && name.length > p.prefix.length);
}
