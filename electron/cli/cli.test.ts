// The command line as a user runs it (CLI.md): separate processes, the passphrase from the
// environment, a one-line summary on stdout, a one-line reason and a non-zero exit on errors.
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { DemoTruth } from '../../shared/demo/generateDemoExtract';
import type { RunResults } from '../../shared/results/runResults';
import type { RobustnessCheck } from '../../shared/robustness/robustnessCheck';
import { openStore } from '../../db/store';
import { readAudit } from '../../db/audit';
import { readRun } from '../../db/runs/runStore';
import { CLI_EXAMPLE_SPEC } from '../../shared/engine/cliExampleSpec';

const run = promisify(execFile);
// The bundled CLI, as `npx matchlab` runs it (the vitest global setup has built it).
const BIN = fileURLToPath(new URL('../../bin/matchlab.mjs', import.meta.url));
const env = { ...process.env, MATCHLAB_PASSPHRASE: 'cli test passphrase' };

async function matchlab(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env, maxBuffer: 1 << 26 });
    return { stdout, stderr, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

describe('matchlab command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'matchlab-cli-'));
  const store = join(dir, 'store.mlstore');
  const demo = join(dir, 'demo');

  it('demo, import and info: the funnel printed equals the generator\'s own record', async () => {
    const made = await matchlab('demo', '--out', demo, '--records', '5000', '--seed', '4');
    expect(made.code).toBe(0);
    expect(made.stdout.trim().split('\n')).toHaveLength(1);
    const imported = await matchlab('import', '--store', store, '--cohort', join(demo, 'cohort.csv'), '--reoffences', join(demo, 'reoffences.csv'), '--participants', join(demo, 'participants.csv'));
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/5,000 cohort records/);
    const info = JSON.parse((await matchlab('info', '--store', store)).stdout);
    const truth = JSON.parse(readFileSync(join(demo, 'demo-truth.json'), 'utf8')) as DemoTruth;
    expect(info.derivation.funnel.map(({ step, dropped, remaining }: Record<string, unknown>) => ({ step, dropped, remaining }))).toEqual(truth.funnel);
    expect(info.derivation.settings).toMatchObject({ followUpDays: 365, waitingDays: 183, extractDate: truth.extractDate });
    expect(info.files.map((f: { fileName: string; sha256: string }) => f.fileName)).toEqual(['cohort.csv', 'reoffences.csv', 'participants.csv']);
    expect(info.files[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  }, 120_000);

  it('refuses to replace an extract without --replace, and says why in one line', async () => {
    const again = await matchlab('import', '--store', store, '--cohort', join(demo, 'cohort.csv'), '--reoffences', join(demo, 'reoffences.csv'), '--participants', join(demo, 'participants.csv'));
    expect(again.code).not.toBe(0);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toMatch(/already holds an extract/);
  }, 60_000);

  it('analyse writes results.json, one matches CSV (and with --pairs one pairs CSV) per analysis and the report', async () => {
    const spec = join(dir, 'spec.json');
    writeFileSync(
      spec,
      JSON.stringify(CLI_EXAMPLE_SPEC),
    );
    const out = join(dir, 'out');
    const analysed = await matchlab('analyse', '--store', store, '--spec', spec, '--out', out, '--pairs');
    expect(analysed.code, analysed.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['matches-National.csv', 'matches-Regional.csv', 'pairs-National.csv', 'pairs-Regional.csv', 'report.html', 'results.json']);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as RunResults;
    expect(results.runId).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-national-regional$/);
    // The job's thread folds the run into the store file after reporting it (jobWorkerMain.ts): once the command has
    // ended, the store is one file again, and a copy of that file alone holds the run.
    expect(existsSync(`${store}-wal`)).toBe(false);
    copyFileSync(store, join(dir, 'copy.mlstore'));
    const copy = openStore(join(dir, 'copy.mlstore'), env.MATCHLAB_PASSPHRASE, { mode: 'open', readonly: true });
    expect(readRun(copy, results.runId)?.analyses.map((a) => a.treatment.n)).toEqual(results.analyses.map((a) => a.treatment.n));
    copy.close();
    expect(results.funnel[0]).toMatchObject({ step: 'submitted', dropped: 0 });
    const national = results.analyses[0];
    expect(Object.keys(national.outcomes).sort()).toEqual(['courtOutcomeFrequency', 'courtOutcomeRate', 'custodialFrequency', 'custodialRate', 'daysToFirst', 'frequency', 'rate']);
    expect(Object.keys(national.outcomes.courtOutcomeRate).sort()).toEqual(['either_way', 'indictable', 'summary']);
    expect(national.outcomes.rate).toMatchObject({ nTreatment: national.treatment.n, nComparison: national.comparison.records });
    expect(national.balance.some((b) => b.variable === 'score')).toBe(true);
    // METHOD.md 4a in results.json: each analysis says whether it passes the gate, and states nothing when not.
    for (const a of results.analyses) {
      expect(a.matchingQuality).toEqual({ passes: expect.any(Boolean), poorlyMatched: expect.any(Array), belowMinimumTreated: a.treatment.n < 60 });
      expect(a.findings.publishable).toBe(a.matchingQuality.passes);
      if (!a.matchingQuality.passes) expect([a.findings.whatYouCanSay, a.findings.significantResults]).toEqual([[], []]);
      else expect(a.findings.whatYouCanSay.length).toBeGreaterThan(0);
    }

    const csv = readFileSync(join(out, 'matches-National.csv'), 'utf8').trimEnd().split('\n');
    expect(csv[0]).toBe('record_id,treated,score,weight,set');
    const rows = csv.slice(1).map((l) => l.split(','));
    const treatedWeight = rows.filter((r) => r[1] === '1').reduce((s, r) => s + Number(r[3]), 0);
    const comparisonWeight = rows.filter((r) => r[1] === '0').reduce((s, r) => s + Number(r[3]), 0);
    // Radius matching: comparison weights sum to the number of matched treated (METHOD.md section 3).
    expect(treatedWeight).toBe(national.treatment.n);
    expect(comparisonWeight).toBeCloseTo(national.treatment.n, 9);
    expect(rows.filter((r) => r[1] === '0' && Number(r[3]) > 0)).toHaveLength(national.comparison.records);
    // Radius sets overlap, so the matches file has no set ids: the pairs file lists every pair instead.
    expect(rows.every((r) => r[4] === '')).toBe(true);
    const pairs = readFileSync(join(out, 'pairs-National.csv'), 'utf8').trimEnd().split('\n');
    expect(pairs[0]).toBe('set,treated_id,comparison_id,distance,pair_weight');
    expect(pairs.slice(1).reduce((s, l) => s + Number(l.split(',')[4]), 0)).toBeCloseTo(national.treatment.n, 9);
    // Regional is nearest 1:1 without replacement: MatchIt's subclass, each set one treated and one control.
    const regional = readFileSync(join(out, 'matches-Regional.csv'), 'utf8').trimEnd().split('\n').slice(1).map((l) => l.split(','));
    const sets = regional.filter((r) => r[4] !== '').map((r) => r[4]);
    expect(sets.length).toBe(2 * results.analyses[1].treatment.n);
    expect(new Set(sets).size).toBe(results.analyses[1].treatment.n);

    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('Example programme');
    // Every export is in the audit log; the matches files are marked as record-level.
    const db = openStore(store, env.MATCHLAB_PASSPHRASE, { mode: 'open' });
    const exports = readAudit(db).filter((e) => e.action === 'export');
    db.close();
    expect(exports.map((e) => e.detail.recordLevel).sort()).toEqual([false, true, true, true, true]);

    const report = await matchlab('report', '--store', store, '--run', results.runId, '--out', join(dir, 'annex.xlsx'));
    expect(report.code, report.stderr).toBe(0);
    const bad = await matchlab('report', '--store', store, '--run', 'no-such-run', '--out', join(dir, 'x.html'));
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/No run no-such-run/);
  }, 180_000);

  it('analyse never writes results.json through a symbolic link planted in its output folder', async () => {
    const out = join(dir, 'linked-out');
    mkdirSync(out);
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'not yours');
    symlinkSync(victim, join(out, 'results.json'));
    const analysed = await matchlab('analyse', '--store', store, '--spec', join(dir, 'spec.json'), '--out', out);
    expect(analysed.code).not.toBe(0);
    expect(analysed.stderr).toMatch(/results\.json is a symbolic link/);
    expect(readFileSync(victim, 'utf8')).toBe('not yours');
  }, 120_000);

  it('robustness writes robustness.json for a stored run; its own specifications equal results.json', async () => {
    const info = JSON.parse((await matchlab('info', '--store', store)).stdout) as { runs: { runId: string }[] };
    const runId = info.runs[0].runId;
    const results = JSON.parse(readFileSync(join(dir, 'out', 'results.json'), 'utf8')) as RunResults;
    const out = join(dir, 'robustness');
    const checked = await matchlab('robustness', '--store', store, '--run', runId, '--out', out);
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stdout.trim().split('\n')).toHaveLength(1);
    // Each analysis said as the report says it: the summary sentence, or why nothing is said for one the gate withholds.
    for (const a of results.analyses) {
      const withheld = `${a.name}: This analysis does not pass the matching-quality gate, so nothing is said about how robust its estimate is`;
      if (a.findings.publishable) expect(checked.stdout).toMatch(new RegExp(`${a.name}: (The estimate’s direction \\(.*\\) (holds|does not hold) in|None of the \\d+ specifications)`));
      else expect(checked.stdout).toContain(withheld);
    }
    // robustness.json and the specification curves of the headline measures (at least the rate of each analysis).
    expect(readdirSync(out)).toContain('robustness.json');
    expect(readdirSync(out)).toEqual(expect.arrayContaining(['specification-curve-National-rate.svg', 'specification-curve-Regional-rate.svg']));
    const svg = readFileSync(join(out, 'specification-curve-National-rate.svg'), 'utf8');
    expect(svg).toMatch(/^<\?xml[^]*<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.match(/class="point /g)!.length).toBeGreaterThanOrEqual(36 + 2);
    const check = JSON.parse(readFileSync(join(out, 'robustness.json'), 'utf8')) as RobustnessCheck;
    expect(check.runId).toBe(runId);
    expect(check.analyses.map((a) => a.analysis)).toEqual(['National', 'Regional']);
    for (const a of check.analyses) {
      const own = a.entries.filter((e) => e.own);
      expect(own).toHaveLength(1);
      const rate = results.analyses.find((r) => r.name === a.analysis)!.outcomes.rate;
      expect(own[0].measures.rate).toMatchObject({ difference: rate.difference, ciLow: rate.ciLow, ciHigh: rate.ciHigh, p: rate.p });
    }
    const bad = await matchlab('robustness', '--store', store, '--run', 'no-such-run', '--out', out);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/No run no-such-run/);
  }, 180_000);
  it('refuses a spec with an unknown or unused field, naming each, and stores no run', async () => {
    const spec = join(dir, 'typo-spec.json');
    const example = structuredClone(CLI_EXAMPLE_SPEC) as unknown as Record<string, unknown> & { analyses: { matching: Record<string, unknown> }[] };
    example.alfa = 0.01;
    example.analyses[0].matching.ratio = 2;
    writeFileSync(spec, JSON.stringify(example));
    const before = JSON.parse((await matchlab('info', '--store', store)).stdout).runs.length;
    const refused = await matchlab('analyse', '--store', store, '--spec', spec, '--out', join(dir, 'typo-out'));
    expect(refused.code).not.toBe(0);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toContain('"alfa" is not a field of the spec');
    expect(refused.stderr).toContain('"ratio" is not used by radius matching');
    expect(JSON.parse((await matchlab('info', '--store', store)).stdout).runs).toHaveLength(before);
  }, 60_000);

  it('fails in one line on a wrong passphrase and on an unknown command', async () => {
    const wrong = await run(process.execPath, [BIN, 'info', '--store', store], { env: { ...env, MATCHLAB_PASSPHRASE: 'not it at all' } }).catch((e) => e);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toMatch(/passphrase does not open this store/);
    expect((await matchlab('frobnicate')).code).toBe(2);
  });
});
