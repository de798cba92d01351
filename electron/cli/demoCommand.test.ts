import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDemoArgs, writeDemoExtract } from './demoCommand';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('writeDemoExtract', () => {
  it('writes the three CSV files and demo-truth.json, matching each other', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'matchlab-demo-'));
    dirs.push(dir);
    const summary = await writeDemoExtract(dir, { records: 3000, participants: 40, seed: 9 });

    const cohortText = await readFile(join(dir, 'cohort.csv'), 'utf8');
    expect(cohortText.includes('\r')).toBe(false);
    const cohort: Record<string, string>[] = parse(cohortText, { columns: true });
    expect(cohort).toHaveLength(3000);
    expect(Object.keys(cohort[0]).slice(0, 10)).toEqual([
      'record_id', 'person_id', 'index_date', 'date_of_birth', 'sex', 'region', 'ethnicity', 'uk_national', 'index_offence', 'index_disposal',
    ]);
    expect(Object.keys(cohort[0]).filter((c) => c.startsWith('oasys_')).length).toBeGreaterThanOrEqual(6);
    expect(new Set(cohort.map((r) => r.record_id)).size).toBe(3000);

    const reoffences: Record<string, string>[] = parse(await readFile(join(dir, 'reoffences.csv'), 'utf8'), { columns: true });
    expect(reoffences).toHaveLength(summary.reoffences);
    expect(new Set(reoffences.map((r) => r.court_outcome))).toEqual(new Set(['indictable', 'either_way', 'summary']));
    const latest = reoffences.map((r) => r.disposal_date).sort().at(-1);

    const participants: Record<string, string>[] = parse(await readFile(join(dir, 'participants.csv'), 'utf8'), { columns: true });
    expect(participants).toHaveLength(40);
    const truth = JSON.parse(await readFile(join(dir, 'demo-truth.json'), 'utf8'));
    expect(truth.extractDate).toBe(latest);
    expect(Object.keys(truth.cases).sort()).toEqual(participants.map((p) => p.participant_ref).sort());
    const recordIds = new Set(cohort.map((r) => r.record_id));
    for (const id of Object.values(truth.chosenRecord)) expect(recordIds.has(id as string)).toBe(true);
    expect(summary).toMatchObject({ records: 3000, participants: 40, seed: 9, effect: -0.08, extractDate: latest });
  });
});

describe('parseDemoArgs', () => {
  it('reads the flags of CLI.md', () => {
    expect(parseDemoArgs(['--out', 'd', '--records', '300000', '--participants', '80', '--seed', '3', '--effect', '-0.1'])).toEqual({
      outDir: 'd', options: { records: 300000, participants: 80, seed: 3, effect: -0.1 },
    });
  });

  it('refuses a missing --out, an unknown flag, a flag without a value and a non-number', () => {
    expect(() => parseDemoArgs(['--records', '10'])).toThrow(/--out/);
    expect(() => parseDemoArgs(['--out', 'd', '--rows', '10'])).toThrow(/unknown option --rows/);
    expect(() => parseDemoArgs(['--out', 'd', '--seed'])).toThrow(/--seed needs a value/);
    expect(() => parseDemoArgs(['--out', 'd', '--records', 'many'])).toThrow(/must be a number/);
  });
});
