// Median time to derive one-year outcomes for 1,000,000 records and 4,000,000 reoffences
// (issue 4: under 20 s here). Data: a demo extract, its reoffences repeated with dates shifted
// by a year until there are 4,000,000. Run: npx tsx bench/deriveBench.ts [records] [reoffences] [runs]

import type { CohortArrays, ReoffenceArrays } from '../shared/cohort/cohortArrays';
import { deriveOutcomes } from '../shared/cohort/deriveOutcomes';
import { demoRecordId } from '../shared/demo/demoIds';
import { generateDemoExtract } from '../shared/demo/generateDemoExtract';
import { numberPersons, personNumbersOf } from '../shared/cohort/personNumbers';

const records = Number(process.argv[2] ?? 1_000_000);
const wanted = Number(process.argv[3] ?? 4_000_000);
const runs = Number(process.argv[4] ?? 3);

const demo = generateDemoExtract({ records });
const c = demo.cohort;
const personId = Array.from(c.personOf, (p) => demo.personIds[p]);
const persons = numberPersons(personId);
const cohort: CohortArrays = {
  recordId: Array.from({ length: c.size }, (_, i) => demoRecordId(i)),
  personId,
  person: persons.ofRecord,
  persons: persons.count,
  indexDay: c.indexDay,
  dobDay: c.dobDay,
  male: c.male,
  region: Uint16Array.from(c.region),
  regionLevels: [],
};
const r = demo.reoffences;
const at = (k: number) => k % r.size;
const shift = (k: number) => 400 * Math.floor(k / r.size);
const reoffences: ReoffenceArrays = {
  person: personNumbersOf(persons, Array.from({ length: wanted }, (_, k) => demo.personIds[r.personOf[at(k)]])),
  offenceDay: Int32Array.from({ length: wanted }, (_, k) => r.offenceDay[at(k)] + shift(k)),
  disposalDay: Int32Array.from({ length: wanted }, (_, k) => r.disposalDay[at(k)] + shift(k)),
  court: Int8Array.from({ length: wanted }, (_, k) => r.court[at(k)]),
  custodial: Uint8Array.from({ length: wanted }, (_, k) => r.custodial[at(k)]),
  pnd: Uint8Array.from({ length: wanted }, (_, k) => r.pnd[at(k)]),
};

const times: number[] = [];
let reoffended = 0;
for (let run = 0; run < runs; run++) {
  const started = performance.now();
  const derived = deriveOutcomes(cohort, reoffences);
  times.push(performance.now() - started);
  reoffended = derived.outcomes.reoffended.reduce((a, b) => a + b, 0);
}
times.sort((a, b) => a - b);
console.log(`deriveOutcomes, ${records} records, ${wanted} reoffences (${reoffended} reoffenders): median ${(times[Math.floor(runs / 2)] / 1000).toFixed(2)} s over ${runs} runs (min ${(times[0] / 1000).toFixed(2)} s)`);
