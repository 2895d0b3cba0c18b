// A temporary password for the administrator to hand over (read out or written on paper): letters and digits that
// cannot be mistaken for one another (no 0/O, 1/l/I), in groups of four.

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function temporaryPassword(random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
  const bytes = random(12);
  let out = '';
  for (let i = 0; i < 12; i++) {
    if (i > 0 && i % 4 === 0) out += '-';
    out += ALPHABET[bytes[i] % ALPHABET.length];
  }
  return out;
}
