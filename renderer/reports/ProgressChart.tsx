import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

/** One chart.js chart on a canvas, rebuilt when its configuration changes; the table beside it says the same in text. */
export function ChartCanvas({ config, label, testId, height = 240 }: { config: ChartConfiguration; label: string; testId: string; height?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return undefined;
    const chart = new Chart(canvas.current, { ...config, options: { ...config.options, responsive: true, maintainAspectRatio: false, animation: false } });
    return () => chart.destroy();
  }, [config]);
  return (
    <div className="report-chart" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={label} data-testid={testId} />
    </div>
  );
}
