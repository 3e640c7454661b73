import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '@cswb/cli';
import type { Page } from 'playwright-core';

const AXE_FILE = path.join(PROJECT_ROOT, 'node_modules', 'axe-core', 'axe.min.js');
let axeSource: string | undefined;

/** WCAG 2.1 levels A and AA: the accessibility bar. */
export const WCAG_21_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeOptions {
  /** A CSS selector: check only this part of the page (default: the whole document). */
  include?: string;
  /** CSS selectors left out of the check. */
  exclude?: string[];
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[] }[];
}

/** Runs axe-core in the page (WCAG 2.1 A/AA rules) and fails listing every violation, with the first elements at fault. */
export async function expectNoAxeViolations(page: Page, options: AxeOptions = {}): Promise<void> {
  axeSource ??= fs.readFileSync(AXE_FILE, 'utf8');
  // Not page.addScriptTag: the app's CSP (script-src 'self') rightly refuses an inline script. Evaluated
  // through the DevTools protocol, axe runs in the page without the CSP being loosened for the test.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource);
  const violations = await page.evaluate(
    async ({ include, exclude, tags }) => {
      const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: unknown[] }> } }).axe;
      const context = include || exclude.length > 0 ? { include: include ? [include] : undefined, exclude: exclude.map((selector) => [selector]) } : (globalThis as unknown as { document: unknown }).document;
      const result = await axe.run(context, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return result.violations;
    },
    { include: options.include, exclude: options.exclude ?? [], tags: WCAG_21_AA_TAGS },
  );
  const found = violations as AxeViolation[];
  if (found.length === 0) return;
  const lines = found.map((violation) => {
    const targets = violation.nodes.slice(0, 3).map((node) => node.target.map(String).join(' '));
    const more = violation.nodes.length > 3 ? ` and ${violation.nodes.length - 3} more` : '';
    return `${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help} — ${targets.join(', ')}${more}`;
  });
  throw new Error(`axe-core found ${found.length} WCAG 2.1 AA violation(s) on ${page.url()}:\n  ${lines.join('\n  ')}`);
}
