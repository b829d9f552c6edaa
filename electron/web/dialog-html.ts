/**
 * The HTML of browser mode's dialogs (electron/web/browser-dialogs.ts): plain server-rendered pages
 * without any script, answered by form posts. Every piece of text goes through escapeHtml.
 */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

const style = `
:root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
body { max-width: 640px; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.35rem; margin: 0 0 1rem; }
.path, .detail { overflow-wrap: anywhere; }
.path { font-family: ui-monospace, monospace; }
.detail { white-space: pre-wrap; }
.error { border-left: 4px solid #c62828; padding: 0.25rem 0.75rem; }
form { margin: 0; }
.row { display: flex; gap: 0.5rem; align-items: center; margin: 0.75rem 0; flex-wrap: wrap; }
.row input[type=text] { flex: 1; min-width: 12rem; }
.actions { display: flex; gap: 0.5rem; justify-content: flex-end; margin-top: 1.5rem; flex-wrap: wrap; }
input, button { font: inherit; min-height: 32px; box-sizing: border-box; }
input[type=text] { padding: 0.2rem 0.5rem; }
button { padding: 0.2rem 1rem; border: 1px solid #888; border-radius: 6px; background: Canvas; color: CanvasText; cursor: pointer; }
button.primary { background: #1a56b8; border-color: #1a56b8; color: #fff; }
:focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
ul.entries { list-style: none; padding: 0; margin: 0.5rem 0; border: 1px solid #8884; border-radius: 6px; max-height: 60vh; overflow: auto; }
ul.entries li { border-bottom: 1px solid #8882; }
ul.entries li:last-child { border-bottom: none; }
ul.entries a, ul.entries button { display: block; width: 100%; text-align: left; padding: 0.3rem 0.75rem; min-height: 32px; border: none; border-radius: 0; background: none; color: inherit; overflow-wrap: anywhere; }
ul.entries a:hover, ul.entries button:hover { background: #8882; }
.muted { opacity: 0.75; }
header { font-size: 0.85rem; margin-bottom: 0.25rem; }
`;

export function htmlDocument(title: string, body: string): string {
  return (
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(title)}</title><style>${style}</style></head>\n<body><header class="muted">Notion Kloset Backup asks</header><main>\n${body}\n</main></body></html>\n`
  );
}

export function messagePage(title: string, message: string): string {
  return htmlDocument(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>`);
}

function errorBlock(error: string | undefined): string {
  return error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : '';
}

export interface ConfirmView {
  formPath: string;
  message: string;
  detail: string;
  confirmLabel: string;
  cancelLabel: string;
  error?: string;
}

export function confirmPage(view: ConfirmView): string {
  return htmlDocument(
    view.message,
    `<h1>${escapeHtml(view.message)}</h1>${errorBlock(view.error)}<p class="detail">${escapeHtml(view.detail)}</p>` +
      `<form method="post" action="${escapeHtml(view.formPath)}" class="actions">` +
      `<button type="submit" name="action" value="cancel">${escapeHtml(view.cancelLabel)}</button>` +
      `<button type="submit" name="action" value="confirm" class="primary">${escapeHtml(view.confirmLabel)}</button></form>`,
  );
}

export interface FolderEntry {
  name: string;
  path: string;
  isFolder: boolean;
}

export interface PickerView {
  kind: 'file' | 'folder';
  formPath: string;
  title: string;
  buttonLabel: string;
  /** The folder shown, absolute (or what the user typed, when it cannot be opened). */
  folder: string;
  /** Why the folder cannot be listed; the page then keeps only the Go-to form and Cancel. */
  cannotOpen?: string;
  parent?: string;
  entries: FolderEntry[];
  /** Entries left out of a very large folder. */
  omitted: number;
  error?: string;
  newFolderName?: string;
}

export function pickerPage(view: PickerView): string {
  const action = escapeHtml(view.formPath);
  const folderLink = (folder: string): string => escapeHtml(`${view.formPath}?dir=${encodeURIComponent(folder)}`);
  const goTo =
    `<form method="get" action="${action}" class="row"><label for="dir">Go to</label>` +
    `<input type="text" id="dir" name="dir" value="${escapeHtml(view.folder)}" spellcheck="false" autocomplete="off">` +
    '<button type="submit">Go</button></form>';
  const cancel = '<button type="submit" name="action" value="cancel">Cancel</button>';
  const parts = [`<h1>${escapeHtml(view.title)}</h1>`, errorBlock(view.error)];
  if (view.cannotOpen !== undefined) {
    parts.push(`<p class="error" role="alert">${escapeHtml(view.cannotOpen)}</p>`, goTo);
    parts.push(`<form method="post" action="${action}" class="actions">${cancel}</form>`);
    return htmlDocument(view.title, parts.join('\n'));
  }
  parts.push(`<p>Folder: <span class="path">${escapeHtml(view.folder)}</span></p>`, goTo);
  if (view.parent !== undefined) parts.push(`<p><a href="${folderLink(view.parent)}">Up to the parent folder</a></p>`);

  const items = view.entries.map((entry) =>
    entry.isFolder
      ? `<li><a href="${folderLink(entry.path)}">${escapeHtml(entry.name)}/</a></li>`
      : `<li><button type="submit" name="path" value="${escapeHtml(entry.path)}" aria-label="${escapeHtml(`Choose ${entry.name}`)}">${escapeHtml(entry.name)}</button></li>`,
  );
  const empty = view.kind === 'file' ? 'This folder has no files or sub-folders.' : 'This folder has no sub-folders.';
  const list = items.length > 0 ? `<ul class="entries" aria-label="Contents of the folder">${items.join('')}</ul>` : `<p class="muted">${empty}</p>`;
  // The file buttons carry `path` themselves, so the list sits inside the choosing form.
  if (view.kind === 'file' && items.length > 0) parts.push('<p class="muted">Click a file to choose it.</p>');
  parts.push(view.kind === 'file' ? `<form method="post" action="${action}"><input type="hidden" name="action" value="choose">${list}</form>` : list);
  if (view.omitted > 0) parts.push(`<p class="muted">${view.omitted} more entries are not shown: type a path in “Go to”.</p>`);

  if (view.kind === 'folder') {
    parts.push(
      `<form method="post" action="${action}" class="row"><input type="hidden" name="action" value="mkdir">` +
        `<input type="hidden" name="dir" value="${escapeHtml(view.folder)}"><label for="name">New folder</label>` +
        `<input type="text" id="name" name="name" value="${escapeHtml(view.newFolderName ?? '')}" autocomplete="off"><button type="submit">Create</button></form>`,
    );
    parts.push(
      `<form method="post" action="${action}" class="actions"><input type="hidden" name="path" value="${escapeHtml(view.folder)}">` +
        `${cancel}<button type="submit" name="action" value="choose" class="primary">${escapeHtml(view.buttonLabel)}</button></form>`,
    );
  } else {
    parts.push(`<form method="post" action="${action}" class="actions">${cancel}</form>`);
  }
  return htmlDocument(view.title, parts.join('\n'));
}
