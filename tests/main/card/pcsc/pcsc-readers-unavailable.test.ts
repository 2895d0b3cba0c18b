// The app without a usable PC/SC stack: no addon, or no service. It must keep running and say why in Vietnamese.
import { describe, expect, it } from 'vitest';
import { PcscReaders, type CardReaderEvent } from '../../../../main/card/pcsc/pcsc-readers';
import { loadPcsclite } from '../../../../main/card/pcsc/pcsclite-binding';
import { ReaderUnavailableError } from '../../../../main/card/pcsc/reader-unavailable-error';

describe('PcscReaders without a PC/SC stack', () => {
  it('reports the missing addon as no-driver and refuses reads with a clear message', async () => {
    const readers = new PcscReaders({ load: () => ({ ok: false, detail: "Cannot find module 'pcsclite'" }) });
    const events: CardReaderEvent[] = [];
    readers.subscribe((e) => events.push(e));
    readers.start();
    expect(readers.availability()).toBe('no-driver');
    expect(events).toEqual([{ type: 'availability', availability: 'no-driver', detail: "Cannot find module 'pcsclite'" }]);
    const error = await readers.waitForCard({ timeoutMs: 1000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReaderUnavailableError);
    expect((error as ReaderUnavailableError).reason).toBe('no-driver');
    expect((error as Error).message).toMatch(/^Máy chưa cài thành phần đọc thẻ chip/);
    await readers.close();
  });

  it('keeps retrying while the service is down and gives up the wait with no-service', async () => {
    let attempts = 0;
    const readers = new PcscReaders({
      retryMs: 50,
      load: () => ({
        ok: true,
        create: () => {
          attempts++;
          // What the addon throws when pcscd is not running.
          throw new Error('SCardEstablishContext error: Service not available.(0x8010001D)');
        },
      }),
    }).start();
    const error = await readers.waitForCard({ timeoutMs: 400 }).catch((e: unknown) => e);
    expect((error as ReaderUnavailableError).reason).toBe('no-service');
    expect(attempts).toBeGreaterThan(2);
    await readers.close();
    const after = attempts;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(attempts).toBe(after);
  });

  it('stops waiting for a card when the caller aborts', async () => {
    const readers = new PcscReaders({
      retryMs: 50,
      load: () => ({ ok: true, create: () => { throw new Error('SCardEstablishContext error: Service not available.(0x8010001D)'); } }),
    });
    const controller = new AbortController();
    const waiting = readers.waitForCard({ timeoutMs: 10_000, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('clerk cancelled')), 50);
    await expect(waiting).rejects.toThrow('clerk cancelled');
    await expect(readers.waitForCard({ timeoutMs: 10_000, signal: controller.signal })).rejects.toThrow('clerk cancelled');
    await readers.close();
  });

  it('loads the real addon when it is installed', () => {
    // The project installs it (scripts/pcsc/ensure-pcsc.sh); the test run calls that script first.
    expect(loadPcsclite().ok).toBe(true);
  });
});
