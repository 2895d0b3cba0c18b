import i18next from 'i18next';

/** A failed call, carrying the server's Vietnamese message (shown to the clerk) and a stable code (for the code). */
export class CallError extends Error {
  constructor(
    readonly code: string,
    readonly messageVi: string,
    readonly messageEn?: string,
  ) {
    super(messageVi);
    this.name = 'CallError';
  }
}

export const SESSION_PROBLEMS = ['session-locked', 'session-expired'] as const;
export type SessionProblem = (typeof SESSION_PROBLEMS)[number];

export function isSessionProblem(code: string): code is SessionProblem {
  return (SESSION_PROBLEMS as readonly string[]).includes(code);
}

/** The message to show for anything thrown by a call, in the UI's language (Vietnamese unless English was chosen): never a stack trace. */
export function messageOf(e: unknown): string {
  const english = i18next.language === 'en';
  if (e instanceof CallError) return english && e.messageEn ? e.messageEn : e.messageVi;
  return english ? 'Unexpected error. Please try again.' : 'Đã có lỗi không mong đợi. Hãy thử lại.';
}
