// The report rendered from the reference report's own figures (reportFixture.ts) says what the reference says, word
// for word where METHOD.md's wording agrees with it, applies the reporting gates and escapes every data string.
import { describe, expect, it } from 'vitest';
import { measureGate } from '../outcomes/reportingGates';
import type { RunResults } from '../results/runResults';
import { renderReportHtml } from './renderReportHtml';
import { completeRun } from '../results/completeRun';
import { southwarkRun } from './reportFixture';
import { textOf } from './htmlText';

/** Visible text: tags dropped, the five entities decoded (&amp; last), whitespace collapsed. */

/** The HTML of "Table N" up to the next table title. */
function tableBlock(html: string, n: number): string {
  const start = html.indexOf(`<strong>Table ${n}:</strong>`);
  const end = html.indexOf('<p class="table-title">', start + 10);
  return html.slice(start, end < 0 ? undefined : end);
}

/** Cell texts of each body row of a block. */
function rowsOf(block: string): string[][] {
  const body = block.slice(block.indexOf('<tbody>'));
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => textOf(c[1]).trim()));
}

const html = renderReportHtml(southwarkRun());
const text = textOf(html);

describe('key findings, word for word with the reference report', () => {
  it.each([
    "This analysis looked at the reoffending behaviour of 71 people who took part in Southwark's IOM programme. The overall results show that more people would need to have completed the programme and be available for analysis in order to determine the way in which the programme affects a person's reoffending behaviour, but this should not be taken to mean that the programme fails to affect it.",
    'The treatment group was made up of 71 participants who met the minimum criteria to be included in this analysis. For the other 32 participants whose details were submitted, but who did not meet the minimum criteria, it is possible that the programme may have had a different impact.',
    'For any 100 typical people in the treatment group:',
    '62 of the 100 people would have committed a proven reoffence within a one-year period (a rate of 62%). This is 5 people more than in the comparison group.',
    '189 proven reoffences were committed by the 100 people during the year (a frequency of 1.9 offences per person), 52 offences fewer than the comparison group.',
    '108 days was the average time before a reoffender committed their first proven reoffence, 1 day later than in the comparison group.',
    'For any 100 typical people in the comparison group:',
    '57 of the 100 people would have committed a proven reoffence within a one-year period (a rate of 57%).',
    '241 proven reoffences were committed by the 100 people during the year (a frequency of 2.4 offences per person).',
    '107 days was the average time before a reoffender committed their first proven reoffence.',
    'For any 100 typical people who receive the intervention, compared with any 100 similar people who do not receive it:',
    'The number of people who would commit a proven reoffence during the year after completion of the programme could be lower by as many as 6 people, or higher by as many as 17 people.',
    'More people would need to be available for analysis in order to determine the direction of the difference in the number of people who commit a proven reoffence during one year after release.',
    'What you can say about the one-year reoffending rate:',
    "This analysis provides evidence that, for every 100 participants, Southwark's IOM programme may decrease the number of proven reoffenders during the one-year follow up period by up to 6 people, or may increase it by up to 17 people.",
    "This analysis provides evidence that, for every 100 participants, Southwark's IOM programme may decrease the number of proven reoffences during the one-year follow up period by up to 110 reoffences",
    "This analysis provides evidence that, for recipients who reoffend during the one-year follow up period, Southwark's IOM programme may shorten the average time to first proven reoffence by up to 28 days",
    'What you cannot say about the time to first re-offence:',
    'Two measures show a statistically significant result across both the national and regional analyses. These provide significant evidence that:',
    'Participants who reoffend within a one-year period commit fewer either way reoffences, when compared with non-participants (Table 5).',
    'The headline results in this report refer to the national analysis.',
    'In the national analysis, most variables were well matched.',
  ])('says: %s', (sentence) => {
    expect(text).toContain(sentence);
  });

  it('states the sample size needed that R gives for the published figures (1,038; the report printed 1,032)', () => {
    expect(text).toContain('It is estimated that a treatment group of 1,038 people would be needed.');
  });

  it('marks what can be said with ✓ and what cannot with ✗, once per headline measure and analysis', () => {
    expect(html.match(/✓<\/span>/g)).toHaveLength(6);
    expect(html.match(/✗<\/span>/g)).toHaveLength(6);
  });

  it('puts the headline analysis first', () => {
    expect(html.indexOf('Headline results: the national analysis')).toBeLessThan(html.indexOf('<h2>Key findings: regional analysis</h2>'));
    const run = southwarkRun();
    run.spec.headline = 'Regional';
    const regional = renderReportHtml(run);
    expect(regional.indexOf('Headline results: the regional analysis')).toBeLessThan(regional.indexOf('<h2>Key findings: national analysis</h2>'));
    expect(regional).not.toContain('<h2>Key findings: regional analysis</h2>');
  });
});

describe('tables 1-7 in the reference layout', () => {
  it('Table 1 holds the published national and regional rows', () => {
    expect(rowsOf(tableBlock(html, 1))).toEqual([
      ['National', '71', '286,869', '62.0', '56.5', '-6 to +17', 'No', '0.35'],
      ['Regional', '71', '44,961', '62.0', '58.1', '-8 to +15', 'No', '0.50'],
    ]);
  });

  it('Table 2 national: the published row, frequencies and their difference to 1 dp', () => {
    // R: CI [-1.09774, 0.05239], p 0.07416 (shared/outcomes/referenceReport.test.ts).
    expect(rowsOf(tableBlock(html, 2))[0]).toEqual(['National', '71', '286,869', '1.9', '2.4', '-1.1 to +0.1', 'No', '0.07']);
  });

  it('Table 3 counts reoffenders only', () => {
    expect(rowsOf(tableBlock(html, 3))[0].slice(0, 3)).toEqual(['National', '44', '137,012']);
  });

  it('Table 4 replaces the indictable rows (1 treated reoffender) by the reason, and keeps the others', () => {
    const rows = rowsOf(tableBlock(html, 4));
    expect(rows[0]).toEqual([
      'National', '44', '136,309', 'Indictable',
      'Not shown because only 1 reoffender in the treatment group had a first reoffence with an indictable court outcome; at least 10 are needed for a reliable estimate.',
    ]);
    expect(rows[1][0]).toBe('Either way');
    expect(rows[1].slice(-2)).toEqual(['No', '0.08']);
    expect(rows[3][3]).toBe('Indictable');
  });

  it('Table 5 either way is significant in both analyses, the indictable row hidden for 2 offences', () => {
    const rows = rowsOf(tableBlock(html, 5));
    expect(rows[0][4]).toBe('Not shown because the treatment group committed only 2 indictable reoffences; at least 10 are needed for a reliable estimate.');
    expect(rows[1][0]).toBe('Either way');
    expect(rows[1].slice(-2)).toEqual(['Yes', '<0.001']);
    expect(rows[4].slice(-2)).toEqual(['Yes', '<0.001']);
  });

  it('a table whose every row is hidden becomes its reason, and the time to first reoffence leaves the key findings', () => {
    const run: RunResults = southwarkRun();
    const gate = measureGate('daysToFirst', 20, 20);
    for (const a of run.analyses) a.outcomes.daysToFirst = { ...a.outcomes.daysToFirst, ...gate };
    const hidden = renderReportHtml(completeRun(run));
    const block = tableBlock(hidden, 3);
    expect(block).not.toContain('<table');
    expect(textOf(block)).toContain('Time to first reoffence was left out because of low numbers: the treatment group has 20 reoffenders, and at least 30 are needed.');
    expect(textOf(hidden)).not.toContain('What you can say about the time to first re-offence');
    expect(textOf(hidden)).not.toContain('108 days was the average time');
    const charts = hidden.slice(hidden.indexOf('id="charts"'), hidden.indexOf('id="results"'));
    expect(charts.match(/Time to first reoffence was left out/g)).toHaveLength(1);
    expect(charts.match(/<svg class="chart" /g)).toHaveLength(2);
  });
});

describe('charts', () => {
  it('draws three bar charts with a significance caption per analysis', () => {
    expect(html.match(/<svg class="chart" /g)).toHaveLength(3);
    expect(html.match(/Non-significant difference between groups/g)).toHaveLength(6);
    expect(html).toContain('class="errorbar"');
  });
});

describe('numbers of people', () => {
  it.each([
    '103 participants were submitted for analysis.',
    'Nobody was excluded because they could not be identified in the extract (no person ID, or one not found in the cohort).',
    '14 people (14%) were excluded because they did not have a record in the extract that corresponded to their time period of participation (an index date from 365 days before to 90 days after their start date).',
    '2 people (2%) were excluded because they were under 18 years old when they started the programme.',
    '15 people (15%) were excluded because they had reoffended before they started the intervention.',
    'The treatment group contained 72 people: 70% of the participants originally submitted.',
    '1 person (1%) was left unmatched',
    'Comparison group: 286,869 records',
  ])('says: %s', (sentence) => {
    expect(text).toContain(sentence);
  });
});

describe('numbers of people, nobody unmatched', () => {
  it('says every treated person was matched', () => {
    const run = southwarkRun();
    run.analyses[1].treatment.notMatched = 0;
    const t = textOf(renderReportHtml(run));
    expect(t).toContain('Every person in the treatment group was matched.');
    expect(t.match(/1 person \(1%\) was left unmatched/g)).toHaveLength(1);
  });
});

describe('profile and matching', () => {
  it('profiles both groups as the reference does', () => {
    expect(text).toContain('86% male, 14% female');
    expect(text).toContain('94% male, 6% female');
    expect(text).toContain('For the 16 people who could not be identified in the extract, no personal information is available.');
    expect(text).toContain('Information on individual risks and needs was available for 65 people in the treatment group (90%)');
    expect(text).toContain('69% had some or significant problems with employment history');
  });

  it('draws a Love plot and a score overlap per analysis, and the balance table rows', () => {
    expect(html.match(/class="chart love"/g)).toHaveLength(2);
    expect(html.match(/class="chart overlap"/g)).toHaveLength(2);
    expect(html.match(/<tr class="band-/g)).toHaveLength(20 + 11);
  });
});

describe('safety', () => {
  const hostile = '<script>alert(1)</script> & "Co"';
  const out = renderReportHtml(southwarkRun(hostile));

  it('escapes a hostile organisation name everywhere it appears', () => {
    expect(out).not.toContain('<script');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;');
    expect(textOf(out)).toContain(`This analysis looked at the reoffending behaviour of 71 people who took part in ${hostile}.`);
  });

  it('escapes level names from the data', () => {
    expect(html).not.toContain('<unknown>');
    expect(html).toContain('Other &amp; &lt;unknown&gt;');
  });

  it('has no script, no external resource and a CSP that forbids any', () => {
    for (const doc of [html, out]) {
      expect(doc).not.toMatch(/https?:\/\//);
      expect(doc).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|src=/i);
    }
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
  });

  it('is the same bytes every time, and takes its title and date from the options', () => {
    expect(renderReportHtml(southwarkRun())).toBe(html);
    const titled = renderReportHtml(southwarkRun(), { title: 'Pilot <2017>', generatedAt: '14 July 2017' });
    expect(titled).toContain('<title>Pilot &lt;2017&gt;</title>');
    expect(titled).toContain('Produced 14 July 2017 by Matchlab');
  });
});

describe("the organisation's own words", () => {
  it('prints the description, the response, the profile note and the contacts as supplied, in the reference order', () => {
    expect(text).toContain("Southwark's IOM programme: in their own words Southwark IOM is a multi-agency integrated offender management team");
    expect(text).toContain("Southwark's IOM programme's response to the analysis The Southwark IOM is pleased to note");
    expect(text).toContain("Profile of the treatment group Southwark's IOM programme is mainly carried out in Southwark, London.");
    expect(html).toContain('<p>Justice Data Lab Team<br>Ministry of Justice<br>102 Petty France, London SW1H 9AJ</p>');
    // Two paragraphs where the text has a blank line.
    expect(html).toContain('in the borough.</p><p>The service tasking');
    const order = ['id="charts"', 'id="own-words"', 'id="response"', 'id="results"', 'id="profile"', 'id="numbers"', 'id="contacts"', 'id="methods"'].map((id) => html.indexOf(id));
    expect(order.every((at, k) => at > 0 && (k === 0 || at > order[k - 1]))).toBe(true);
    expect(html).toContain('<a href="#own-words">');
  });

  it('leaves the sections out when the organisation supplied nothing, and escapes what it supplies', () => {
    const run = southwarkRun();
    const none = renderReportHtml({ ...run, spec: { ...run.spec, programme: {} } });
    expect(none).not.toContain('id="own-words"');
    expect(none).not.toContain('id="contacts"');
    const hostile = renderReportHtml({ ...run, spec: { ...run.spec, programme: { description: '<img src=x onerror=alert(1)>' } } });
    expect(hostile).not.toContain('<img');
    expect(hostile).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('the matching-quality gate in the report (METHOD.md 4a)', () => {
  /** The Southwark run with the regional prev_offences row poorly matched after matching (+18.9%). */
  function poorlyMatchedRun(justification?: { text: string; recordedAt: string }) {
    const run = southwarkRun();
    const regional = run.analyses[1];
    regional.balance = regional.balance.map((r) => (r.variable === 'prev_offences' ? { ...r, smdAfter: 18.9, band: 'poorly' as const } : r));
    // Make a rate finding significant, so that there is a "What you can say" and a bullet to withhold.
    regional.outcomes.frequency = { ...regional.outcomes.frequency, ciLow: -1.2, ciHigh: -0.1, p: 0.02, significant: true };
    return completeRun(run, justification ? new Map([['Regional', justification]]) : new Map());
  }

  it('withholds "What you can say" and the significant-results bullets of a poorly matched analysis, and says why on the title page', () => {
    const html = renderReportHtml(poorlyMatchedRun());
    const text = textOf(html);
    const regional = textOf(html.slice(html.indexOf('id="key-findings-2"'), html.indexOf('id="charts"')));
    expect(regional).toContain('The groups were poorly matched on the number of previous offences (+18.9%), so differences in reoffending may come from those differences and not from the programme.');
    expect(regional).toContain('Match exactly on prev_offences');
    expect(regional).not.toContain('What you can say about');
    expect(regional).not.toContain('This is a statistically significant result');
    expect(regional).toContain('No statements are made about this analysis');
    const title = textOf(html.slice(0, html.indexOf('class="contents"')));
    expect(title).toContain('The groups of the regional analysis were not adequately matched. Its findings are not reliable. No findings are stated for it.');
    const box = textOf(html.slice(html.indexOf('class="box significant"'), html.indexOf('Tables 1-3 show')));
    expect(box).not.toContain('in the regional analysis only');
    expect(box).toContain('The regional analysis is left out of this list');
    expect(textOf(tableBlock(html, 1))).toMatch(/Regional\s*†/);
    // The national analysis passes: its statements stay.
    expect(text).toContain('What you can say about the one-year reoffending rate');
  });

  it('prints the findings of a poorly matched analysis beside the analyst’s recorded justification', () => {
    const html = renderReportHtml(poorlyMatchedRun({ text: 'Previous offences were capped at 40 in this force area; checked by hand.', recordedAt: '2017-07-15T10:05:00.000Z' }));
    const regional = textOf(html.slice(html.indexOf('id="key-findings-2"'), html.indexOf('id="charts"')));
    expect(regional).toContain('What you can say about the one-year reoffending frequency');
    expect(regional).toMatch(/published although the groups were not adequately matched, on the analyst's justification recorded 15 July 2017, \d\d:05: Previous offences were capped at 40/);
    expect(textOf(html.slice(0, html.indexOf('class="contents"')))).toContain('Its findings are published on the analyst’s justification, printed beside them.');
  });
});
