// Recognises a keyboard-wedge scanner among ordinary typing: a burst of keystrokes far faster than a person types,
// ending in Enter. Independent of which field has focus: the caller feeds every keydown of the window.
import { repairImeKeystrokes, type ImeMode } from './ime-repair';

export interface KeyStroke {
  /** KeyboardEvent.key: one character, or a name such as 'Enter', 'Backspace', 'Shift'. */
  key: string;
  /** Milliseconds, any monotonic clock. */
  time: number;
}

export interface ScanBurstOptions {
  /**
   * The typical (median) pause between two keys of one scan. Scanners send a key every few ms; people rarely type
   * under 40 ms. A single slower gap inside a fast run (a busy PC delivering keys late) does not end the scan.
   */
  maxGapMs?: number;
  /** A pause this long always ends a run of keys: what comes after is a new scan or typing. */
  pauseMs?: number;
  /** Shortest scan worth recognising (a CCCD QR is over 60 characters). */
  minLength?: number;
  imeMode?: ImeMode;
}

export type BurstEvent =
  | { kind: 'none' }
  /** Enough fast keys to be a scan: the caller may stop these keys reaching the focused field. */
  | { kind: 'burst-started'; keysSoFar: number }
  | { kind: 'scan'; text: string; keys: number; durationMs: number };

const IGNORED = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock', 'Unidentified', 'Process', 'Dead']);

export class ScanBurstRecognizer {
  private keys: KeyStroke[] = [];
  private started = false;
  /** The current run began after a pause (or a scan), not right after a person's typing. */
  private runAfterPause = true;
  private readonly maxGapMs: number;
  private readonly pauseMs: number;
  private readonly minLength: number;
  private readonly imeMode: ImeMode;

  constructor(options: ScanBurstOptions = {}) {
    this.maxGapMs = options.maxGapMs ?? 35;
    this.pauseMs = options.pauseMs ?? 400;
    this.minLength = options.minLength ?? 20;
    this.imeMode = options.imeMode ?? 'auto';
  }

  /** Keys in the current run: 0 after a scan or a reset, 1 when the last key pushed began a new run. */
  get runLength(): number {
    return this.keys.length;
  }

  reset(): void {
    this.keys = [];
    this.started = false;
    this.runAfterPause = true;
  }

  push(stroke: KeyStroke): BurstEvent {
    if (IGNORED.has(stroke.key)) return { kind: 'none' };
    const last = this.keys.at(-1);
    const gap = last ? stroke.time - last.time : 0;
    // A slow gap ends a run that was slow already (a person typing) or is a real pause; inside a fast run it is a hiccup.
    // A first key after a pause has no pace yet: the page may have been busy with it (a re-render of the field it landed
    // in), so a second key within the pause carries that run on, and the keys after it decide.
    const undecided = this.keys.length === 1 && this.runAfterPause;
    if (last && gap > this.maxGapMs && (gap > this.pauseMs || (!undecided && !this.fast(this.keys)))) {
      this.reset();
      this.runAfterPause = gap > this.pauseMs;
    }
    if (stroke.key === 'Enter' || stroke.key === 'Tab') {
      const keys = this.keys;
      const wasBurst = this.started || (this.printable(keys) >= this.minLength && this.fast(keys));
      this.reset();
      if (!wasBurst || keys.length === 0) return { kind: 'none' };
      return {
        kind: 'scan',
        text: repairImeKeystrokes(keys.map((k) => k.key), this.imeMode),
        keys: keys.length,
        durationMs: stroke.time - keys[0]!.time,
      };
    }
    this.keys.push(stroke);
    if (!this.started && this.printable(this.keys) >= Math.min(this.minLength, 8) && this.keys.length >= 8 && this.fast(this.keys)) {
      this.started = true;
      return { kind: 'burst-started', keysSoFar: this.keys.length };
    }
    return { kind: 'none' };
  }

  /** The median gap of the run is a scanner's (a run of one key has no gap to judge and is not fast). */
  private fast(keys: KeyStroke[]): boolean {
    if (keys.length < 2) return false;
    const gaps = keys.slice(1).map((k, i) => k.time - keys[i]!.time).sort((a, b) => a - b);
    return gaps[Math.floor(gaps.length / 2)]! <= this.maxGapMs;
  }

  private printable(keys: KeyStroke[]): number {
    let n = 0;
    for (const k of keys) if ([...k.key].length === 1) n++;
    return n;
  }
}
