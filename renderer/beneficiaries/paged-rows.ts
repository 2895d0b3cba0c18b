// The beneficiary list's memory of what it has fetched: fixed-size pages fetched on demand as the clerk scrolls,
// so 100,000 rows never travel at once. Pure bookkeeping, no I/O: the hook that uses it does the calls.

export interface PageAnswer<T> {
  rows: T[];
  total: number;
  totalIsLowerBound: boolean;
}

export class PagedRows<T> {
  private readonly pages = new Map<number, T[]>();
  private readonly pending = new Set<number>();
  private knownTotal: number | null = null;
  private lowerBound = false;
  /** The first answer's total: what the count line says ("hơn 5.000"). */
  private firstTotal: number | null = null;
  /** Under a lower-bound total: the end of the list once a short page has shown it. */
  private end: number | null = null;

  constructor(readonly pageSize: number) {}

  get loaded(): boolean {
    return this.knownTotal !== null;
  }

  /** How many rows the list should be tall. Grows while scrolling when the server only gave a lower bound. */
  get count(): number {
    if (this.knownTotal === null) return 0;
    if (!this.lowerBound) return this.knownTotal;
    if (this.end !== null) return this.end;
    let lastFull = -1;
    for (const [index, rows] of this.pages) if (rows.length === this.pageSize && index > lastFull) lastFull = index;
    return Math.max(this.knownTotal, (lastFull + 2) * this.pageSize);
  }

  get countLabel(): { count: number; lowerBound: boolean } {
    if (this.lowerBound && this.end === null) return { count: Math.max(0, (this.firstTotal ?? 1) - 1), lowerBound: true };
    return { count: this.count, lowerBound: false };
  }

  row(index: number): T | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  /** Pages covering rows [first, last] that are neither loaded nor on their way. */
  missingPages(first: number, last: number): number[] {
    const out: number[] = [];
    const lastIndex = this.knownTotal === null ? Math.max(first, last) : Math.min(last, Math.max(this.count - 1, 0));
    for (let p = Math.floor(Math.max(first, 0) / this.pageSize); p <= Math.floor(lastIndex / this.pageSize); p++) {
      if (!this.pages.has(p) && !this.pending.has(p)) out.push(p);
    }
    return out;
  }

  /** Pages already fetched: asked again when the register changed, their old rows shown until the new arrive. */
  loadedPages(): number[] {
    return [...this.pages.keys()];
  }

  offsetOf(page: number): number {
    return page * this.pageSize;
  }

  markPending(page: number): void {
    this.pending.add(page);
  }

  receive(page: number, answer: PageAnswer<T>): void {
    this.pending.delete(page);
    this.pages.set(page, answer.rows);
    if (this.firstTotal === null) this.firstTotal = answer.total;
    this.lowerBound = answer.totalIsLowerBound;
    this.knownTotal = answer.totalIsLowerBound ? Math.max(this.knownTotal ?? 0, answer.total) : answer.total;
    if (answer.totalIsLowerBound && answer.rows.length < this.pageSize) this.end = this.offsetOf(page) + answer.rows.length;
  }

  failed(page: number): void {
    this.pending.delete(page);
  }
}
