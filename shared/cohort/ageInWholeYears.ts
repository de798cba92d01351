import { civilFromEpochDay } from './epochDay';

/**
 * Age in completed years on `onDay` of someone born on `birthDay` (both epoch days).
 * Age = year difference, minus one when the birthday has not yet come that year. A 29 February
 * birthday therefore counts as reached on 1 March in common years (the usual legal reading).
 */
export function ageInWholeYears(birthDay: number, onDay: number): number {
  const [by, bm, bd] = civilFromEpochDay(birthDay);
  const [y, m, d] = civilFromEpochDay(onDay);
  return y - by - (m * 32 + d < bm * 32 + bd ? 1 : 0);
}
