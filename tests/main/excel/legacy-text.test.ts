import { describe, expect, it } from 'vitest';
import { ColumnEncodingVote, encodingOfFont, toUnicode } from '../../../main/excel/legacy-text/legacy-detection';
import { decodeTcvn3Capitals, decodeTcvn3Text, encodeTcvn3 } from '../../../main/excel/legacy-text/tcvn3';
import { decodeVni, encodeVni } from '../../../main/excel/legacy-text/vni';

describe('legacy Vietnamese text', () => {
  it('decodes TCVN3 and the capitals fonts', () => {
    expect(decodeTcvn3Capitals('céng hßa x· héi chñ nghÜa viÖt nam')).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(decodeTcvn3Text('Ng­êi cao tuæi')).toBe('Người cao tuổi');
    expect(decodeTcvn3Text('ý Yªn, Nam §Þnh')).toBe('Ý Yên, Nam Định');
  });

  it('decodes VNI', () => {
    expect(decodeVni('Döông Höõu Sôn')).toBe('Dương Hữu Sơn');
    expect(decodeVni('NGUYEÃN ÑÖÙC THÒNH')).toBe('NGUYỄN ĐỨC THỊNH');
  });

  it('round-trips every Vietnamese letter', () => {
    const letters = 'aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ';
    expect(decodeVni(encodeVni(letters))).toBe(letters);
    expect(decodeVni(encodeVni(letters.toUpperCase()))).toBe(letters.toUpperCase());
    expect(decodeTcvn3Text(encodeTcvn3(letters))).toBe(letters);
  });

  it('decides by font first, then characters, per column', () => {
    expect(encodingOfFont('.VnTimeH')).toBe('tcvn3-capitals');
    expect(encodingOfFont('.VnTime')).toBe('tcvn3');
    expect(encodingOfFont('VNI-Times')).toBe('vni');
    expect(encodingOfFont('Times New Roman')).toBe('unicode');
    const vote = new ColumnEncodingVote();
    for (const t of ['Phaïm Ngoïc Luïa', 'Lê Thế Tuấn', 'Vuõ Minh Huøng']) vote.add(t, null);
    expect(vote.decide()).toBe('vni');
    // Unicode cells of a VNI column stay as they are; NFD and the lookalike Ð are normalised.
    expect(toUnicode('Thôn Đoài', null, 'vni')).toBe('Thôn Đoài');
    expect(toUnicode('Le\u0302 Thi\u0323', null, 'unicode')).toBe('Lê Thị');
    expect(toUnicode('\u00d0inh', null, 'unicode')).toBe('Đinh');
  });
});
