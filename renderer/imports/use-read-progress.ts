import { useEffect, useState } from 'react';
import type { ContractClient } from '../api/client';

const POLL_MS = 800;

/** Rows the main process has read of the file being previewed, asked every POLL_MS while `fileRef` is set. */
export function useReadProgress(client: ContractClient, fileRef: string | null): number | null {
  const [rowsRead, setRowsRead] = useState<number | null>(null);
  useEffect(() => {
    setRowsRead(null);
    if (!fileRef) return;
    let live = true;
    const ask = () => {
      client.call('import.progress', { fileRef }).then(
        (progress) => { if (live && progress) setRowsRead(progress.rowsRead); },
        () => undefined, // progress is a courtesy: the preview's own answer reports any failure
      );
    };
    const timer = window.setInterval(ask, POLL_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [client, fileRef]);
  return rowsRead;
}
