import { describe, expect, it } from 'vitest';
import { unmatchedReason } from './unmatchedReason';

describe('unmatchedReason', () => {
  it('says how far the nearest pool record was, in logit units and in calipers', () => {
    expect(unmatchedReason({ reason: 'no_pool_in_caliper', nearestDistance: 0.123, caliper: 0.041, stratum: 'sex=F', poolFilter: '' })).toBe(
      'No comparison record of the same stratum (sex=F) is within the caliper. The nearest is 0.123 away on the logit score, 3.0 times the caliper of 0.041.',
    );
  });

  it('names the stratum without pool records and the filter that left a person out', () => {
    expect(unmatchedReason({ reason: 'empty_stratum', nearestDistance: null, caliper: 0.1, stratum: 'sex=F, region=Wales', poolFilter: '' })).toBe('The comparison pool has no record with sex=F, region=Wales.');
    expect(unmatchedReason({ reason: 'outside_filter', nearestDistance: null, caliper: 0.1, stratum: null, poolFilter: 'sex = M' })).toBe("Outside this analysis's pool filter (sex = M): not part of it.");
  });
});
