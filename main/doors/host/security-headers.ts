import { CONTENT_SECURITY_POLICY } from '../../../shared/content-security-policy';

/** The same policy the page carries in its <meta> and the Electron window enforces (shared/content-security-policy.ts). */
export { CONTENT_SECURITY_POLICY };

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};
