import { describe, expect, it } from 'vitest';
import { takeLaunchSecret } from '../../../renderer/api/launch-secret';

/** Just enough of a browser window: location, history and sessionStorage behave as a tab's do. */
function tab(href: string) {
  const url = new URL(href);
  const store = new Map<string, string>();
  const win = {
    location: url,
    history: {
      state: null,
      replaceState: (_s: unknown, _t: string, next: string) => {
        const u = new URL(next, url);
        url.hash = u.hash;
        url.pathname = u.pathname;
        url.search = u.search;
      },
    },
    sessionStorage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) },
  };
  return { win: win as unknown as Window, url, store };
}

describe('takeLaunchSecret', () => {
  it('reads #k=, remembers it for the tab and removes it from the address bar', () => {
    const { win, url, store } = tab('http://127.0.0.1:4000/#k=abc_DEF-123');
    expect(takeLaunchSecret(win)).toBe('abc_DEF-123');
    expect(url.href).toBe('http://127.0.0.1:4000/');
    expect([...store.values()]).toEqual(['abc_DEF-123']);
    expect(takeLaunchSecret(win)).toBe('abc_DEF-123'); // after a reload: from sessionStorage
  });

  it('keeps other fragment parameters', () => {
    const { win, url } = tab('http://127.0.0.1:4000/?x=1#k=s3cret&view=list');
    expect(takeLaunchSecret(win)).toBe('s3cret');
    expect(url.href).toBe('http://127.0.0.1:4000/?x=1#view=list');
  });

  it('is null when the page was opened without a key', () => {
    expect(takeLaunchSecret(tab('http://127.0.0.1:4000/').win)).toBeNull();
  });
});
