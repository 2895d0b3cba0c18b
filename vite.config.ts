import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { META_CONTENT_SECURITY_POLICY } from './shared/content-security-policy';

// The built page carries its own Content-Security-Policy, the one the host and the Electron session send as a
// header (one source: shared/content-security-policy.ts), so the Electron window's file:// page is protected
// whatever serves it. Dev mode needs Vite's inline preamble, so only the build gets it; a build without it fails.
function contentSecurityPolicy(): Plugin {
  return {
    name: 'ansinh-csp',
    apply: 'build',
    transformIndexHtml(html) {
      const meta = `<meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}" />`;
      // Right after <head>, before any script or stylesheet the page names, so it governs all of them.
      const out = html.replace(/<head>/i, (head) => `${head}\n    ${meta}`);
      if (out === html) throw new Error('renderer/index.html has no <head>: the Content-Security-Policy <meta> cannot be written');
      return out;
    },
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
