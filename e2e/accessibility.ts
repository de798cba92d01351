// The axe-core audit every end-to-end test runs on each screen it visits: WCAG 2.1 A and AA rules, kept at zero
// violations. A failure lists each rule with the elements that break it.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
// The report preview is a fully sandboxed iframe (no scripts run in it, so axe cannot either): the report document
// is audited on its own by expectReportAccessible.
const REPORT_FRAME = '[data-testid=report-frame]';

async function violationsOf(page: Page, screen: string, exclude: string[] = []): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_21_AA);
  for (const selector of exclude) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  return violations.map((v) => `${screen}: ${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const exclude = (await page.locator(REPORT_FRAME).count()) > 0 ? [REPORT_FRAME] : [];
  expect(await violationsOf(page, screen, exclude), `axe found WCAG 2.1 AA violations on ${screen}`).toEqual([]);
}

/** Audits the report the preview shows, as its own document. */
export async function expectReportAccessible(page: Page): Promise<void> {
  const html = await page.locator(REPORT_FRAME).getAttribute('srcdoc');
  const report = await page.context().newPage();
  try {
    await report.setContent(html ?? '');
    expect(await violationsOf(report, 'report document'), 'axe found WCAG 2.1 AA violations in the report').toEqual([]);
  } finally {
    await report.close();
  }
}
