// From the gateway's answer (or its silence) to what reception sees. Pure: no I/O.
import type { InsuranceView } from '../../shared/contract/clinic';
import { parseBhytCardCode } from '../../shared/clinic/bhyt-card-code';
import { meaningOf } from '../../shared/clinic/gateway-result';
import { coverageOn, gatewayDateToIso } from '../../shared/clinic/insurance-dates';
import { isOurFacility, normaliseFacilityCode } from '../../shared/clinic/initial-facility';
import type { CoverageAnswer, GatewayFailure } from './insurance-gateway-client';

const FULL_DATE = (s: string | null) => (s && s.length === 10 ? s : null);

/** The view of a gateway answer on `today` (ISO), for a clinic whose facility code is `ourFacility`. */
export function viewOfAnswer(answer: CoverageAnswer, context: { today: string; ourFacility: string | null; checkedAt: number; fallbackCardCode: string | null }): InsuranceView {
  const meaning = meaningOf(answer.maKetQua);
  const card = parseBhytCardCode(answer.maThe ?? '') ?? parseBhytCardCode(context.fallbackCardCode ?? '');
  const validFrom = FULL_DATE(gatewayDateToIso(answer.gtTheTu));
  const validTo = FULL_DATE(gatewayDateToIso(answer.gtTheDen));
  let { status, verdict, line } = meaning;
  if (verdict === 'accept' || verdict === 'warn') {
    // An answer that accepts a card must say which card and until when; without them we cannot tell reception it is valid.
    if (!answer.maThe || (!validFrom && !validTo)) {
      status = 'unknown';
      verdict = 'own-error';
      line = `Cổng BHXH trả lời thiếu thông tin thẻ (mã ${answer.maKetQua}): chưa xác định được thẻ; hãy kiểm tra thẻ giấy.`;
    } else {
      const coverage = coverageOn(validFrom, validTo, context.today);
      if (coverage === 'ended') [status, verdict, line] = ['expired', 'refuse', 'Thẻ BHYT đã hết hạn sử dụng.'];
      if (coverage === 'not-yet') [status, verdict, line] = ['refused', 'refuse', 'Thẻ BHYT chưa đến ngày có giá trị sử dụng.'];
    }
  }
  const facility = normaliseFacilityCode(answer.maDKBD);
  return {
    status, verdict, line,
    resultCode: answer.maKetQua,
    cardCode: card?.code ?? null,
    benefitLevel: card?.benefitLevel ?? null,
    benefitPercent: card?.benefitPercent ?? null,
    validFrom, validTo,
    initialFacility: facility,
    initialFacilityName: answer.tenDKBD ?? null,
    initialFacilityIsOurs: isOurFacility(facility, context.ourFacility),
    fiveYearsFrom: FULL_DATE(gatewayDateToIso(answer.ngayDu5Nam)),
    newCardCode: parseBhytCardCode(answer.maTheMoi ?? '')?.code ?? null,
    checkedAt: context.checkedAt,
    source: 'gateway',
    pending: false,
  };
}

const FAILURE_LINES: Record<GatewayFailure | 'slow' | 'not-configured' | 'no-officer' | 'no-key', string> = {
  timeout: 'Cổng BHXH không trả lời kịp',
  slow: 'Cổng BHXH đang trả lời chậm',
  unreachable: 'Không kết nối được cổng BHXH',
  'not-json': 'Cổng BHXH trả lời không đúng định dạng',
  'no-result-code': 'Cổng BHXH trả lời không có mã kết quả',
  'http-error': 'Cổng BHXH đang lỗi',
  'login-refused': 'Lỗi của phần mềm tiếp đón: tài khoản cơ sở KCB bị cổng BHXH từ chối (báo quản trị viên)',
  'not-configured': 'Chưa cài đặt cổng BHXH (quản trị viên: Tiếp đón → Cài đặt)',
  'no-officer': 'Chưa khai báo họ tên và số CCCD của cán bộ tiếp đón, cổng BHXH yêu cầu',
  'no-key': 'Không có mã thẻ BHYT hay số CCCD để tra',
};

export type NoAnswer = keyof typeof FAILURE_LINES;

/** Failures worth asking again in the background (the line or the gateway may come back); the others need a person. */
export const RETRYABLE: ReadonlySet<NoAnswer> = new Set(['slow', 'timeout', 'unreachable', 'not-json', 'no-result-code', 'http-error']);

/**
 * No answer today: the last known status (from an earlier check-in here), marked as such with its date, or unknown.
 * `pending`: the lookup goes on in the background.
 */
export function viewWithoutAnswer(why: NoAnswer, lastKnown: InsuranceView | null, pending: boolean, fallbackCardCode: string | null): InsuranceView {
  const reason = FAILURE_LINES[why];
  const tail = pending ? ' Đang tra lại, màn hình sẽ cập nhật khi có kết quả.' : '';
  if (lastKnown) {
    return { ...lastKnown, source: 'cache', pending, line: `${reason}. Tình trạng lần tra trước (chưa kiểm tra hôm nay): ${lastKnown.line}${tail}` };
  }
  const card = parseBhytCardCode(fallbackCardCode ?? '');
  return {
    status: 'unknown', verdict: 'own-error', line: `${reason}: chưa biết tình trạng thẻ BHYT.${tail}`, resultCode: null,
    cardCode: card?.code ?? null, benefitLevel: card?.benefitLevel ?? null, benefitPercent: card?.benefitPercent ?? null,
    validFrom: null, validTo: null, initialFacility: null, initialFacilityName: null, initialFacilityIsOurs: null, fiveYearsFrom: null,
    newCardCode: null, checkedAt: null, source: null, pending,
  };
}
