import * as fs from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { PROJECT_ROOT } from '@cswb/cli';

/** The web app's size budget (web/bundle-budget.json), on the build `npm test` makes first. */
const dist = path.join(PROJECT_ROOT, 'web', 'dist');
const budget = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'web', 'bundle-budget.json'), 'utf8')) as { javascriptGzipBytes: number; cssGzipBytes: number };

function gzippedBytes(extension: string): number {
  const assets = fs.readdirSync(path.join(dist, 'assets')).filter((file) => file.endsWith(extension));
  return assets.reduce((sum, file) => sum + gzipSync(fs.readFileSync(path.join(dist, 'assets', file)), { level: 9 }).length, 0);
}

describe('the web app bundle', () => {
  it('is built (npm run build) with its persisted documents beside it', () => {
    expect(fs.existsSync(path.join(dist, 'index.html'))).toBe(true);
    const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'persisted-documents.json'), 'utf8')) as Record<string, string>;
    expect(Object.keys(manifest).length).toBeGreaterThan(0);
  });

  it(`ships at most ${budget.javascriptGzipBytes} gzipped bytes of JavaScript and ${budget.cssGzipBytes} of CSS`, () => {
    expect(gzippedBytes('.js')).toBeLessThanOrEqual(budget.javascriptGzipBytes);
    expect(gzippedBytes('.css')).toBeLessThanOrEqual(budget.cssGzipBytes);
  });

  it('loads nothing from another origin (no CDN, no map tiles)', () => {
    const files = ['index.html', ...fs.readdirSync(path.join(dist, 'assets')).map((f) => `assets/${f}`)];
    for (const file of files) {
      const text = fs.readFileSync(path.join(dist, file), 'utf8');
      // Links in text (e.g. the Ontario framework's page) are fine; what a page loads is not.
      expect({ file, loads: text.match(/(?:src|href)=["']https?:\/\/[^"']+/g) ?? [] }).toEqual({ file, loads: [] });
      expect({ file, imports: text.match(/(?:import\(|from\s*)["']https?:\/\/[^"']+/g) ?? [] }).toEqual({ file, imports: [] });
    }
  });
});
