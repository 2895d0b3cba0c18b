// The Electron window loads the built page from file://, where no server sends a header: the page's own
// <meta> Content-Security-Policy is what protects it there. These tests would catch the <meta> going missing
// from the build, drifting from the header the host and the Electron session send, or not being applied.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';
import { SECURITY_HEADERS } from '../../main/doors/host/security-headers';
import { repoRoot } from './support/paths';

const builtIndex = join(repoRoot, 'dist/renderer/index.html');

type Violation = { directive: string; blocked: string; policy: string; disposition: string };

test('the built index.html carries the one policy in a <meta>, before anything it governs', () => {
  const html = readFileSync(builtIndex, 'utf8');
  const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"\s*\/?>/g)];
  expect(metas).toHaveLength(1);
  expect(metas[0][1]).toBe(META_CONTENT_SECURITY_POLICY);
  const head = html.slice(html.indexOf('<head>'), html.indexOf('</head>'));
  const firstResource = head.search(/<script|<link/);
  expect(head.indexOf('http-equiv="Content-Security-Policy"')).toBeGreaterThan(-1);
  expect(head.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(firstResource === -1 ? Infinity : firstResource);
  // The header (host, Electron session) is the same policy plus what only a header can carry.
  expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  expect(CONTENT_SECURITY_POLICY).toBe(`${META_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  expect(META_CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
  expect(META_CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
});

test('opened from file:// the page enforces its <meta> policy: an inline script and a remote image are blocked', async ({ page }) => {
  await page.addInitScript(() => {
    const seen: Violation[] = [];
    (window as unknown as { cspViolations: Violation[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push({ directive: e.effectiveDirective, blocked: e.blockedURI, policy: e.originalPolicy, disposition: e.disposition }));
  });
  await page.goto(pathToFileURL(builtIndex).href);
  await page.waitForLoadState('load');
  // The page's own files are not what the policy refuses.
  expect(await page.evaluate(() => (window as unknown as { cspViolations: Violation[] }).cspViolations)).toEqual([]);

  const ran = await page.evaluate(async () => {
    const w = window as unknown as { inlineRan?: boolean };
    const script = document.createElement('script');
    script.textContent = 'window.inlineRan = true;';
    document.body.append(script);
    const img = document.createElement('img');
    img.src = 'https://example.invalid/tracker.png';
    document.body.append(img);
    await new Promise((r) => setTimeout(r, 300));
    return w.inlineRan === true;
  });
  expect(ran).toBe(false);
  const violations = await page.evaluate(() => (window as unknown as { cspViolations: Violation[] }).cspViolations);
  expect(violations).toEqual(expect.arrayContaining([
    expect.objectContaining({ directive: 'script-src-elem', blocked: 'inline', policy: META_CONTENT_SECURITY_POLICY, disposition: 'enforce' }),
    expect.objectContaining({ directive: 'img-src', blocked: 'https://example.invalid/tracker.png', policy: META_CONTENT_SECURITY_POLICY, disposition: 'enforce' }),
  ]));
});
