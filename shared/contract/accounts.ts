import { z } from 'zod';
import { ROLES } from './roles';

export const usernameSchema = z.string().trim().min(3).max(40).regex(/^[a-z0-9._-]+$/);
export const passwordSchema = z.string().min(8).max(200);

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  unitIds: z.array(z.string()),
});
export type User = z.infer<typeof userSchema>;

export const sessionSchema = z.object({
  token: z.string(),
  user: userSchema,
  idleLockMinutes: z.number().int(),
});
export type Session = z.infer<typeof sessionSchema>;

export const appInfoSchema = z.object({
  version: z.string(),
  needsSetup: z.boolean(),
  unitName: z.string().nullable(),
  /** Demo users shown on the login screen only for the demo database. */
  demo: z.boolean(),
});

export const createUserInput = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(100),
  password: passwordSchema,
  role: z.enum(ROLES),
  unitIds: z.array(z.string()).default([]),
});

export const unitSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  level: z.enum(['province', 'district', 'commune']),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  parentId: z.string().nullable(),
});
