import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A file picker in the app's language: the browser's own input says "Choose File / No file chosen" in the language
 * of the operating system, which in many offices is English. The files are handed over as an array, read before the
 * input is cleared (so that the same file can be chosen again after a fix).
 */
export function FileChooser({ label, accept, multiple = false, disabled = false, testId, onFiles }: {
  label: string;
  accept: string;
  multiple?: boolean;
  disabled?: boolean;
  /** On the hidden input, which tests fill. */
  testId?: string;
  onFiles(files: File[]): void;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <span className="file-chooser">
      <button type="button" disabled={disabled} onClick={() => input.current?.click()}>{label}</button>
      <span className="muted small">{chosen ?? t('common.noFileChosen')}</span>
      <input ref={input} type="file" hidden accept={accept} multiple={multiple} disabled={disabled} data-testid={testId} aria-label={label}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          if (files.length === 0) return;
          setChosen(files.map((f) => f.name).join(', '));
          onFiles(files);
        }} />
    </span>
  );
}
