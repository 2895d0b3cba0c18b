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
  /** The administrator set this password: nothing else is allowed until the user chooses a new one (auth.changePassword). */
  mustChangePassword: z.boolean(),
});
export type Session = z.infer<typeof sessionSchema>;

export const appInfoSchema = z.object({
  version: z.string(),
  needsSetup: z.boolean(),
  unitName: z.string().nullable(),
  /** Demo users shown on the login screen only for the demo database. */
  demo: z.boolean(),
  /** Whether the database is encrypted at rest (a demo database is not: it holds no real person). */
  encrypted: z.boolean(),
  /** Set when this start found the database copied or restored from another PC: it now sends as a new device. */
  deviceChange: z.object({ previousDeviceId: z.string(), deviceId: z.string() }).nullable(),
  /** An encrypted database that no key opened yet: the window asks for the recovery passphrase (database.unlock). */
  needsUnlock: z.boolean().default(false),
});

export const createUserInput = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(100),
  password: passwordSchema,
  role: z.enum(ROLES),
  unitIds: z.array(z.string()).default([]),
  /** The password is one the administrator chose: the user must change it at first sign-in. */
  mustChangePassword: z.boolean().default(true),
});

/** A user as the administrator sees them. */
export const managedUserSchema = userSchema.extend({
  active: z.boolean(),
  mustChangePassword: z.boolean(),
});
export type ManagedUser = z.infer<typeof managedUserSchema>;

const userId = z.string().min(1).max(100);

export const updateUserInput = z.object({
  id: userId,
  displayName: createUserInput.shape.displayName,
  role: z.enum(ROLES),
  unitIds: z.array(z.string().max(100)).max(5000),
});

export const setUserActiveInput = z.object({ id: userId, active: z.boolean() });

export const resetPasswordInput = z.object({ id: userId, temporaryPassword: passwordSchema });

export const changePasswordInput = z.object({ currentPassword: z.string().max(200), newPassword: passwordSchema });

export const SIGN_IN_OUTCOMES = ['success', 'failure', 'throttled'] as const;

export const signInAttemptsInput = z.object({
  username: z.string().trim().max(100).nullable().default(null),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});

export const signInAttemptsOutput = z.object({
  total: z.number().int(),
  rows: z.array(z.object({
    atMs: z.number().int(),
    username: z.string(),
    kind: z.enum(['login', 'unlock', 'change-password', 'reset']),
    outcome: z.enum(SIGN_IN_OUTCOMES),
    door: z.string(),
  })),
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
