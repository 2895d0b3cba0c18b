// Logs must never carry ID numbers, account numbers or passwords in clear. Any run of 9+ digits
// (optionally broken by spaces, dots or dashes) is masked to its last 3 digits.

const LONG_DIGIT_RUN = /\d(?:[\s.-]?\d){8,}/g;
const SECRET_KEYS = /pass(word)?|secret|token|pin|can|mrz|idNumber|oldIdNumber|accountNumber|number/i;

export function redactText(text: string): string {
  return text.replace(LONG_DIGIT_RUN, (run) => {
    const digits = run.replace(/\D/g, '');
    return `…${digits.slice(-3)}`;
  });
}

export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (typeof value === 'number' && Math.abs(value) >= 1e8 && Number.isInteger(value)) return redactText(String(value));
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEYS.test(k) ? '***' : redactValue(v, depth + 1);
  return out;
}
