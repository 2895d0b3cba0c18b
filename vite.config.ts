import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The built page carries its own Content-Security-Policy, matching the Electron shell's: only our own files,
// no inline script, no eval, nothing remote. (Dev mode needs Vite's inline preamble, so only the build gets it.)
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'ansinh-csp',
    apply: 'build',
    transformIndexHtml: (html) => html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
  };
}

// `ANSINH_HOST_URL=<the address ansinh serve printed> npx vite`: the dev server (hot reload) forwards the contract
// calls to that host, presenting the host's own origin; open the dev page with the same #k=… fragment.
const hostOrigin = process.env.ANSINH_HOST_URL ? new URL(process.env.ANSINH_HOST_URL).origin : null;

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // No inline polyfill script; the browsers we run in (Chromium, Electron) support modulepreload.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    target: 'chrome120',
    sourcemap: false,
    // One bundle read from the local disk (never over a network): splitting it would add requests, not speed.
    chunkSizeWarningLimit: 1000,
  },
  server: {
    host: '127.0.0.1',
    proxy: hostOrigin ? { '/api': { target: hostOrigin, changeOrigin: true, headers: { Origin: hostOrigin } } } : undefined,
  },
});
