// Markdown and HTML exports: one document per page and database, in a folder tree by title.
import type { SnapshotReader } from '../snapshot/reader';
import type { IndexEntry } from '../snapshot/format';
import { iconEmoji } from '../snapshot/format';
import type { BlockContext } from './block-context';
import { renderDatabaseDocuments } from './database-document';
import type { ExportOutput } from './export-output';
import { markdownToHtmlDocument } from './html-document';
import type { DocumentExtension, ExportLayout, PlannedObject } from './layout';
import { planLayout, walkLayout } from './layout';
import { LinkResolver } from './links';
import { escapeMarkdown, titleText } from './markdown-text';
import { renderPageDocument } from './page-document';
import { PageFiles } from './page-files';
import type { PropertyNames } from './property-text';
import { SyncedOriginals } from './synced-originals';
import { SnapshotViews } from '../snapshot/views';

export interface DocumentExportOptions {
  reader: SnapshotReader;
  output: ExportOutput;
  entries: readonly IndexEntry[];
  extension: DocumentExtension;
  warnings: string[];
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export interface DocumentExportCounts {
  pages: number;
  databases: number;
}

function isAbort(error: unknown, signal?: AbortSignal): boolean {
  return signal?.aborted === true || (error instanceof Error && error.name === 'AbortError');
}

class DocumentExporter {
  private readonly layout: ExportLayout;
  private readonly links: LinkResolver;
  private readonly synced: SyncedOriginals;
  private readonly views: SnapshotViews;
  private names: PropertyNames = { userName: () => undefined, title: () => undefined };

  constructor(private readonly options: DocumentExportOptions) {
    this.layout = planLayout(options.entries, options.extension);
    this.links = new LinkResolver(this.layout, options.reader.index());
    this.synced = new SyncedOriginals(options.reader);
    this.views = new SnapshotViews(options.reader);
  }

  async run(): Promise<DocumentExportCounts> {
    const { reader, signal, warnings } = this.options;
    const users = new Map((await reader.users()).map((user) => [user.id, user.name ?? '']));
    this.names = { userName: (id) => users.get(id) || undefined, title: (id) => this.links.entry(id)?.title || undefined };
    const counts: DocumentExportCounts = { pages: 0, databases: 0 };
    const total = this.layout.byId.size;
    let done = 0;
    for (const object of walkLayout(this.layout.roots)) {
      signal?.throwIfAborted();
      try {
        if (object.entry.object === 'database') await this.exportDatabase(object);
        else await this.exportPage(object);
        if (object.entry.object === 'database') counts.databases += 1;
        else counts.pages += 1;
      } catch (error) {
        if (isAbort(error, signal)) throw error;
        warnings.push(`${object.entry.title || object.entry.id}: not exported (${error instanceof Error ? error.message : String(error)})`);
      }
      done += 1;
      this.options.onProgress?.(done, total);
    }
    await this.write(this.layout.indexDocument, this.indexMarkdown(), 'Notion export');
    return counts;
  }

  private async write(document: string, markdown: string, title: string): Promise<void> {
    const data = this.options.extension === 'html' ? markdownToHtmlDocument(markdown, title) : markdown;
    await this.options.output.write(document, data);
  }

  private async exportPage(object: PlannedObject): Promise<void> {
    const { reader, output, warnings, signal } = this.options;
    const stored = await reader.page(object.entry);
    const context: BlockContext = {
      document: object.document,
      links: this.links,
      userName: this.names.userName,
      reader,
      files: new PageFiles(reader, this.layout, output, object, warnings),
      synced: this.synced,
      views: this.views,
      pageDir: object.entry.path,
      label: object.entry.title || object.entry.id,
      warnings,
      signal,
    };
    const markdown = await renderPageDocument(object, stored, this.names, context);
    await this.write(object.document, markdown, object.entry.title);
  }

  private async exportDatabase(object: PlannedObject): Promise<void> {
    const { reader, output, warnings } = this.options;
    const documents = await renderDatabaseDocuments(object, reader, this.links, this.names, warnings);
    await this.write(object.document, documents.markdown, object.entry.title);
    if (object.csv) await output.write(object.csv, documents.csv);
  }

  /** The root document: what the export holds, with a link to every top-level object. */
  private indexMarkdown(): string {
    const manifest = this.options.reader.manifest;
    const about = [
      manifest?.workspace.name ? `Workspace: ${escapeMarkdown(manifest.workspace.name)}` : '',
      manifest?.finishedAt ? `Backed up: ${escapeMarkdown(manifest.finishedAt)}` : '',
    ].filter(Boolean);
    const items = this.layout.roots.map((root) => {
      const emoji = iconEmoji(root.entry.icon);
      const icon = emoji === null ? '' : `${emoji} `;
      const kind = root.entry.object === 'database' ? ' *(database)*' : '';
      const title = titleText(root.entry.title);
      return `- ${escapeMarkdown(icon)}[${title}](${this.links.fileHref(this.layout.indexDocument, root.document)})${kind}`;
    });
    return `${['# Notion export', about.join('\\\n'), items.join('\n') || '*Nothing was exported.*'].filter(Boolean).join('\n\n')}\n`;
  }
}

export async function exportDocuments(options: DocumentExportOptions): Promise<DocumentExportCounts> {
  return new DocumentExporter(options).run();
}
