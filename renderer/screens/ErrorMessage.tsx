/** A failed call's message, announced to screen readers. Only the server's (or our) wording, never a stack trace. */
export function ErrorMessage({ message, onRetry, retryLabel }: { message: string | null; onRetry?: () => void; retryLabel?: string }) {
  if (!message) return null;
  return (
    <div className="error-message" role="alert" data-testid="error">
      <span>{message}</span>
      {onRetry && <button type="button" className="link-button" onClick={onRetry}>{retryLabel}</button>}
    </div>
  );
}
