// One error type for everything a person can be told about: a stable code for programs,
// a Vietnamese message for the clerk and an English one for IT staff.

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly messageVi: string,
    readonly messageEn: string,
    readonly details?: unknown,
  ) {
    super(`${messageVi} / ${messageEn}`);
    this.name = 'AppError';
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
