import { describe, expect, it } from 'vitest';
import { cohortOf, cohortPersons, day, offenderNumbers, reoffencesOf, type OffenceRow } from './cohortFixtures';
import { deriveOutcomes, latestDisposalDay } from './deriveOutcomes';

// Index date 2015-01-01: day 365 is 2016-01-01 (2015 is not a leap year), day 366 is
// 2016-01-02; day 548 is 2016-07-02 (2016 is a leap year: Jan 31 + Feb 29 + ... ), day 549 2016-07-03.
const INDEX = '2015-01-01';

describe('deriveOutcomes: the follow-up window (DATA-FORMAT.md section 4)', () => {
  it('has the day arithmetic of the fixtures right', () => {
    expect(day('2016-01-01') - day(INDEX)).toBe(365);
    expect(day('2016-01-02') - day(INDEX)).toBe(366);
    expect(day('2016-07-02') - day(INDEX)).toBe(548);
    expect(day('2016-07-03') - day(INDEX)).toBe(549);
  });

  const cohort = cohortOf([{ recordId: 'R1', personId: 'A', index: INDEX, dob: '1980-06-01' }]);
  const one = (rows: OffenceRow[]) => deriveOutcomes(cohort, reoffencesOf(rows, cohort), { extractDay: day('2020-01-01') }).outcomes;

  it('counts an offence on day 365 and not one on day 366', () => {
    expect(one([{ personId: 'A', offence: '2016-01-01', disposal: '2016-02-01' }]).count[0]).toBe(1);
    expect(one([{ personId: 'A', offence: '2016-01-02', disposal: '2016-02-01' }]).count[0]).toBe(0);
  });

  it('counts a disposal on day 548 and not one on day 549', () => {
    expect(one([{ personId: 'A', offence: '2015-06-01', disposal: '2016-07-02' }]).reoffended[0]).toBe(1);
    expect(one([{ personId: 'A', offence: '2015-06-01', disposal: '2016-07-03' }]).reoffended[0]).toBe(0);
  });

  it('does not count an offence on the index date, before it, or a PND', () => {
    const o = one([
      { personId: 'A', offence: INDEX, disposal: '2015-02-01' },
      { personId: 'A', offence: '2014-12-20', disposal: '2015-02-01' },
      { personId: 'A', offence: '2015-03-01', disposal: '2015-03-01', pnd: true },
    ]);
    expect(o.reoffended[0]).toBe(0);
    expect(o.count[0]).toBe(0);
    expect(o.daysToFirst[0]).toBeNaN();
    expect(o.firstCourtOutcome[0]).toBe(-1);
  });

  it('ignores offences of other people and of people not in the cohort', () => {
    expect(one([{ personId: 'B', offence: '2015-03-01', disposal: '2015-04-01' }]).count[0]).toBe(0);
  });

  it('breaks ties for the first reoffence by disposal date, court outcome, then custodial', () => {
    const o = one([
      { personId: 'A', offence: '2015-03-01', disposal: '2015-05-01', court: 'indictable', custodial: true },
      { personId: 'A', offence: '2015-02-10', disposal: '2015-04-02', court: 'summary' },
      { personId: 'A', offence: '2015-02-10', disposal: '2015-04-01', court: 'summary', custodial: true },
      { personId: 'A', offence: '2015-02-10', disposal: '2015-04-01', court: 'either_way' },
      { personId: 'A', offence: '2015-02-10', disposal: '2015-04-01', court: 'either_way', custodial: true },
    ]);
    // Earliest offence 2015-02-10 (day 40); earliest disposal 04-01; either_way before summary; custodial first.
    expect(o.daysToFirst[0]).toBe(40);
    expect(o.firstCourtOutcome[0]).toBe(1);
    expect(o.firstCustodial[0]).toBe(1);
    expect(o.count[0]).toBe(5);
    expect([o.countByCourt[0][0], o.countByCourt[1][0], o.countByCourt[2][0]]).toEqual([1, 2, 2]);
    expect(o.custodialCount[0]).toBe(3);
  });

  it('prefers a custodial first reoffence when everything else ties', () => {
    const o = one([
      { personId: 'A', offence: '2015-02-10', disposal: '2015-04-01', court: 'summary' },
      { personId: 'A', offence: '2015-02-10', disposal: '2015-04-01', court: 'summary', custodial: true },
    ]);
    expect(o.firstCustodial[0]).toBe(1);
  });

  it('counts each of a person\'s records over its own window', () => {
    const cohort2 = cohortOf([
      { recordId: 'R1', personId: 'A', index: '2015-01-01', dob: '1980-06-01' },
      { recordId: 'R2', personId: 'A', index: '2015-07-20', dob: '1980-06-01' },
    ]);
    const o = deriveOutcomes(cohort2, reoffencesOf([
      { personId: 'A', offence: '2015-04-11', disposal: '2015-05-01' }, // day 100 of R1, before R2
      { personId: 'A', offence: '2015-09-08', disposal: '2015-10-01' }, // day 250 of R1, day 50 of R2
      { personId: 'A', offence: '2016-05-15', disposal: '2016-06-01' }, // day 500 of R1, day 300 of R2
    ], cohort2), { extractDay: day('2020-01-01') }).outcomes;
    expect(Array.from(o.count)).toEqual([2, 2]);
    expect(Array.from(o.daysToFirst)).toEqual([100, 50]);
  });

  it('gives the same outcomes whatever the order of the reoffence rows', () => {
    const rows: OffenceRow[] = [];
    for (let k = 0; k < 60; k++) {
      rows.push({ personId: 'A', offence: `2015-${String(1 + (k % 12)).padStart(2, '0')}-${String(1 + ((k * 7) % 28)).padStart(2, '0')}`, disposal: '2016-03-01', court: k % 3 === 0 ? 'indictable' : 'summary', custodial: k % 5 === 0 });
    }
    const a = one(rows);
    const b = one([...rows].reverse());
    expect(b).toEqual(a);
    expect(a.count[0]).toBe(60 - rows.filter((r) => r.offence === INDEX).length);
  });
});

describe('deriveOutcomes: complete follow-up and age', () => {
  const cohort = cohortOf([
    { recordId: 'R1', personId: 'A', index: '2015-01-01', dob: '1997-01-01' },
    { recordId: 'R2', personId: 'B', index: '2015-01-02', dob: '1997-01-03' },
    { recordId: 'R3', personId: 'C', index: '2017-02-28', dob: '2000-02-29' },
    { recordId: 'R4', personId: 'D', index: '2017-03-01', dob: '2000-02-29' },
  ]);
  const reoffences = reoffencesOf([{ personId: 'Z', offence: '2016-01-01', disposal: '2016-07-02' }], cohort);

  it('has complete follow-up when index + 548 days is on or before the extract date', () => {
    const d = deriveOutcomes(cohort, reoffences);
    // The default extract date is the latest disposal date, 2016-07-02 = 2015-01-01 + 548.
    expect(latestDisposalDay(reoffences)).toBe(day('2016-07-02'));
    expect(Array.from(d.completeFollowUp)).toEqual([1, 0, 0, 0]);
  });

  it('takes age in whole years, birthdays counted on the day', () => {
    const d = deriveOutcomes(cohort, reoffences);
    // 18 on the 18th birthday; 17 the day before it; a 29 February birthday is reached on 1 March.
    expect(Array.from(d.ageAtIndex)).toEqual([18, 17, 16, 17]);
  });

  it('needs an extract date when there are no reoffences', () => {
    expect(() => deriveOutcomes(cohort, reoffencesOf([], cohort))).toThrow(/extract date/);
    expect(deriveOutcomes(cohort, reoffencesOf([], cohort), { extractDay: day('2017-01-01') }).completeFollowUp[0]).toBe(1);
  });

  it('takes the window lengths as settings', () => {
    const c = cohortOf([{ recordId: 'R1', personId: 'A', index: INDEX, dob: '1980-01-01' }]);
    const r = reoffencesOf([{ personId: 'A', offence: '2015-08-01', disposal: '2015-09-01' }], c);
    expect(deriveOutcomes(c, r, { followUpDays: 180, extractDay: day('2020-01-01') }).outcomes.count[0]).toBe(0);
    // Offence on day 212, proven on day 243: inside a 220-day year only with a waiting period of 23+ days.
    expect(deriveOutcomes(c, r, { followUpDays: 220, waitingDays: 22, extractDay: day('2020-01-01') }).outcomes.count[0]).toBe(0);
    expect(deriveOutcomes(c, r, { followUpDays: 220, waitingDays: 23, extractDay: day('2020-01-01') }).outcomes.count[0]).toBe(1);
  });
});

describe('deriveOutcomes on a demo extract', () => {
  it('agrees with a direct record-by-record scan', async () => {
    const { generateDemoExtract } = await import('../demo/generateDemoExtract');
    const demo = generateDemoExtract({ records: 4000, participants: 40, seed: 3 });
    const c = demo.cohort;
    const r = demo.reoffences;
    const cohort = {
      recordId: Array.from({ length: c.size }, (_, i) => `R${i}`),
      ...cohortPersons(Array.from(c.personOf, (p) => demo.personIds[p])),
      indexDay: c.indexDay, dobDay: c.dobDay, male: c.male, region: Uint16Array.from(c.region), regionLevels: [],
    };
    const offenders = Array.from(r.personOf, (p) => demo.personIds[p]);
    const reoffences = {
      person: offenderNumbers(cohort, offenders),
      offenceDay: r.offenceDay, disposalDay: r.disposalDay, court: r.court, custodial: r.custodial, pnd: r.pnd,
    };
    const { outcomes } = deriveOutcomes(cohort, reoffences);
    let reoffenders = 0;
    for (let i = 0; i < c.size; i++) {
      const mine: number[] = [];
      for (let k = 0; k < r.size; k++) {
        const d = r.offenceDay[k] - c.indexDay[i];
        if (offenders[k] === cohort.personId[i] && d > 0 && d <= 365 && r.disposalDay[k] - c.indexDay[i] <= 548 && !r.pnd[k]) mine.push(k);
      }
      mine.sort((a, b) => r.offenceDay[a] - r.offenceDay[b] || r.disposalDay[a] - r.disposalDay[b] || r.court[a] - r.court[b] || r.custodial[b] - r.custodial[a]);
      reoffenders += mine.length > 0 ? 1 : 0;
      expect(outcomes.count[i]).toBe(mine.length);
      if (mine.length === 0) continue;
      expect(outcomes.daysToFirst[i]).toBe(r.offenceDay[mine[0]] - c.indexDay[i]);
      expect(outcomes.firstCourtOutcome[i]).toBe(r.court[mine[0]]);
      expect(outcomes.firstCustodial[i]).toBe(r.custodial[mine[0]]);
      expect(outcomes.custodialCount[i]).toBe(mine.filter((k) => r.custodial[k]).length);
      expect(outcomes.countByCourt[1][i]).toBe(mine.filter((k) => r.court[k] === 1).length);
    }
    expect(reoffenders).toBeGreaterThan(1000);
  });
});

describe('deriveOutcomes: a person with many offences', () => {
  it('agrees with a direct scan for each of the person\'s records, ties on the day included', () => {
    // Three records of one person and 90 offences over four years in no order, several on the same day: more than the
    // 32 that are sorted by insertion, so the person's offences take the other sort.
    const indexDay = Int32Array.of(16500, 16800, 17100);
    const cohort = {
      recordId: ['R1', 'R2', 'R3'], ...cohortPersons(['A', 'A', 'A']),
      indexDay, dobDay: Int32Array.of(5000, 5000, 5000), male: Uint8Array.of(1, 1, 1), region: Uint16Array.of(0, 0, 0), regionLevels: [],
    };
    const n = 90;
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const offenceDay = Int32Array.from({ length: n }, () => 16400 + Math.floor(next() * 1400));
    for (let k = 0; k < n; k += 9) offenceDay[k] = 16700; // ties on one day
    const disposalDay = Int32Array.from(offenceDay, (d) => d + Math.floor(next() * 300));
    const court = Int8Array.from({ length: n }, () => Math.floor(next() * 3));
    const custodial = Uint8Array.from({ length: n }, () => (next() < 0.3 ? 1 : 0));
    const pnd = Uint8Array.from({ length: n }, () => (next() < 0.1 ? 1 : 0));
    const reoffences = { person: new Int32Array(n), offenceDay, disposalDay, court, custodial, pnd };
    const { outcomes } = deriveOutcomes(cohort, reoffences, { extractDay: 20000 });
    for (let i = 0; i < 3; i++) {
      const mine: number[] = [];
      for (let k = 0; k < n; k++) {
        const d = offenceDay[k] - indexDay[i];
        if (d > 0 && d <= 365 && disposalDay[k] - indexDay[i] <= 548 && !pnd[k]) mine.push(k);
      }
      mine.sort((a, b) => offenceDay[a] - offenceDay[b] || disposalDay[a] - disposalDay[b] || court[a] - court[b] || custodial[b] - custodial[a]);
      expect(mine.length).toBeGreaterThan(5);
      expect(outcomes.count[i]).toBe(mine.length);
      expect(outcomes.daysToFirst[i]).toBe(offenceDay[mine[0]] - indexDay[i]);
      expect(outcomes.firstCourtOutcome[i]).toBe(court[mine[0]]);
      expect(outcomes.firstCustodial[i]).toBe(custodial[mine[0]]);
      expect(outcomes.custodialCount[i]).toBe(mine.filter((k) => custodial[k]).length);
      for (let c = 0; c < 3; c++) expect(outcomes.countByCourt[c][i]).toBe(mine.filter((k) => court[k] === c).length);
    }
  });
});

describe('deriveOutcomes: progress and cancel points', () => {
  // Two reports per pass (offences by person, records) over 40,000 records and as many reoffences: a job's cancel point several times a second.
  const n = 40_000;
  const rows = Array.from({ length: n }, (_, i) => ({ recordId: `R${i}`, personId: `P${i}`, index: INDEX, dob: '1980-06-01' }));
  const offences: OffenceRow[] = rows.map((r) => ({ personId: r.personId, offence: '2015-06-01', disposal: '2015-07-01' }));
  const cohort = cohortOf(rows);
  const reoffences = reoffencesOf(offences, cohort);

  it('reports a rising share of its work during each pass', () => {
    const seen: number[] = [];
    const derived = deriveOutcomes(cohort, reoffences, { extractDay: day('2020-01-01') }, (f) => seen.push(f));
    expect(seen).toEqual([0, 32768 / n / 2, 1 / 2, (1 + 32768 / n) / 2]);
    expect(derived.outcomes.count.reduce((s, c) => s + c, 0)).toBe(n);
  });

  it('stops when a report throws (a cancelled job)', () => {
    let reports = 0;
    const cancel = () => {
      if (++reports === 4) throw new Error('cancelled');
    };
    expect(() => deriveOutcomes(cohort, reoffences, { extractDay: day('2020-01-01') }, cancel)).toThrow('cancelled');
    expect(reports).toBe(4);
  });
});
