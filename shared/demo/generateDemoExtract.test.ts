import { describe, expect, it } from 'vitest';
import { ageInWholeYears } from '../cohort/ageInWholeYears';
import { epochDayFromIso } from '../cohort/epochDay';
import { EXCLUSION_STEPS } from '../cohort/funnelSteps';
import { cohortCsvChunks, participantsCsv, reoffencesCsvChunks } from './demoCsv';
import { LONDON, REGIONS } from './demoVocabulary';
import { generateDemoExtract } from './generateDemoExtract';

const extract = generateDemoExtract({ records: 20_000, participants: 100, seed: 11 });
const { cohort, reoffences, truth } = extract;
const extractDay = epochDayFromIso(truth.extractDate);

/** Each reoffence's day offsets from the index dates of its person's records, by a direct scan. */
function offsetsByRecord(): Map<number, { offence: number; disposal: number; pnd: number }[]> {
  const recordsOf = new Map<number, number[]>();
  for (let i = 0; i < cohort.size; i++) {
    const list = recordsOf.get(cohort.personOf[i]) ?? [];
    list.push(i);
    recordsOf.set(cohort.personOf[i], list);
  }
  const out = new Map<number, { offence: number; disposal: number; pnd: number }[]>();
  for (let k = 0; k < reoffences.size; k++) {
    for (const r of recordsOf.get(reoffences.personOf[k]) ?? []) {
      const list = out.get(r) ?? [];
      list.push({
        offence: reoffences.offenceDay[k] - cohort.indexDay[r],
        disposal: reoffences.disposalDay[k] - cohort.indexDay[r],
        pnd: reoffences.pnd[k],
      });
      out.set(r, list);
    }
  }
  return out;
}
const offsets = offsetsByRecord();
const counted = (o: { offence: number; disposal: number; pnd: number }) => o.offence > 0 && o.offence <= 365 && o.disposal <= 548 && !o.pnd;

describe('generateDemoExtract', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const text = (e: typeof extract) => [...cohortCsvChunks(e), ...reoffencesCsvChunks(e), participantsCsv(e)].join('');
    const small = { records: 2000, participants: 40 };
    const a = text(generateDemoExtract({ ...small, seed: 5 }));
    expect(text(generateDemoExtract({ ...small, seed: 5 }))).toBe(a);
    expect(text(generateDemoExtract({ ...small, seed: 6 }))).not.toBe(a);
  });

  it('looks like an English and Welsh offender cohort', () => {
    let men = 0;
    let notAssessed = 0;
    const regions = new Set<number>();
    for (let i = 0; i < cohort.size; i++) {
      men += cohort.male[i];
      notAssessed += cohort.oasys[0][i] < 0 ? 1 : 0;
      regions.add(cohort.region[i]);
    }
    expect(men / cohort.size).toBeGreaterThan(0.82);
    expect(men / cohort.size).toBeLessThan(0.88);
    expect(notAssessed / cohort.size).toBeGreaterThan(0.35);
    expect(notAssessed / cohort.size).toBeLessThan(0.45);
    expect(regions.size).toBe(REGIONS.length);
    expect(cohort.personCount).toBeLessThan(cohort.size * 0.8);
    const years = new Set(Array.from(cohort.indexDay, (d) => Math.floor(d / 365.25)));
    expect(years.size).toBeGreaterThanOrEqual(7);
  });

  it('has a one-year proven reoffending rate near 50% and several offences per reoffender', () => {
    let eligible = 0;
    let reoffenders = 0;
    let offences = 0;
    for (let i = 0; i < cohort.size; i++) {
      if (cohort.indexDay[i] + 548 > extractDay || ageInWholeYears(cohort.dobDay[i], cohort.indexDay[i]) < 18) continue;
      const n = (offsets.get(i) ?? []).filter(counted).length;
      eligible++;
      reoffenders += n > 0 ? 1 : 0;
      offences += n;
    }
    expect(reoffenders / eligible).toBeGreaterThan(0.45);
    expect(reoffenders / eligible).toBeLessThan(0.55);
    expect(offences / reoffenders).toBeGreaterThan(2.5);
  });

  it('puts offences and disposals on both sides of every window boundary', () => {
    const all = [...offsets.values()].flat();
    const has = (f: (o: (typeof all)[number]) => boolean) => all.some(f);
    expect(has((o) => o.offence === 0)).toBe(true);
    expect(has((o) => o.offence < 0)).toBe(true);
    expect(has((o) => o.offence === 365 && o.disposal <= 548 && !o.pnd)).toBe(true);
    expect(has((o) => o.offence === 366)).toBe(true);
    expect(has((o) => o.offence > 0 && o.offence <= 365 && o.disposal === 548 && !o.pnd)).toBe(true);
    expect(has((o) => o.offence > 0 && o.offence <= 365 && o.disposal === 549)).toBe(true);
    expect(has((o) => o.offence > 0 && o.offence <= 365 && o.disposal <= 548 && o.pnd === 1)).toBe(true);
  });

  it('ends the reoffences on the extract date', () => {
    expect(Math.max(...reoffences.disposalDay)).toBe(extractDay);
  });

  it('places participants on every funnel case, chosen on risk', () => {
    const statuses = new Set(Object.values(truth.cases));
    for (const step of EXCLUSION_STEPS) expect(statuses.has(step)).toBe(true);
    expect(statuses.has('treated')).toBe(true);
    expect(extract.participants.personId).toContain('');
    expect(truth.funnel[0]).toEqual({ step: 'submitted', dropped: 0, remaining: 100 });
    const treatedCount = Object.values(truth.cases).filter((s) => s === 'treated').length;
    expect(truth.funnel[truth.funnel.length - 1].remaining).toBe(treatedCount);

    let poolP0 = 0;
    for (let i = 0; i < cohort.size; i++) poolP0 += cohort.p0[i];
    expect(truth.treatedMeanP0).toBeGreaterThan(poolP0 / cohort.size + 0.05);
    expect(truth.trueAverageEffect).toBeCloseTo(-0.08, 2);

    let london = 0;
    const recordIndex = new Map(Object.entries(truth.chosenRecord).map(([ref, id]) => [ref, Number(id.slice(2)) - 1]));
    for (const [ref, status] of Object.entries(truth.cases)) {
      if (status === 'treated') london += cohort.region[recordIndex.get(ref)!] === LONDON ? 1 : 0;
    }
    expect(london / treatedCount).toBeGreaterThan(0.3);
  });

  it('gives treated participants no counted offence before their start date', () => {
    const p = extract.participants;
    for (let k = 0; k < p.participantRef.length; k++) {
      const ref = p.participantRef[k];
      if (truth.cases[ref] !== 'treated' && truth.cases[ref] !== 'reoffended_before_start') continue;
      const r = Number(truth.chosenRecord[ref].slice(2)) - 1;
      const beforeStart = (offsets.get(r) ?? []).filter((o) => counted(o) && o.offence < p.startDay[k] - cohort.indexDay[r]);
      expect(beforeStart.length > 0).toBe(truth.cases[ref] === 'reoffended_before_start');
    }
  });

  it('rejects settings it cannot honour', () => {
    expect(() => generateDemoExtract({ records: 500 })).toThrow(/records/);
    expect(() => generateDemoExtract({ records: 1000, participants: 100 })).toThrow(/20 times/);
    expect(() => generateDemoExtract({ effect: 0.9 })).toThrow(/effect/);
  });
});
