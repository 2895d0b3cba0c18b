// The headless host prints an address like http://127.0.0.1:PORT/#k=SECRET. The secret proves the page was opened
// by whoever started the host. Read it once, keep it for this tab only, and take it out of the address bar so it
// does not end up in bookmarks, screenshots or the history.

const STORAGE_KEY = 'ansinh.launchKey';

export function takeLaunchSecret(win: Window = window): string | null {
  const params = new URLSearchParams(win.location.hash.replace(/^#/, ''));
  const fromUrl = params.get('k');
  if (fromUrl) {
    win.sessionStorage.setItem(STORAGE_KEY, fromUrl);
    params.delete('k');
    const rest = params.toString();
    win.history.replaceState(win.history.state, '', win.location.pathname + win.location.search + (rest ? `#${rest}` : ''));
    return fromUrl;
  }
  return win.sessionStorage.getItem(STORAGE_KEY);
}
