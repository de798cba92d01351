// CLI.md's example SPEC.json, word for word: the spec tests parse and the CLI tests run.
export const CLI_EXAMPLE_SPEC = {
  organisation: 'Example programme',
  headline: 'National',
  analyses: [
    { name: 'National', pool: {}, exact: ['sex'], covariates: ['age_at_index', 'ethnicity', 'uk_national', 'index_offence', 'index_disposal', 'prev_offences', 'prev_custodial', 'oasys_*'], matching: { method: 'radius', caliper: 0.2, caliperUnit: 'sd' } },
    { name: 'Regional', pool: { region: 'sameAsTreatment' }, exact: ['sex'], covariates: ['age_at_index', 'ethnicity', 'index_disposal', 'prev_offences'], matching: { method: 'nearest', ratio: 1, replace: false, caliper: 0.2, caliperUnit: 'sd' } },
  ],
  alpha: 0.05,
  power: 0.95,
};
