import { contextBridge, ipcRenderer } from 'electron';

// The only things the page gets: one typed call into the contract, handing over a file by its bytes, and
// saving an export the services wrote (the main process asks where, in a save dialog).
contextBridge.exposeInMainWorld('ansinh', {
  call: (request: { method: string; input: unknown; token: string | null }) => ipcRenderer.invoke('ansinh:call', request),
  upload: (bytes: ArrayBuffer) => ipcRenderer.invoke('ansinh:upload', bytes),
  save: (downloadRef: string, fileName: string) => ipcRenderer.invoke('ansinh:download', downloadRef, fileName),
});
