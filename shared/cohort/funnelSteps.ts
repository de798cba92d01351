// Step ids of the exclusion funnel (DATA-FORMAT.md section 5), in the order they are applied.

export const FUNNEL_STEPS = [
  'submitted',
  'duplicate',
  'not_identified',
  'no_record',
  'incomplete_follow_up',
  'under_18',
  'reoffended_before_start',
] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

/** The steps that drop participants: every step but the first. */
export type ExclusionStep = Exclude<FunnelStep, 'submitted'>;
export const EXCLUSION_STEPS = FUNNEL_STEPS.slice(1) as readonly ExclusionStep[];

/** What became of one submitted participant: the step that dropped them, or kept as treated. */
export type ParticipantStatus = ExclusionStep | 'treated';

/** One row of the funnel as results.json carries it (CLI.md). */
export interface FunnelCount {
  step: FunnelStep;
  dropped: number;
  remaining: number;
}
