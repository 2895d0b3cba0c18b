import { useEffect, useRef } from 'react';
import { ScanBurstRecognizer } from '../../shared/card/scan-burst';

// Scanners type a key every few ms; 50 ms leaves room for a busy office PC and is still far from people, who would
// have to keep it up for the 20 keys a scan must have.
const MAX_GAP_MS = 50;

type Editable = HTMLInputElement | HTMLTextAreaElement;

function editableTarget(target: EventTarget | null): Editable | null {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement ? target : null;
}

/** Sets a field's value so that React's onChange sees it (React tracks the value through the native setter). */
function restoreValue(el: Editable, value: string): void {
  if (el.value === value) return;
  const proto = el instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * While `enabled`, listens to every key of the window (whatever has focus) and reports a keyboard-wedge scanner's
 * burst ending in Enter. Once a burst is recognised its keys no longer reach the focused field, and the few keys that
 * got there before recognition are taken back. Characters a scanner sends without a key event of their own (Unicode
 * input of Vietnamese letters) arrive as `beforeinput` and are counted too.
 */
export function useQrScan(enabled: boolean, onScan: (text: string) => void): void {
  const onScanRef = useRef(onScan);
  onScanRef.current = onScan;

  useEffect(() => {
    if (!enabled) return;
    const recognizer = new ScanBurstRecognizer({ maxGapMs: MAX_GAP_MS });
    let inBurst = false;
    let snapshot: { el: Editable; value: string } | null = null;
    let keydownChar: string | null = null;

    function stroke(key: string, time: number, target: EventTarget | null, event: Event) {
      const snapshotBefore = editableTarget(target);
      const valueBefore = snapshotBefore?.value ?? '';
      const result = recognizer.push({ key, time });
      if (recognizer.runLength === 1) {
        // This key began a new run: the field as it was before it is what a recognised scan restores.
        inBurst = false;
        snapshot = snapshotBefore ? { el: snapshotBefore, value: valueBefore } : null;
      }
      if (result.kind === 'burst-started') {
        inBurst = true;
        if (snapshot) restoreValue(snapshot.el, snapshot.value);
      }
      if (inBurst || result.kind === 'scan') {
        event.preventDefault();
        event.stopPropagation();
      }
      if (result.kind === 'scan') {
        inBurst = false;
        onScanRef.current(result.text);
      }
    }

    const onKeyDown = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || (e.altKey && e.key.length !== 1)) return;
      keydownChar = [...e.key].length === 1 ? e.key : null;
      stroke(e.key, e.timeStamp, e.target, e);
    };
    const onBeforeInput = (e: Event) => {
      const input = e as InputEvent;
      const expected = keydownChar;
      keydownChar = null;
      // One character at a time, as a scanner types; a longer insertion is a paste, an autofill or an IME commit.
      if (input.inputType !== 'insertText' || !input.data || [...input.data].length !== 1) return;
      if (input.data === expected) {
        if (inBurst) e.preventDefault(); // its keydown was counted (and refused) already
        return;
      }
      stroke(input.data, input.timeStamp, e.target, e);
    };

    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('beforeinput', onBeforeInput, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('beforeinput', onBeforeInput, true);
    };
  }, [enabled]);
}
