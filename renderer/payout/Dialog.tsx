import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../api/call-error';

/** A modal dialog over the screen: focus inside, Escape or Huỷ closes it, nothing happens until the clerk confirms. */
export function Dialog({ title, testId, danger, children, onClose }: { title: string; testId: string; danger?: boolean; children: ReactNode; onClose(): void }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const first = box.current?.querySelector<HTMLElement>('textarea, input, select, button.primary');
    first?.focus();
  }, []);
  return (
    <div className="dialog-backdrop" onKeyDown={(e) => { if (e.key === 'Escape') onClose(); }}>
      <div ref={box} className={`dialog${danger ? ' danger' : ''}`} role="dialog" aria-modal="true" aria-labelledby={`${testId}-title`} data-testid={testId}>
        <h2 id={`${testId}-title`}>{title}</h2>
        {children}
      </div>
    </div>
  );
}

/** Yes or no before something that cannot be taken back (approve, lock, add a level): the effect said in words. */
export function ConfirmDialog({ title, body, confirmLabel, danger, testId, onConfirm, onCancel }: {
  title: string; body: ReactNode; confirmLabel: string; danger?: boolean; testId: string; onConfirm(): Promise<void>; onCancel(): void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  };
  return (
    <Dialog title={title} testId={testId} danger={danger} onClose={onCancel}>
      <div className="dialog-body">{body}</div>
      {error && <p className="field-error" role="alert">{error}</p>}
      <div className="button-row">
        <button type="button" className={`primary${danger ? ' danger' : ''}`} disabled={busy} onClick={() => void run()} data-testid={`${testId}-confirm`}>{confirmLabel}</button>
        <button type="button" disabled={busy} onClick={onCancel}>{t('payout.dialog.cancel')}</button>
      </div>
    </Dialog>
  );
}

export interface Choice {
  value: string;
  label: string;
}

/**
 * A decision that needs a reason (release a block, settle a failed line, decide an amount check): the reason is
 * checked at the field (at least 5 characters) and, when there are choices, one must be picked.
 */
export function ReasonDialog({ title, intro, choices, choiceLabel, confirmLabel, testId, danger, onConfirm, onCancel }: {
  title: string; intro?: ReactNode; choices?: Choice[]; choiceLabel?: string; confirmLabel: string; testId: string; danger?: boolean;
  onConfirm(reason: string, choice: string | null): Promise<void>; onCancel(): void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [choice, setChoice] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reasonError = reason.trim().length === 0 ? t('payout.dialog.reasonNeeded') : reason.trim().length < 5 ? t('payout.dialog.reasonTooShort') : null;
  const choiceError = choices && !choice ? t('payout.dialog.chooseOne') : null;
  const run = async () => {
    setTried(true);
    if (reasonError || choiceError) return;
    setBusy(true);
    setError(null);
    try {
      await onConfirm(reason.trim(), choice);
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  };
  return (
    <Dialog title={title} testId={testId} danger={danger} onClose={onCancel}>
      {intro && <div className="dialog-body">{intro}</div>}
      {choices && (
        <fieldset className="dialog-choices" aria-invalid={tried && !!choiceError}>
          <legend>{choiceLabel}</legend>
          {choices.map((c) => (
            <label key={c.value}>
              <input type="radio" name={`${testId}-choice`} value={c.value} checked={choice === c.value} onChange={() => setChoice(c.value)} data-testid={`${testId}-choice-${c.value}`} /> {c.label}
            </label>
          ))}
          {tried && choiceError && <p className="field-error" role="alert">{choiceError}</p>}
        </fieldset>
      )}
      <label htmlFor={`${testId}-reason`}>{t('payout.dialog.reason')}</label>
      <textarea id={`${testId}-reason`} rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} data-testid={`${testId}-reason`}
        aria-invalid={tried && !!reasonError} aria-describedby={`${testId}-reason-error`} />
      {tried && reasonError && <p id={`${testId}-reason-error`} className="field-error" role="alert">{reasonError}</p>}
      {error && <p className="field-error" role="alert">{error}</p>}
      <div className="button-row">
        <button type="button" className={`primary${danger ? ' danger' : ''}`} disabled={busy} onClick={() => void run()} data-testid={`${testId}-confirm`}>{confirmLabel}</button>
        <button type="button" disabled={busy} onClick={onCancel}>{t('payout.dialog.cancel')}</button>
      </div>
    </Dialog>
  );
}
