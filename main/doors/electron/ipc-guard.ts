import { pathToFileURL } from 'node:url';

/**
 * IPC is accepted only from the top frame of our own page (a file:// URL inside the app's renderer folder),
 * in the manner of VS Code's validated IPC: a compromised or navigated frame cannot call the services.
 */
export function isOwnFrame(frameUrl: string | undefined, rendererIndex: string, isMainFrame: boolean): boolean {
  if (!frameUrl || !isMainFrame) return false;
  const own = pathToFileURL(rendererIndex).href;
  return frameUrl === own || frameUrl.startsWith(own + '#') || frameUrl.startsWith(own + '?');
}
