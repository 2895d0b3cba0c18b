import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { isOwnFrame } from '../../../../main/doors/electron/ipc-guard';

const index = '/opt/An Sinh Desk/resources/app.asar/dist/renderer/index.html';
const own = pathToFileURL(index).href;

describe('IPC sender check', () => {
  it('accepts only the top frame of our own page', () => {
    expect(isOwnFrame(own, index, true)).toBe(true);
    expect(isOwnFrame(`${own}#/doi-tuong`, index, true)).toBe(true);
    expect(isOwnFrame(own, index, false)).toBe(false); // an iframe
    expect(isOwnFrame('https://evil.example/', index, true)).toBe(false);
    expect(isOwnFrame(pathToFileURL('/tmp/index.html').href, index, true)).toBe(false);
    expect(isOwnFrame(`${own}.evil.html`, index, true)).toBe(false);
    expect(isOwnFrame(undefined, index, true)).toBe(false);
  });
});
