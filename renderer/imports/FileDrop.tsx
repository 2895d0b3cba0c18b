import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';

const ACCEPT = '.xlsx,.xls,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,text/csv';

/** A file chosen with the file dialog or dropped on the zone. What it really is, the main process decides from its bytes. */
export function FileDrop({ onFile, disabled }: { onFile(file: File): void; disabled?: boolean }) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  function onDrop(e: DragEvent<HTMLDivElement>) {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  }

  return (
    <div className={`file-drop${over ? ' over' : ''}`} data-testid="import-drop"
      onDragOver={(e) => { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; setOver(true); }}
      onDragLeave={() => setOver(false)} onDrop={onDrop}>
      <p className="file-drop-title">{t('imports.dropHere')}</p>
      <p className="muted">{t('imports.or')}</p>
      <button type="button" className="primary" disabled={disabled} onClick={() => inputRef.current?.click()}>{t('imports.choose')}</button>
      <input ref={inputRef} type="file" accept={ACCEPT} hidden data-testid="import-file" aria-label={t('imports.choose')}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = ''; // the same file can be chosen again after a fix
          if (file) onFile(file);
        }} />
      <p className="muted small">{t('imports.formats')}</p>
    </div>
  );
}
