import { contextBridge, ipcRenderer } from 'electron';

// The only thing the page gets: one typed call into the contract. No Node, no ipcRenderer, no events API.
contextBridge.exposeInMainWorld('ansinh', {
  call: (request: { method: string; input: unknown; token: string | null }) => ipcRenderer.invoke('ansinh:call', request),
});
