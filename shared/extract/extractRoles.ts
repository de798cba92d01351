// The three extract files and the roles of their columns (DATA-FORMAT.md sections 1-3): one
// definition for the importer's checks and the mapping screen's labels.

export type FileKind = 'cohort' | 'reoffences' | 'participants';
export const FILE_KINDS: readonly FileKind[] = ['cohort', 'reoffences', 'participants'];

/** The kind of value a role holds, which decides how a cell is checked and stored. */
export type ValueRule = 'text' | 'date' | 'sex' | 'flag' | 'count' | 'oasys' | 'courtOutcome';

export interface RoleSpec {
  name: string;
  required: boolean;
  rule: ValueRule;
  /** What the column means, as the mapping screen shows it. */
  meaning: string;
}

export const ROLES: Record<FileKind, RoleSpec[]> = {
  cohort: [
    { name: 'record_id', required: true, rule: 'text', meaning: 'unique key of the record' },
    { name: 'person_id', required: true, rule: 'text', meaning: 'PNC identifier or stable pseudonym' },
    { name: 'index_date', required: true, rule: 'date', meaning: 'start of the one-year follow-up' },
    { name: 'date_of_birth', required: true, rule: 'date', meaning: 'for age at index and at programme start' },
    { name: 'sex', required: true, rule: 'sex', meaning: 'M or F' },
    { name: 'region', required: true, rule: 'text', meaning: 'e.g. London, North West' },
    { name: 'ethnicity', required: false, rule: 'text', meaning: 'White, Black, Asian, Mixed, Other, Unknown' },
    { name: 'uk_national', required: false, rule: 'flag', meaning: '1 / 0' },
    { name: 'index_offence', required: false, rule: 'text', meaning: 'offence group of the index offence' },
    { name: 'index_disposal', required: false, rule: 'text', meaning: 'non_custodial, custody_lt_6m, … custody_4y_plus' },
  ],
  reoffences: [
    { name: 'person_id', required: true, rule: 'text', meaning: 'joins to the cohort' },
    { name: 'offence_date', required: true, rule: 'date', meaning: 'date the offence was committed' },
    { name: 'disposal_date', required: true, rule: 'date', meaning: 'date it was proven' },
    { name: 'court_outcome', required: true, rule: 'courtOutcome', meaning: 'indictable, either_way or summary' },
    { name: 'custodial', required: true, rule: 'flag', meaning: '1 when the disposal was custodial' },
    { name: 'pnd', required: false, rule: 'flag', meaning: '1 for a penalty notice for disorder (never counted)' },
  ],
  participants: [
    { name: 'participant_ref', required: true, rule: 'text', meaning: "the organisation's own unique reference" },
    { name: 'person_id', required: false, rule: 'text', meaning: 'blank when the person could not be identified' },
    { name: 'start_date', required: true, rule: 'date', meaning: 'start of participation' },
    { name: 'end_date', required: false, rule: 'date', meaning: 'end of participation' },
  ],
};

/** Cohort column families: every column whose name starts with the prefix takes the rule. */
export const PREFIX_ROLES: { prefix: string; role: 'prev' | 'oasys'; rule: ValueRule }[] = [
  { prefix: 'prev_', role: 'prev', rule: 'count' },
  { prefix: 'oasys_', role: 'oasys', rule: 'oasys' },
];

/** Header names are compared case-insensitively after trimming. */
export function normaliseHeader(name: string): string {
  return name.trim().toLowerCase();
}

/** The family (prev_*, oasys_*) a cohort column belongs to, if any. */
export function prefixRoleOf(kind: FileKind, target: string): (typeof PREFIX_ROLES)[number] | undefined {
  if (kind !== 'cohort') return undefined;
  const name = normaliseHeader(target);
  return PREFIX_ROLES.find((p) => name.startsWith(p.prefix) && name.length > p.prefix.length);
}
