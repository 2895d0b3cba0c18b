import type { ContractRequest } from '../../shared/contract/methods';

/** Carries one contract request to the main process and brings back its raw (not yet validated) answer. */
export interface Transport {
  readonly kind: 'electron' | 'http';
  send(request: ContractRequest): Promise<unknown>;
  /** Hands a file's bytes to the main process; the raw answer is `{ok:true, output:{fileRef}}` or a refusal. */
  upload(file: Blob): Promise<unknown>;
  /** Saves an export by its reference; the raw answer is `{ok:true, output:{saved}}` or a refusal. */
  save(downloadRef: string, fileName: string): Promise<unknown>;
}
