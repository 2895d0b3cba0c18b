import { deflateSync, inflateSync, strToU8, strFromU8 } from 'fflate';

// Sync bodies travel as deflated JSON (fflate): change-log entries repeat their keys, ids and commands, and
// compress several times over, which is what a 64 kbit/s line feels.

export function packJson(value: unknown): Uint8Array {
  return deflateSync(strToU8(JSON.stringify(value)), { level: 9 });
}

export function unpackJson<T>(bytes: Uint8Array): T {
  return JSON.parse(strFromU8(inflateSync(bytes))) as T;
}
