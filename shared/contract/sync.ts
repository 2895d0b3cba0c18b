import { z } from 'zod';

export const syncStatusSchema = z.object({
  enrolled: z.boolean(),
  /** Why this device cannot sync (not enrolled, a copied database), in Vietnamese; null when it can. */
  problem: z.string().nullable(),
  hubUrl: z.string().nullable(),
  /** Changes of this device the hub has not acknowledged. */
  pending: z.number().int(),
  /** Open items of "Cần xử lý". */
  issues: z.number().int(),
  lastSuccess: z.string().nullable(),
  lastError: z.string().nullable(),
});

export const syncEnrolInput = z.object({
  hubUrl: z.string().trim().url('Địa chỉ máy chủ tỉnh không hợp lệ (ví dụ https://dongbo.tinh.gov.vn)'),
  code: z.string().trim().regex(/^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{6}$/, 'Mã đăng ký có dạng ABCD-EFGH-123456'),
}).strict();

export const syncReportSchema = z.object({
  pushed: z.number().int(),
  batches: z.number().int(),
  pulled: z.number().int(),
  held: z.number().int(),
  acked: z.number().int(),
});

export const syncIssueSchema = z.object({
  id: z.string(),
  why: z.string(),
  entity: z.string(),
  entityId: z.string(),
  field: z.string().nullable(),
  message: z.string(),
  status: z.enum(['open', 'resolved']),
  createdAt: z.number(),
  /** The value here and the other side's (JSON), who made the other one and when; whether a person can choose. */
  ours: z.string().nullable(),
  theirs: z.string().nullable(),
  theirsBy: z.string().nullable(),
  theirsAt: z.string().nullable(),
  decidable: z.boolean(),
});

/** A person's decision: take the other side's value, keep this one (both travel to every office), or close the item. */
export const syncResolveInput = z.object({ id: z.string().min(1).max(200), choice: z.enum(['theirs', 'ours', 'dismiss']) }).strict();
export const syncResolveOutput = z.object({ resolved: z.number().int() });

export const bundleExportOutput = z.object({ fileName: z.string(), number: z.number().int(), entries: z.number().int(), downloadRef: z.string() });
export const receiptImportOutput = z.object({ number: z.number().int(), acked: z.number().int(), received: z.number().int(), held: z.number().int() });
