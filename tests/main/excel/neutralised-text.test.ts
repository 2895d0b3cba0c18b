import { describe, expect, it } from 'vitest';
import { safeText } from '../../../main/excel/export-cells';
import { restoreNeutralisedText } from '../../../main/excel/neutralised-text';

describe('text neutralised on export, restored on import', () => {
  it('gives back exactly the text that was neutralised', () => {
    for (const text of ['=SUM(A1:A2)', '+84 912 345 678', '-Thôn Đông', '@x', 'Nguyễn Văn An', "'quoted", "'=already", "''+x"]) {
      expect(restoreNeutralisedText(safeText(text))).toBe(text);
    }
  });

  it('leaves an apostrophe that does not guard a formula sign', () => {
    expect(restoreNeutralisedText("'Ông Ba")).toBe("'Ông Ba");
  });
});
