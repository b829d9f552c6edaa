import type { ConfirmRequest, NativeDialogs } from '../electron/services/native-dialogs';

export type DialogAnswer = { kind: 'file'; path: string | null } | { kind: 'folder'; path: string | null } | { kind: 'confirm'; confirmed: boolean };
export type AskedDialog = { kind: 'file' | 'folder'; title: string } | ({ kind: 'confirm' } & ConfirmRequest);

/**
 * Main's native dialogs, answered by a test instead of a person: queued answers first (in order, per
 * kind), then the defaults (file and folder dialogs cancelled, confirmations as `confirmByDefault`).
 * Every dialog shown is recorded, so a test can check what the user would have been asked.
 */
export class FakeDialogs implements NativeDialogs {
  readonly asked: AskedDialog[] = [];
  private readonly queued: DialogAnswer[] = [];

  constructor(private readonly confirmByDefault = false) {}

  answer(...answers: DialogAnswer[]): this {
    this.queued.push(...answers);
    return this;
  }

  private next<K extends DialogAnswer['kind']>(kind: K): Extract<DialogAnswer, { kind: K }> | undefined {
    const index = this.queued.findIndex((answer) => answer.kind === kind);
    if (index < 0) return undefined;
    return this.queued.splice(index, 1)[0] as Extract<DialogAnswer, { kind: K }>;
  }

  async openFile(request: { title: string }): Promise<string | null> {
    this.asked.push({ kind: 'file', title: request.title });
    return this.next('file')?.path ?? null;
  }

  async openFolder(request: { title: string }): Promise<string | null> {
    this.asked.push({ kind: 'folder', title: request.title });
    return this.next('folder')?.path ?? null;
  }

  async confirm(request: ConfirmRequest): Promise<boolean> {
    this.asked.push({ kind: 'confirm', ...request });
    return this.next('confirm')?.confirmed ?? this.confirmByDefault;
  }
}
