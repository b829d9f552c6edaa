import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDialogInfo } from './browser-dialogs';
import { BrowserDialogs, DIALOG_CONTENT_SECURITY_POLICY } from './browser-dialogs';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

let server: http.Server;
let origin: string;
let dialogs: BrowserDialogs;
let home: string;

beforeAll(async () => {
  home = await realpath(await mkdtemp(path.join(os.tmpdir(), 'browser-dialogs-')));
  let next = 0;
  dialogs = new BrowserDialogs({ homeDir: home, idFactory: () => `id${++next}` });
  server = http.createServer((request, response) => dialogs.handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  dialogs.cancelAll();
  await new Promise((resolve) => server.close(resolve));
  await rm(home, { recursive: true, force: true });
});

function latest(): OpenDialogInfo {
  const info = dialogs.pending().at(-1);
  if (!info) throw new Error('no pending dialog');
  return info;
}

function get(pathAndQuery: string): Promise<Response> {
  return fetch(`${origin}${pathAndQuery}`, { redirect: 'manual' });
}

/** A form post as the dialog page's browser sends it: Origin is the page's own (Host is 127.0.0.1:port here). */
function post(dialogPath: string, fields: Record<string, string>, headers: Record<string, string> = { origin }): Promise<Response> {
  return fetch(`${origin}${dialogPath}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}

async function newFolder(name: string): Promise<string> {
  const folder = path.join(home, name);
  await mkdir(folder, { recursive: true });
  return folder;
}

describe('browser dialogs', () => {
  it('answer a confirm with its confirm button (true) or cancel button (false), and tell listeners', async () => {
    const changes: OpenDialogInfo[][] = [];
    const unsubscribe = dialogs.onChange((pending) => changes.push(pending));
    const answer = dialogs.confirm({ message: 'Use this location?', detail: '/data/store\n\nBackups go there.', confirmLabel: 'Use it', cancelLabel: 'Keep' });
    const info = latest();
    expect(info).toEqual({ id: info.id, title: 'Use this location?', path: `/dialog/${info.id}` });
    expect(changes.at(-1)).toEqual([info]);

    const page = await get(info.path);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CSP);
    expect(DIALOG_CONTENT_SECURITY_POLICY).toBe(CSP);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html).toContain('<title>Use this location?</title>');
    expect(html).toContain('<p class="detail">/data/store\n\nBackups go there.</p>');
    expect(html).not.toContain('<script');
    expect(html.indexOf('value="cancel">Keep<')).toBeGreaterThan(0);
    expect(html.indexOf('value="cancel">Keep<')).toBeLessThan(html.indexOf('value="confirm" class="primary">Use it<'));
    expect(html).toContain(`<form method="post" action="/dialog/${info.id}"`);

    const done = await post(info.path, { action: 'confirm' });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Done — you can close this tab and go back to the app.');
    await expect(answer).resolves.toBe(true);
    expect(dialogs.pending()).toEqual([]);
    expect(changes.at(-1)).toEqual([]);

    const refused = dialogs.confirm({ message: 'Sure?', detail: 'x', confirmLabel: 'Yes', cancelLabel: 'No' });
    expect((await post(latest().path, { action: 'cancel' })).status).toBe(200);
    await expect(refused).resolves.toBe(false);
    expect(dialogs.pending()).toEqual([]);
    unsubscribe();
    const before = changes.length;
    void dialogs.confirm({ message: 'Unheard', detail: '', confirmLabel: 'Yes', cancelLabel: 'No' });
    expect(changes.length).toBe(before);
    dialogs.cancelAll();
  });

  it('choose the folder shown in a folder dialog, resolved', async () => {
    const store = await newFolder('store');
    const chosen = dialogs.openFolder({ title: 'Choose a folder for the backup store', buttonLabel: 'Use this folder' });
    const info = latest();
    const html = await (await get(`${info.path}?dir=${encodeURIComponent(home)}`)).text();
    expect(html).toContain('<title>Choose a folder for the backup store</title>');
    expect(html).toContain(`href="/dialog/${info.id}?dir=${encodeURIComponent(store)}">store/</a>`);
    expect(html).toContain(`name="dir" value="${home}"`);
    expect(html).toContain(`href="/dialog/${info.id}?dir=${encodeURIComponent(path.dirname(home))}"`);
    expect(html).toContain('value="choose" class="primary">Use this folder</button>');

    expect((await post(info.path, { action: 'choose', path: `${store}/../store/` })).status).toBe(200);
    await expect(chosen).resolves.toBe(store);
    expect(dialogs.pending()).toEqual([]);
  });

  it('shows the home folder by default, hidden folders after the others, and a message for a folder it cannot open', async () => {
    await newFolder('.hidden');
    await newFolder('visible');
    void dialogs.openFolder({ title: 'Pick', buttonLabel: 'Pick' });
    const info = latest();
    const html = await (await get(info.path)).text();
    expect(html).toContain(`<span class="path">${home}</span>`);
    expect(html.indexOf('>visible/<')).toBeGreaterThan(0);
    expect(html.indexOf('>.hidden/<')).toBeGreaterThan(html.indexOf('>visible/<'));

    const missing = path.join(home, 'missing');
    const page = await get(`${info.path}?dir=${encodeURIComponent(missing)}`);
    expect(page.status).toBe(200);
    const missingHtml = await page.text();
    expect(missingHtml).toContain(`Cannot open ${missing}: no such folder.`);
    expect(missingHtml).toContain('name="dir"');
    expect(missingHtml).toContain('value="cancel">Cancel</button>');
    dialogs.cancelAll();
  });

  it('refuses a file for a folder dialog (400) and keeps the dialog pending', async () => {
    const file = path.join(home, 'not-a-folder.txt');
    await writeFile(file, 'x');
    void dialogs.openFolder({ title: 'Pick', buttonLabel: 'Pick' });
    const info = latest();
    const response = await post(info.path, { action: 'choose', path: file });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain(`${file} is not a folder.`);
    const relative = await post(info.path, { action: 'choose', path: 'relative/folder' });
    expect(relative.status).toBe(400);
    expect(dialogs.pending()).toEqual([info]);
    dialogs.cancelAll();
  });

  it('refuses a post without Origin, with Origin null, or from another origin (403), and keeps the dialog pending', async () => {
    void dialogs.confirm({ message: 'Sure?', detail: 'x', confirmLabel: 'Yes', cancelLabel: 'No' });
    const info = latest();
    const origins: Record<string, string>[] = [{}, { origin: 'null' }, { origin: 'http://127.0.0.1:1' }, { origin: origin.replace('127.0.0.1', 'localhost') }];
    for (const headers of origins) {
      const response = await post(info.path, { action: 'confirm' }, headers);
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    }
    expect(dialogs.pending()).toEqual([info]);
    dialogs.cancelAll();
  });

  it('answers an unknown or answered dialog with 404, and any other path with a plain 404', async () => {
    const unknown = await get('/dialog/nope');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-security-policy')).toBe(CSP);
    expect(await unknown.text()).toContain('This dialog was already answered or has expired. You can close this tab.');
    expect((await post('/dialog/nope', { action: 'confirm' })).status).toBe(404);
    const other = await get('/');
    expect(other.status).toBe(404);
    expect(other.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect((await get('/dialog/a/b')).status).toBe(404);
  });

  it('escapes every name it shows', async () => {
    const parent = await newFolder('escaping');
    await mkdir(path.join(parent, '<script>x'));
    await writeFile(path.join(parent, `"quoted" & 'single'.txt`), '');
    void dialogs.openFile({ title: '<b>Title</b>', buttonLabel: 'Use' });
    const info = latest();
    const html = await (await get(`${info.path}?dir=${encodeURIComponent(parent)}`)).text();
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&#60;script&#62;x/</a>');
    expect(html).toContain('<title>&#60;b&#62;Title&#60;/b&#62;</title>');
    expect(html).toContain('&#34;quoted&#34; &#38; &#39;single&#39;.txt</button>');
    dialogs.cancelAll();
  });

  it('lists files (and links to files) in a file dialog, each its own button, and chooses one', async () => {
    const bin = await newFolder('bin');
    const program = path.join(bin, 'plakar');
    await writeFile(program, '#!/bin/sh\n');
    await symlink(program, path.join(bin, 'plakar-link'));
    await mkdir(path.join(bin, 'sub'));
    const chosen = dialogs.openFile({ title: 'Choose the plakar program', buttonLabel: 'Use this plakar' });
    const info = latest();
    const html = await (await get(`${info.path}?dir=${encodeURIComponent(bin)}`)).text();
    expect(html).toContain(`<button type="submit" name="path" value="${program}" aria-label="Choose plakar">plakar</button>`);
    expect(html).toContain('aria-label="Choose plakar-link">plakar-link</button>');
    expect(html).toContain('>sub/</a>');
    expect(html.indexOf('>sub/</a>')).toBeLessThan(html.indexOf('>plakar</button>'));

    // A typed file path shows its folder.
    expect(await (await get(`${info.path}?dir=${encodeURIComponent(program)}`)).text()).toContain(`<span class="path">${bin}</span>`);
    expect((await post(info.path, { action: 'choose', path: bin })).status).toBe(400);
    expect((await post(info.path, { action: 'choose', path: program })).status).toBe(200);
    await expect(chosen).resolves.toBe(program);
  });

  it('answers null when a file or folder dialog is cancelled', async () => {
    const file = dialogs.openFile({ title: 'File', buttonLabel: 'Use' });
    expect((await post(latest().path, { action: 'cancel' })).status).toBe(200);
    await expect(file).resolves.toBeNull();
    const folder = dialogs.openFolder({ title: 'Folder', buttonLabel: 'Use' });
    expect((await post(latest().path, { action: 'cancel', path: home })).status).toBe(200);
    await expect(folder).resolves.toBeNull();
  });

  it('keeps several dialogs independent, and cancelAll answers them all', async () => {
    const changes: OpenDialogInfo[][] = [];
    const unsubscribe = dialogs.onChange((pending) => changes.push(pending));
    const file = dialogs.openFile({ title: 'File', buttonLabel: 'Use' });
    const folder = dialogs.openFolder({ title: 'Folder', buttonLabel: 'Use' });
    const question = dialogs.confirm({ message: 'Question', detail: '', confirmLabel: 'Yes', cancelLabel: 'No' });
    expect(dialogs.pending().map((info) => info.title)).toEqual(['File', 'Folder', 'Question']);
    expect((await post(dialogs.pending()[1]!.path, { action: 'choose', path: home })).status).toBe(200);
    await expect(folder).resolves.toBe(home);
    expect(dialogs.pending().map((info) => info.title)).toEqual(['File', 'Question']);

    dialogs.cancelAll();
    await expect(file).resolves.toBeNull();
    await expect(question).resolves.toBe(false);
    expect(dialogs.pending()).toEqual([]);
    expect(changes.at(-1)).toEqual([]);
    unsubscribe();
  });

  it('refuses a form body over 16 KiB (413) and a post that is not a form (415)', async () => {
    void dialogs.confirm({ message: 'Sure?', detail: 'x', confirmLabel: 'Yes', cancelLabel: 'No' });
    const info = latest();
    expect((await post(info.path, { action: 'confirm', padding: 'x'.repeat(17 * 1024) })).status).toBe(413);
    const json = await fetch(`${origin}${info.path}`, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: '{"action":"confirm"}' });
    expect(json.status).toBe(415);
    expect(dialogs.pending()).toEqual([info]);
    dialogs.cancelAll();
  });

  it('creates a new folder in a folder dialog and shows it, refusing names that are not one folder', async () => {
    const parent = await newFolder('creating');
    void dialogs.openFolder({ title: 'Pick', buttonLabel: 'Pick' });
    const info = latest();
    const created = await post(info.path, { action: 'mkdir', dir: parent, name: 'backups' });
    expect(created.status).toBe(303);
    const location = created.headers.get('location');
    expect(location).toBe(`${info.path}?dir=${encodeURIComponent(path.join(parent, 'backups'))}`);
    expect(await (await get(location!)).text()).toContain(`<span class="path">${path.join(parent, 'backups')}</span>`);

    for (const name of ['a/b', 'a\\b', '..', '.', '', 'a\0b']) {
      const refused = await post(info.path, { action: 'mkdir', dir: parent, name });
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain('role="alert"');
    }
    const again = await post(info.path, { action: 'mkdir', dir: parent, name: 'backups' });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('it already exists');
    expect(dialogs.pending()).toEqual([info]);
    dialogs.cancelAll();
  });
});
