import { contextBridge, ipcRenderer } from 'electron';

// The only things the page gets: one typed call into the contract, and handing over a file by its bytes.
contextBridge.exposeInMainWorld('ansinh', {
  call: (request: { method: string; input: unknown; token: string | null }) => ipcRenderer.invoke('ansinh:call', request),
  upload: (bytes: ArrayBuffer) => ipcRenderer.invoke('ansinh:upload', bytes),
});
