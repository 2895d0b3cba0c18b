// Undoes a Vietnamese input method (UniKey/EVKey in Telex or VNI) rewriting a scanner's keystrokes. Such an IME
// swallows a trigger key and instead sends Backspace(s) plus the rewritten letters; from what was deleted and what
// came instead we infer the swallowed key and rebuild what the scanner really typed.

export type ImeMode = 'telex' | 'vni' | 'auto';

const TONE_KEYS: Record<string, { telex: string; vni: string }> = {
  '\u0301': { telex: 's', vni: '1' },
  '\u0300': { telex: 'f', vni: '2' },
  '\u0309': { telex: 'r', vni: '3' },
  '\u0303': { telex: 'x', vni: '4' },
  '\u0323': { telex: 'j', vni: '5' },
};

function marks(text: string): string[] {
  return [...text.normalize('NFD')].filter((c) => /[\u0300-\u036f]/.test(c));
}

function base(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** The key an IME swallowed to turn `deleted` into `inserted`, or null when it cannot be told. */
export function swallowedKey(deleted: string, inserted: string, mode: 'telex' | 'vni'): string | null {
  const before = marks(deleted);
  const after = marks(inserted);
  const added = after.filter((m) => {
    const i = before.indexOf(m);
    if (i >= 0) {
      before.splice(i, 1);
      return false;
    }
    return true;
  });
  const removed = before;
  if (added.length === 0 && removed.length > 0) {
    // Pressing a tone key twice removes the tone and types the key itself: "as" + "s" → "ass".
    const tone = TONE_KEYS[removed[0]!];
    return tone ? tone[mode] : null;
  }
  if (/[đĐ]/.test(inserted) && !/[đĐ]/.test(deleted)) return mode === 'telex' ? (inserted.includes('Đ') ? 'D' : 'd') : '9';
  const mark = added[0];
  if (!mark) return null;
  const tone = TONE_KEYS[mark];
  if (tone) return tone[mode];
  if (mark === '\u0302') {
    if (mode === 'vni') return '6';
    // Telex doubles the vowel: â ê ô.
    const vowel = [...base(inserted)].reverse().find((c) => /[aeoAEO]/.test(c));
    return vowel ?? null;
  }
  if (mark === '\u031b' || mark === '\u0306') {
    if (mode === 'vni') return mark === '\u031b' ? '7' : '8';
    return 'w';
  }
  return null;
}

function rebuild(keys: readonly string[], mode: 'telex' | 'vni'): { text: string; unknown: number } {
  const original: string[] = [];
  const visible: string[] = [];
  let unknown = 0;
  let i = 0;
  while (i < keys.length) {
    const k = keys[i]!;
    if (k === 'Backspace') {
      let n = 0;
      while (keys[i] === 'Backspace') {
        n++;
        i++;
      }
      const deleted = visible.splice(Math.max(0, visible.length - n), n).join('');
      const inserted: string[] = [];
      while (i < keys.length && keys[i] !== 'Backspace' && [...keys[i]!].length === 1 && inserted.length < n + 1) {
        const candidate = keys[i]!;
        inserted.push(candidate);
        i++;
        if (base(inserted.join('')).length >= base(deleted).length) break;
      }
      visible.push(...inserted);
      const trigger = swallowedKey(deleted, inserted.join(''), mode);
      if (trigger === null) {
        unknown++;
        // Keep what the field showed: the best we can do.
        original.splice(Math.max(0, original.length - n), n, ...inserted);
      } else original.push(trigger);
      continue;
    }
    if ([...k].length === 1) {
      original.push(k);
      visible.push(k);
    }
    i++;
  }
  return { text: original.join('').normalize('NFC'), unknown };
}

/**
 * What the scanner typed, from the keys the app saw. 'auto' tries both methods and keeps the one that explains
 * more edits, preferring Telex (the more common) on a tie: a tone edit reads the same under both, so an office
 * using VNI should say so in its settings.
 */
export function repairImeKeystrokes(keys: readonly string[], mode: ImeMode = 'auto'): string {
  if (!keys.includes('Backspace')) return keys.filter((k) => [...k].length === 1).join('').normalize('NFC');
  if (mode !== 'auto') return rebuild(keys, mode).text;
  const telex = rebuild(keys, 'telex');
  const vni = rebuild(keys, 'vni');
  if (vni.unknown < telex.unknown) return vni.text;
  return telex.text;
}
