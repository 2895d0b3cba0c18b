/** A request the hub refuses: the HTTP status, a code, and one line in Vietnamese and in English. */
export class HubRefusal extends Error {
  constructor(readonly status: number, readonly code: string, readonly vi: string, readonly en: string, readonly detail?: Record<string, unknown>) {
    super(en);
  }
}
