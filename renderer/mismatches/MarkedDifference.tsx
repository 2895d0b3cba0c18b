// Ours and theirs side by side, the characters that differ marked (a longest common subsequence of characters:
// values are a name, a date or an address, never long).

function commonMask(a: string[], b: string[]): [boolean[], boolean[]] {
  const n = a.length;
  const m = b.length;
  const table = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) {
    table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
  }
  const inA = new Array<boolean>(n).fill(false);
  const inB = new Array<boolean>(m).fill(false);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) { inA[i] = true; inB[j] = true; i++; j++; }
    else if (table[i + 1][j] >= table[i][j + 1]) i++;
    else j++;
  }
  return [inA, inB];
}

function Marked({ chars, common, testId }: { chars: string[]; common: boolean[]; testId: string }) {
  const parts: { text: string; differs: boolean }[] = [];
  chars.forEach((c, k) => {
    const differs = !common[k];
    const last = parts[parts.length - 1];
    if (last && last.differs === differs) last.text += c;
    else parts.push({ text: c, differs });
  });
  return <span data-testid={testId}>{parts.map((p, k) => (p.differs ? <mark key={k} className="char-differs">{p.text}</mark> : <span key={k}>{p.text}</span>))}</span>;
}

export function MarkedPair({ ours, theirs }: { ours: string | null; theirs: string | null }) {
  if (ours === null || theirs === null) return <><td className="old-value">{ours ?? '—'}</td><td className="new-value">{theirs ?? '—'}</td></>;
  // Grapheme-ish units: NFC characters, so a toned letter is one unit.
  const a = [...ours.normalize('NFC')];
  const b = [...theirs.normalize('NFC')];
  const [inA, inB] = commonMask(a, b);
  return (
    <>
      <td className="old-value"><Marked chars={a} common={inA} testId="ours-marked" /></td>
      <td className="new-value"><Marked chars={b} common={inB} testId="theirs-marked" /></td>
    </>
  );
}
