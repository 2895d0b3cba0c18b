// The page's Content-Security-Policy, one source for every place that applies it: the <meta> Vite writes into
// the built index.html (what the Electron window's file:// page and any browser get whatever the server sends),
// the headless host's header and the Electron session's header. Our own files only, nothing inline, no eval,
// nothing remote.

const DIRECTIVES: readonly (readonly [directive: string, headerOnly?: true])[] = [
  ["default-src 'self'"],
  ["script-src 'self'"],
  ["style-src 'self'"],
  ["img-src 'self' data: blob:"],
  ["font-src 'self'"],
  ["connect-src 'self'"],
  ["object-src 'none'"],
  ["base-uri 'none'"],
  ["form-action 'none'"],
  // Browsers ignore frame-ancestors in a <meta> (and warn about it): it can only be sent as a header.
  ["frame-ancestors 'none'", true],
];

/** The policy as a response header (the host, the Electron session). */
export const CONTENT_SECURITY_POLICY = DIRECTIVES.map(([d]) => d).join('; ');

/** The same policy in the page's <meta http-equiv="Content-Security-Policy">: every directive a <meta> can carry. */
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.filter(([, headerOnly]) => !headerOnly).map(([d]) => d).join('; ');
