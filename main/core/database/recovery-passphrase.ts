import { randomInt } from 'node:crypto';

// The office recovery passphrase: printed once at setup and kept in the office safe, typed back after a reinstall
// or on another PC. Digits and capitals without the look-alikes (0, O, 1, I, L, U): 30 symbols, 6 groups of 5,
// 30 × log2(30) ≈ 147 bits of randomness, so no dictionary or brute force can reach it.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUPS = 6;
const GROUP_LENGTH = 5;

export function generateRecoveryPassphrase(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let group = '';
    for (let i = 0; i < GROUP_LENGTH; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/** What a person typed, in the passphrase's canonical form: capitals, without the spaces and dashes between groups. */
export function normalizeRecoveryPassphrase(typed: string): string {
  return typed.normalize('NFKC').toUpperCase().replace(/[\s\-_.]/g, '');
}
