// A constant of the analysis spec that the engine's threads need without the spec's schema (analysisSpec.ts):
// zod, which the schemas load, costs each thread about 80 ms of its start.

/** Pool filter value that keeps pool records sharing a value with some treated record (METHOD.md section 1). */
export const SAME_AS_TREATMENT = 'sameAsTreatment';
