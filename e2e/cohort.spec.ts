// The Cohort screen on the demo store: the funnel shows the generator's own counts, the
// participants grid answers "why was my person left out?", and a changed setting re-runs the
// cohort step and changes the funnel.
import { formatDate } from '../shared/format/dateFormat';
import { expect, test, type Page } from '@playwright/test';
import { generateDemoExtract } from '../shared/demo/generateDemoExtract';
import { startAppHost, type AppHost } from './appHost';
import { expectAccessible } from './accessibility';

let app: AppHost;
test.beforeAll(async () => {
  app = await startAppHost();
});
test.afterAll(async () => {
  await app.stop();
});

// "Open the demo" builds the default demo extract (20,000 records, seed 1): the generator's record
// of which participant it put into which funnel case is the independent truth.
const truth = generateDemoExtract({ records: 20_000 }).truth;
const submitted = truth.funnel[0].remaining;

function remainingOf(page: Page, step: string) {
  return page.getByTestId(`funnel-${step}-remaining`);
}

function gridCell(page: Page, rowIndex: number, column: string) {
  // Row 0 of the grid's rows is the header.
  return page.getByTestId('participants-grid').getByRole('row').nth(rowIndex + 1).locator(`[col-id="${column}"]`);
}

test('the funnel, the reasons of the participants grid, and a re-run under a new window', async ({ page }) => {
  await page.goto(app.url);
  await page.getByTestId('open-demo').click();
  await expect(page.getByTestId('counts')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('job-progress')).toHaveCount(0, { timeout: 90_000 });
  await page.getByRole('button', { name: 'Cohort & funnel' }).click();

  // Every step's count and share as the generator made them.
  await expect(page.getByTestId('funnel')).toBeVisible();
  for (const step of truth.funnel) {
    await expect(remainingOf(page, step.step)).toHaveText(step.remaining.toLocaleString('en-GB'));
    if (step.step === 'submitted') continue;
    const sentence = page.getByTestId(`funnel-${step.step}-sentence`);
    if (step.dropped === 0) await expect(sentence).toHaveText(/^Nobody was excluded because/);
    else await expect(sentence).toContainText(`${step.dropped} ${step.dropped === 1 ? 'person' : 'people'} (${Math.round((100 * step.dropped) / submitted)}%)`);
  }
  const treated = truth.funnel[truth.funnel.length - 1].remaining;
  await expect(page.getByTestId('funnel-treated')).toContainText(`The treatment group contained ${treated} people: ${Math.round((100 * treated) / submitted)}% of the participants originally submitted.`);
  await expect(page.getByTestId('settings-in-force')).toContainText(`Extract date ${formatDate(truth.extractDate)}`);
  await page.screenshot({ path: 'test-results/screens/cohort-01-funnel.png', fullPage: true });
  await expectAccessible(page, 'cohort funnel');

  // "Why was my person left out?": the no-record step's people, with their reason.
  const noRecord = Object.entries(truth.cases).filter(([, c]) => c === 'no_record').map(([ref]) => ref).sort();
  await page.getByTestId('funnel-no_record').getByRole('button').click();
  await expect(page.getByRole('tab', { name: 'Participants' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('chip-no_record')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('participants-total')).toHaveText(`${noRecord.length} participants`);
  await expect(gridCell(page, 0, 'participantRef')).toHaveText(noRecord[0]);
  await expect(gridCell(page, 0, 'status')).toHaveText('No record for the participation period');
  await expect(gridCell(page, 0, 'reason')).toHaveText('Not in the treatment group: they did not have a record in the extract that corresponded to their time period of participation (an index date from 365 days before to 90 days after their start date).');
  await gridCell(page, 0, 'reason').click();
  await expect(page.getByTestId('participant-detail')).toContainText(`${noRecord[0]}`);
  await expect(page.getByTestId('participant-detail')).toContainText('No record for the participation period. Not in the treatment group: they did not have a record in the extract');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('participant-detail')).toContainText(noRecord[1]);
  await page.screenshot({ path: 'test-results/screens/cohort-02-participants.png', fullPage: true });
  await expectAccessible(page, 'cohort participants');

  // Finding one person: a participant the generator made too young is not among the no-record ones.
  const young = Object.entries(truth.cases).find(([, c]) => c === 'under_18')![0];
  await page.getByLabel('Find a participant').fill(young);
  await expect(page.getByTestId('participants-total')).toHaveText('No participant with this status matches.');
  await page.getByRole('button', { name: 'Look among all participants' }).click();
  await expect(page.getByRole('button', { name: /^All/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('participants-total')).toHaveText('1 participant');
  await expect(gridCell(page, 0, 'reason')).toHaveText('Not in the treatment group: they were under 18 years old when they started the programme.');
  await expect(gridCell(page, 0, 'recordId')).toHaveText(truth.chosenRecord[young]);

  await page.getByRole('tab', { name: 'Group profiles' }).click();
  await expect(page.getByTestId('profile')).toContainText(`Participants included in the treatment group (${treated} people, before matching)`);
  await expect(page.getByTestId('profile-treated')).toContainText(/^\d+% male, \d+% female/);
  await expect(page.getByTestId('profile-risk-needs')).toContainText('had some or significant problems with employment history');
  await page.screenshot({ path: 'test-results/screens/cohort-03-profile.png', fullPage: true });
  await expectAccessible(page, 'cohort profiles');

  // A bad value is refused in the form with a message; a narrower window re-runs the cohort step.
  await page.getByRole('tab', { name: 'Derivation settings' }).click();
  const minimumAge = page.getByLabel('Minimum age at the start date');
  await minimumAge.fill('eighteen');
  await expect(page.getByText('Write a whole number of years (e.g. 18).')).toBeVisible();
  await expect(minimumAge).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Re-run the cohort step' }).click();
  await expect(minimumAge).toBeFocused();
  await minimumAge.fill('18');
  await page.getByLabel('Record window after the start date').fill('30');
  await expect(page.getByText('The Justice Data Lab method uses 90 days.')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/cohort-04-settings.png', fullPage: true });
  await expectAccessible(page, 'cohort settings');
  await page.getByRole('button', { name: 'Re-run the cohort step' }).click();
  await expect(page.getByTestId('settings-in-force')).toContainText('30 days after the start', { timeout: 60_000 });
  await expect(page.getByTestId('job-progress')).toHaveCount(0);

  await page.getByRole('tab', { name: 'Funnel' }).click();
  const before = truth.funnel.find((s) => s.step === 'no_record')!;
  // Asked as the page asks: with the tab's session token in the header.
  const after = await page.evaluate(async () => {
    const headers = { 'Content-Type': 'application/json', 'X-Matchlab-Token': sessionStorage.getItem('matchlab.session') ?? '' };
    return (await (await fetch('/api/cohort.get', { method: 'POST', headers, body: '{}' })).json()).result;
  });
  const afterNoRecord = after.derivation.funnel.find((s: { step: string }) => s.step === 'no_record');
  // A 30-day window can only lose records that a 90-day window found.
  expect(afterNoRecord.dropped).toBeGreaterThan(before.dropped);
  await expect(remainingOf(page, 'no_record')).toHaveText(String(afterNoRecord.remaining));
  await expect(page.getByTestId('funnel-no_record-sentence')).toContainText(`${afterNoRecord.dropped} people (${Math.round((100 * afterNoRecord.dropped) / submitted)}%)`);
  await expect(page.getByTestId('funnel-no_record-sentence')).toContainText('from 365 days before to 30 days after their start date');
  await page.screenshot({ path: 'test-results/screens/cohort-05-funnel-after.png', fullPage: true });
});
