import { afterEach, describe, expect, it } from 'vitest';
import { electronTransport, preloadApi, type PreloadApi } from '../../../renderer/api/electron-transport';

// The preload's two functions stand in for Electron's IPC: what is checked is what the renderer hands them.
describe('Electron transport', () => {
  afterEach(() => { delete (globalThis as { ansinh?: unknown }).ansinh; });

  it('hands a file over as its bytes (an ArrayBuffer, the only thing IPC carries intact) and returns the answer', async () => {
    const seen: unknown[] = [];
    const api: PreloadApi = {
      call: async () => ({ ok: true, output: {} }),
      upload: async (bytes) => { seen.push(bytes); return { ok: true, output: { fileRef: '0f8fad5b-d9cb-469f-a165-70867728950e' } }; },
      save: async () => ({ ok: true, output: { saved: true } }),
    };
    const answer = await electronTransport(api).upload(new Blob([new Uint8Array([1, 2, 250])]));
    expect(answer).toEqual({ ok: true, output: { fileRef: '0f8fad5b-d9cb-469f-a165-70867728950e' } });
    expect(seen[0]).toBeInstanceOf(ArrayBuffer);
    expect([...new Uint8Array(seen[0] as ArrayBuffer)]).toEqual([1, 2, 250]);
  });

  it('saves an export by its reference and name, leaving where to the main process', async () => {
    const asked: unknown[][] = [];
    const api: PreloadApi = {
      call: async () => ({ ok: true, output: {} }),
      upload: async () => ({ ok: false }),
      save: async (...args) => { asked.push(args); return { ok: true, output: { saved: false } }; },
    };
    expect(await electronTransport(api).save('0f8fad5b-d9cb-469f-a165-70867728950e', 'DS.xlsx')).toEqual({ ok: true, output: { saved: false } });
    expect(asked).toEqual([['0f8fad5b-d9cb-469f-a165-70867728950e', 'DS.xlsx']]);
  });

  it('is chosen only when the preload exposes all three functions', () => {
    (globalThis as { ansinh?: unknown }).ansinh = { call: () => undefined };
    expect(preloadApi()).toBeNull();
    (globalThis as { ansinh?: unknown }).ansinh = { call: () => undefined, upload: () => undefined };
    expect(preloadApi()).toBeNull();
    (globalThis as { ansinh?: unknown }).ansinh = { call: () => undefined, upload: () => undefined, save: () => undefined };
    expect(preloadApi()).not.toBeNull();
  });
});
