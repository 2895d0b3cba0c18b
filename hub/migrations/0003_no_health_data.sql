-- Clinic visits are health data the province's hub has no need for: they no longer travel, and whatever an older app
-- sent of them is removed here (only each entry's identity stays, so that it is never taken again).
DELETE FROM records WHERE entity = 'clinic_visits';
DELETE FROM field_state WHERE entity = 'clinic_visits';
DELETE FROM conflicts WHERE entity = 'clinic_visits';
UPDATE entries SET value = NULL, base = NULL, hub_seq = NULL, status = 'rejected',
  reason = 'Dữ liệu khám chữa bệnh (lượt tiếp đón, tình trạng BHYT) chỉ ở lại trạm y tế: máy chủ tỉnh không nhận và không lưu.'
  WHERE entity = 'clinic_visits';
