import { randomBytes } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { mkdir, readdir, stat } from 'node:fs/promises';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { ConfirmRequest, NativeDialogs } from '../services/native-dialogs';
import type { FolderEntry, PickerView } from './dialog-html';
import { confirmPage, messagePage, pickerPage } from './dialog-html';
import { describeError, folderNameProblem, pathProblem } from './dialog-paths';

export interface OpenDialogInfo {
  id: string;
  title: string;
  /** `/dialog/<id>`, on the dialogs origin (http://localhost:PORT). */
  path: string;
}

interface PickRequest {
  title: string;
  buttonLabel: string;
}

type PendingDialog =
  | { kind: 'confirm'; id: string; request: ConfirmRequest; answer: (confirmed: boolean) => void }
  | { kind: 'file' | 'folder'; id: string; request: PickRequest; answer: (chosen: string | null) => void };

type PickerDialog = Extract<PendingDialog, { kind: 'file' | 'folder' }>;

const MAX_BODY_BYTES = 16 * 1024;
const MAX_LISTED_ENTRIES = 2000;

export const DIALOG_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const SECURITY_HEADERS: http.OutgoingHttpHeaders = {
  'content-security-policy': DIALOG_CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  // Not no-referrer: under that policy browsers send `Origin: null` with a form post, and the post's
  // Origin is what proves it came from this page. same-origin still sends no Referer elsewhere.
  'referrer-policy': 'same-origin',
  'cache-control': 'no-store',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

const DONE = 'Done — you can close this tab and go back to the app.';
const EXPIRED = 'This dialog was already answered or has expired. You can close this tab.';

/**
 * NativeDialogs for browser mode: each dialog is a page on the dialogs origin (http://localhost:PORT),
 * which the app's page (http://127.0.0.1:PORT) can neither read, frame nor post to, so only the user
 * answers it (docs/security.md, "A compromised renderer"). Pages have no script: links, GET and POST forms.
 */
export class BrowserDialogs implements NativeDialogs {
  private readonly dialogs = new Map<string, PendingDialog>();
  private readonly listeners = new Set<(pending: OpenDialogInfo[]) => void>();
  private readonly homeDir: string;
  private readonly newId: () => string;

  constructor(options: { homeDir?: string; idFactory?: () => string } = {}) {
    this.homeDir = path.resolve(options.homeDir ?? os.homedir());
    // The id is the only thing that keeps other local users, who can reach the port too, out of a dialog.
    this.newId = options.idFactory ?? (() => randomBytes(16).toString('base64url'));
  }

  openFile(request: PickRequest): Promise<string | null> {
    return new Promise((resolve) => this.add({ kind: 'file', id: this.newId(), request, answer: resolve }));
  }

  openFolder(request: PickRequest): Promise<string | null> {
    return new Promise((resolve) => this.add({ kind: 'folder', id: this.newId(), request, answer: resolve }));
  }

  confirm(request: ConfirmRequest): Promise<boolean> {
    return new Promise((resolve) => this.add({ kind: 'confirm', id: this.newId(), request, answer: resolve }));
  }

  /** The dialogs waiting for an answer, oldest first. */
  pending(): OpenDialogInfo[] {
    return [...this.dialogs.values()].map((dialog) => ({
      id: dialog.id,
      title: dialog.kind === 'confirm' ? dialog.request.message : dialog.request.title,
      path: dialogPath(dialog.id),
    }));
  }

  /** Called whenever the list of pending dialogs changes (opened or answered). Returns unsubscribe. */
  onChange(listener: (pending: OpenDialogInfo[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Cancels every pending dialog (file/folder → null, confirm → false): used when the server stops. */
  cancelAll(): void {
    if (this.dialogs.size === 0) return;
    const cancelled = [...this.dialogs.values()];
    this.dialogs.clear();
    for (const dialog of cancelled) cancel(dialog);
    this.notify();
  }

  /** Handles one HTTP request addressed to the dialogs origin (the caller already checked the Host is localhost). */
  handle(request: http.IncomingMessage, response: http.ServerResponse): void {
    this.route(request, response).catch(() => {
      if (!response.headersSent) sendText(response, 500, 'Internal error.');
      else response.destroy();
    });
  }

  private add(dialog: PendingDialog): void {
    if (this.dialogs.has(dialog.id)) throw new Error(`A dialog with id ${dialog.id} is already pending`);
    this.dialogs.set(dialog.id, dialog);
    this.notify();
  }

  private notify(): void {
    const pending = this.pending();
    for (const listener of [...this.listeners]) listener(pending);
  }

  private async route(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const id = dialogId(url.pathname);
    if (id === undefined) return sendText(response, 404, 'Not found.');
    if (request.method !== 'GET' && request.method !== 'POST') {
      return sendText(response, 405, 'Method not allowed.', { allow: 'GET, POST' });
    }
    if (request.method === 'POST') {
      const origin = request.headers.origin;
      if (origin === undefined || request.headers.host === undefined || origin !== `http://${request.headers.host}`) {
        return sendText(response, 403, 'Refused: this answer did not come from the dialog page.');
      }
    }
    const dialog = this.dialogs.get(id);
    if (!dialog) return sendHtml(response, 404, messagePage('Dialog closed', EXPIRED));
    if (request.method === 'GET') {
      if (dialog.kind === 'confirm') return sendHtml(response, 200, confirmPage({ formPath: dialogPath(id), ...dialog.request }));
      return sendHtml(response, 200, await this.renderPicker(dialog, this.typedFolder(url.searchParams.get('dir'))));
    }

    if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(request.headers['content-type'] ?? '')) {
      return sendText(response, 415, 'Expected a form post.');
    }
    const body = await readBody(request);
    if (body === undefined) return sendText(response, 413, 'The form is too large.', { connection: 'close' });
    const form = new URLSearchParams(body);
    const action = form.get('action');
    if (action === 'cancel' || (dialog.kind === 'confirm' && action === 'confirm')) {
      return this.finish(dialog, response, action === 'confirm' ? true : null);
    }
    if (dialog.kind === 'confirm') {
      return sendHtml(response, 400, confirmPage({ formPath: dialogPath(id), ...dialog.request, error: 'Choose one of the buttons.' }));
    }
    if (action === 'mkdir') return this.createFolder(dialog, form, response);
    if (action !== 'choose') return sendHtml(response, 400, await this.renderPicker(dialog, this.homeDir, 'Choose one of the buttons.'));

    const chosen = form.get('path') ?? '';
    const problem = await pathProblem(dialog.kind, chosen);
    if (problem === undefined) return this.finish(dialog, response, path.resolve(chosen));
    const shown = path.isAbsolute(chosen) ? path.dirname(path.resolve(chosen)) : this.homeDir;
    return sendHtml(response, 400, await this.renderPicker(dialog, shown, problem));
  }

  private finish(dialog: PendingDialog, response: http.ServerResponse, answer: string | true | null): void {
    // Another answer, or cancelAll, may have come in while this post's body or path was being read.
    if (this.dialogs.get(dialog.id) !== dialog) return sendHtml(response, 404, messagePage('Dialog closed', EXPIRED));
    this.dialogs.delete(dialog.id);
    if (dialog.kind === 'confirm') dialog.answer(answer === true);
    else dialog.answer(typeof answer === 'string' ? answer : null);
    sendHtml(response, 200, messagePage('Done', DONE));
    this.notify();
  }

  private async createFolder(dialog: PickerDialog, form: URLSearchParams, response: http.ServerResponse): Promise<void> {
    const parent = form.get('dir') ?? '';
    const name = form.get('name') ?? '';
    if (!path.isAbsolute(parent)) {
      return sendHtml(response, 400, await this.renderPicker(dialog, this.homeDir, 'The new folder needs an absolute parent folder.'));
    }
    let problem = folderNameProblem(name);
    if (problem === undefined) {
      const created = path.join(path.resolve(parent), name);
      try {
        await mkdir(created);
        // Shows the new folder through a redirect, so reloading that page does not post again.
        response.writeHead(303, { ...SECURITY_HEADERS, location: `${dialogPath(dialog.id)}?dir=${encodeURIComponent(created)}` });
        return void response.end();
      } catch (cause) {
        problem = `Cannot create ${created}: ${describeError(cause, 'folder')}.`;
      }
    }
    sendHtml(response, 400, await this.renderPicker(dialog, path.resolve(parent), problem, name));
  }

  /** The `dir` of the query: empty means the home folder; `~` and relative paths are taken from there. */
  private typedFolder(typed: string | null): string {
    const text = (typed ?? '').trim();
    if (text === '' || text === '~') return this.homeDir;
    if (text.startsWith('~/') || text.startsWith(`~${path.sep}`)) return path.join(this.homeDir, text.slice(2));
    return path.resolve(this.homeDir, text);
  }

  private async renderPicker(dialog: PickerDialog, requested: string, error?: string, newFolderName?: string): Promise<string> {
    // A file typed into a file dialog's Go-to shows its folder, where it can be chosen.
    const typedFile = dialog.kind === 'file' && (await stat(requested).catch(() => undefined))?.isFile();
    const folder = typedFile ? path.dirname(requested) : requested;
    const view: PickerView = { kind: dialog.kind, formPath: dialogPath(dialog.id), ...dialog.request, folder, entries: [], omitted: 0, error, newFolderName };
    let listed: Dirent[];
    try {
      listed = await readdir(folder, { withFileTypes: true });
    } catch (cause) {
      return pickerPage({ ...view, cannotOpen: `Cannot open ${folder}: ${describeError(cause, 'folder')}.` });
    }
    const entries: FolderEntry[] = [];
    for (const entry of listed) {
      const entryPath = path.join(folder, entry.name);
      let isFolder = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await stat(entryPath).catch(() => undefined);
        isFolder = target?.isDirectory() ?? false;
        isFile = target?.isFile() ?? false;
      }
      if (isFolder || (isFile && dialog.kind === 'file')) entries.push({ name: entry.name, path: entryPath, isFolder });
    }
    // Hidden entries come after the others rather than being left out: plakar is often in ~/.local/bin.
    const rank = (entry: FolderEntry): number => (entry.name.startsWith('.') ? 2 : 0) + (entry.isFolder ? 0 : 1);
    entries.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, undefined, { numeric: true, sensitivity: 'base' }));
    const parent = path.dirname(folder);
    return pickerPage({
      ...view,
      parent: parent === folder ? undefined : parent,
      entries: entries.slice(0, MAX_LISTED_ENTRIES),
      omitted: Math.max(0, entries.length - MAX_LISTED_ENTRIES),
    });
  }
}

function dialogPath(id: string): string {
  return `/dialog/${encodeURIComponent(id)}`;
}

function dialogId(pathname: string): string | undefined {
  const match = /^\/dialog\/([^/]+)$/.exec(pathname);
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
}

function cancel(dialog: PendingDialog): void {
  if (dialog.kind === 'confirm') dialog.answer(false);
  else dialog.answer(null);
}

/** The form's body, or undefined when it is larger than MAX_BODY_BYTES (the rest is then discarded). */
function readBody(request: http.IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      request.resume();
      return resolve(undefined);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else resolve(undefined);
    });
    request.on('end', () => resolve(size <= MAX_BODY_BYTES ? Buffer.concat(chunks).toString('utf8') : undefined));
    request.on('error', reject);
  });
}

function sendHtml(response: http.ServerResponse, status: number, html: string): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/html; charset=utf-8' });
  response.end(html);
}

function sendText(response: http.ServerResponse, status: number, text: string, headers: http.OutgoingHttpHeaders = {}): void {
  response.writeHead(status, { ...SECURITY_HEADERS, ...headers, 'content-type': 'text/plain; charset=utf-8' });
  response.end(`${text}\n`);
}
