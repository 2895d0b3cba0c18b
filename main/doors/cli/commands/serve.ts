import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { AppError } from '../../../app/errors';
import { projectRoot } from '../../../app/app-paths';
import { prepareDatabase } from '../../../app/first-start';
import { startServicesProcess } from '../../../app/services-process/start-services-process';
import { startHostServer } from '../../host/host-server';
import type { CliCommand } from '../cli-command';

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Chạy ứng dụng trên trình duyệt (máy chủ cục bộ 127.0.0.1) / Run the app headless on 127.0.0.1',
  usage: 'ansinh serve [--db PATH] [--port N] [--open] [--json]',
  options: { port: { type: 'string' }, open: { type: 'boolean' } },
  async run(ctx) {
    // The app's own default database starts as the demo (npm start); a new path given starts empty, at the setup screen.
    const start = prepareDatabase(ctx.dbPath, { packaged: false, pathGiven: typeof ctx.values.db === 'string' && ctx.values.db !== '' });
    if (start === 'demo') ctx.progress(`Lần chạy đầu: đã tạo xã mẫu tại ${ctx.dbPath} (tài khoản: canbo / canbo123!).`);
    if (start === 'setup') ctx.progress(`Cơ sở dữ liệu mới tại ${ctx.dbPath}: mở địa chỉ dưới đây để thiết lập văn phòng. / New database: open the address below to set the office up.`);
    const services = await startServicesProcess({ dbPath: ctx.dbPath, create: true }, undefined, {
      onRestart: (code) => ctx.progress(`Dịch vụ nền đã dừng đột ngột (mã ${code ?? 'tín hiệu'}) và đã được khởi động lại. / The services process stopped and was restarted.`),
      onGiveUp: (e) => ctx.progress(`${e.messageVi} / ${e.messageEn}`),
    });
    ensureRendererBuilt(ctx.progress);
    const host = await startHostServer({ services, rendererDir: join(projectRoot(), 'dist', 'renderer'), port: ctx.values.port ? Number(ctx.values.port) : undefined });
    ctx.print({ url: host.url }, host.url);
    if (ctx.values.open) openBrowser(host.url);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await host.close();
    await services.close();
    return 0;
  },
};

function openBrowser(url: string): void {
  const opener = process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  const child = spawn(opener[0] as string, opener[1] as string[], { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}

/** As `npm start` does: build the window's files once when they are missing, rather than serve a "not built" page. */
function ensureRendererBuilt(progress: (line: string) => void): void {
  if (existsSync(join(projectRoot(), 'dist', 'renderer', 'index.html'))) return;
  progress('Đang build giao diện lần đầu… / Building the renderer…');
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: projectRoot(), stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' });
  if (r.status !== 0) throw new AppError('renderer-build-failed', 'Không build được giao diện; chạy "npm run build:renderer" để xem lỗi.', 'Could not build the renderer; run "npm run build:renderer".');
}
