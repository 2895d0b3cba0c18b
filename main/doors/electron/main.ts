import { app, BrowserWindow, dialog, ipcMain, session, type IpcMainInvokeEvent } from 'electron';
import { join } from 'node:path';
import { contract, isMethodName, requestSchema, type ContractResponse } from '../../../shared/contract/methods';
import { defaultDatabasePath, appDataDir } from '../../app/app-paths';
import { prepareDatabase } from '../../app/first-start';
import { startServicesBridge, withRestartKey, type ServicesProcess } from '../../app/services-process/services-bridge';
import { CONTENT_SECURITY_POLICY } from '../host/security-headers';
import { isOwnFrame } from './ipc-guard';
import { rememberKey, unlockForWindow } from './os-key-store';
import { utilityServicesChild } from './utility-services-child';
import { MAX_UPLOAD_BYTES, saveUpload } from '../../app/uploads';
import { DOWNLOAD_GONE, takeDownload } from '../../app/downloads';
import { copyFileSync, rmSync } from 'node:fs';
import { basename } from 'node:path';

// The Electron door: one hardened window, one IPC channel, the services in a utility process behind the same
// bridge as the headless host's (a dead services process is restarted, or reported; never a hung call). No logic here.
const rendererIndex = join(__dirname, '..', 'renderer', 'index.html');
let services: ServicesProcess | null = null;

function startServices(dbPath: string, dataKeyHex: string | undefined): Promise<ServicesProcess> {
  // The data key unwrapped from the OS key store goes to the services process only (read there, then dropped from its environment).
  const options = { dbPath, create: false, logFile: join(appDataDir(), 'ansinh.log'), dataKeyHex };
  return startServicesBridge(() => utilityServicesChild(join(__dirname, 'services-process.cjs'), options), withRestartKey(options, {
    onGiveUp: (error) => dialog.showErrorBox('An Sinh Desk', error.messageVi),
    // Unlocked on the unlock screen, or encrypted at setup: the next start opens it from the OS key store.
    onDataKey: (key) => void rememberKey(dbPath, key),
  }));
}

const FORBIDDEN_FRAME: ContractResponse = { ok: false, error: { code: 'forbidden-frame', message: 'Yêu cầu không đến từ cửa sổ của ứng dụng.' } };

function fromOwnFrame(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return !!frame && isOwnFrame(frame.url, rendererIndex, frame === event.sender.mainFrame);
}

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    title: 'An Sinh Desk',
    show: false,
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  void win.loadFile(rendererIndex);
}

app.enableSandbox();
app.whenReady().then(async () => {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (_d, callback) => callback({ cancel: true }));

  const dbPath = process.env.ANSINH_DB ?? defaultDatabasePath();
  try {
    // The installed app starts at setup; a run from the sources (npm start) on its own database, as the demo.
    prepareDatabase(dbPath, { packaged: app.isPackaged, pathGiven: process.env.ANSINH_DB !== undefined });
    services = await startServices(dbPath, await unlockForWindow(dbPath));
  } catch (e) {
    dialog.showErrorBox('An Sinh Desk', String((e as Error).message ?? e));
    app.quit();
    return;
  }

  ipcMain.handle('ansinh:call', async (event, raw: unknown): Promise<ContractResponse> => {
    if (!fromOwnFrame(event)) return FORBIDDEN_FRAME;
    const request = requestSchema.safeParse(raw);
    if (!request.success || !isMethodName(request.data.method) || !contract[request.data.method].input.safeParse(request.data.input ?? {}).success) {
      return { ok: false, error: { code: 'invalid-input', message: 'Dữ liệu gửi lên không đúng mẫu.' } };
    }
    return services!.call(request.data, 'electron');
  });
  ipcMain.handle('ansinh:upload', (event, bytes: unknown): ContractResponse | { ok: true; output: { fileRef: string } } => {
    if (!fromOwnFrame(event)) return FORBIDDEN_FRAME;
    if (!(bytes instanceof ArrayBuffer) || bytes.byteLength > MAX_UPLOAD_BYTES) {
      return { ok: false, error: { code: 'too-large', message: 'Tệp không hợp lệ hoặc quá lớn (tối đa 200 MB).' } };
    }
    return { ok: true, output: { fileRef: saveUpload(new Uint8Array(bytes)) } };
  });
  ipcMain.handle('ansinh:download', async (event, ref: unknown, fileName: unknown): Promise<ContractResponse | { ok: true; output: { saved: boolean } }> => {
    if (!fromOwnFrame(event)) return FORBIDDEN_FRAME;
    const file = typeof ref === 'string' ? takeDownload(ref) : null;
    if (!file) return { ok: false, error: DOWNLOAD_GONE };
    const name = typeof fileName === 'string' && /^[\w.-]{1,120}\.(xlsx|ansinh-backup)$/.test(basename(fileName)) ? basename(fileName) : 'danh-sach.xlsx';
    const filter = name.endsWith('.xlsx') ? { name: 'Excel', extensions: ['xlsx'] } : { name: 'An Sinh Desk backup', extensions: ['ansinh-backup'] };
    const window = BrowserWindow.fromWebContents(event.sender);
    try {
      const where = { defaultPath: join(app.getPath('documents'), name), filters: [filter] };
      const choice = await (window ? dialog.showSaveDialog(window, where) : dialog.showSaveDialog(where));
      if (choice.canceled || !choice.filePath) return { ok: true, output: { saved: false } };
      copyFileSync(file, choice.filePath);
      return { ok: true, output: { saved: true } };
    } catch (e) {
      return { ok: false, error: { code: 'download-failed', message: `Không lưu được tệp (${(e as NodeJS.ErrnoException).code ?? 'lỗi ghi'}); kiểm tra thư mục và tệp có đang mở trong Excel không.` } };
    } finally {
      // Personal data: the handed-over copy never outlives the dialog, saved or not.
      rmSync(file, { force: true });
    }
  });
  createWindow();
});

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

app.on('window-all-closed', () => {
  void (services?.close() ?? Promise.resolve()).finally(() => app.quit());
});
