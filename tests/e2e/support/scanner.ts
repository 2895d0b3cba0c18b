import type { Page } from '@playwright/test';

// A keyboard-wedge scanner as the browser sees one: a key every few milliseconds, then Enter. The keys carry the
// scanner's own timestamps (as the OS stamps a real device's keys), so a loaded test machine that delivers them late
// does not turn a scan into slow typing; the page still receives real key events and inserted text.
const KEY_GAP_S = 0.005;

export async function scanWithWedge(page: Page, text: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    let t = Date.now() / 1000;
    for (const ch of [...text]) {
      t += KEY_GAP_S;
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: ch, text: ch, unmodifiedText: ch, timestamp: t });
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: ch, timestamp: t + 0.001 });
    }
    t += KEY_GAP_S;
    const enter = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, nativeVirtualKeyCode: 13 };
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...enter, text: '\r', timestamp: t });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...enter, timestamp: t + 0.001 });
  } finally {
    await cdp.detach();
  }
}
