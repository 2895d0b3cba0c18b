import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

const NOT_BUILT = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>An Sinh Desk</title>
<p>Giao diện chưa được build. Chạy <code>npm run build:renderer</code> rồi mở lại. / The renderer is not built yet.</p></html>`;

/** Files of the built renderer, never outside its folder; unknown paths get index.html (client-side routes). */
export async function readStatic(root: string, urlPath: string): Promise<{ body: Buffer | string; type: string } | null> {
  const index = join(root, 'index.html');
  if (!existsSync(index)) return { body: NOT_BUILT, type: TYPES['.html'] };
  const decoded = decodeURIComponent(urlPath.split('?')[0]);
  const target = normalize(join(root, decoded));
  if (target !== root && !target.startsWith(root + sep)) return null;
  const file = existsSync(target) && extname(target) ? target : index;
  return { body: await readFile(file), type: TYPES[extname(file)] ?? 'application/octet-stream' };
}
