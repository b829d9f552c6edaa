import type { SnapshotReader } from '../snapshot/reader';
import type { FileDescriptor } from '../snapshot/format';
import type { ExportOutput } from './export-output';
import { sanitiseFileName } from './file-names';
import type { ExportLayout, PlannedObject } from './layout';
import { joinPath } from './layout';

function nameFromUrl(url: string): string {
  try {
    const last = new URL(url).pathname.split('/').pop() ?? '';
    return decodeURIComponent(last);
  } catch {
    return '';
  }
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot) : '';
}

/** The name an attachment gets in the export: its original name, sanitised, with an extension. */
export function exportedFileName(descriptor: FileDescriptor, preferredName?: string | null): string {
  const original = preferredName || descriptor.name || nameFromUrl(descriptor.sourceKey) || descriptor.file;
  let name = sanitiseFileName(original);
  const storedExtension = extensionOf(descriptor.file).toLowerCase();
  if (!extensionOf(name) && /^\.[a-z0-9]{1,16}$/.test(storedExtension)) name += storedExtension;
  return name;
}

/**
 * Copies the Notion-hosted files one exported document uses into its folder (created only when a
 * file is copied), under their original names, each once. Names never clash with the document's
 * children, which the layout has already reserved.
 */
export class PageFiles {
  private readonly descriptors = new Map<string, Map<string, FileDescriptor>>();
  private readonly copied = new Map<string, string | undefined>();

  constructor(
    private readonly reader: SnapshotReader,
    private readonly layout: ExportLayout,
    private readonly output: ExportOutput,
    private readonly owner: PlannedObject,
    private readonly warnings: string[],
  ) {}

  private async descriptor(dir: string, ref: string): Promise<FileDescriptor | undefined> {
    let files = this.descriptors.get(dir);
    if (!files) {
      files = await this.reader.files(dir);
      this.descriptors.set(dir, files);
    }
    return files.get(ref);
  }

  /** Copies the file stored for `ref` in snapshot directory `dir`; its export-relative path, or undefined. */
  async copy(dir: string, ref: string, preferredName?: string | null): Promise<string | undefined> {
    const key = `${dir}\n${ref}`;
    if (this.copied.has(key)) return this.copied.get(key);
    const descriptor = await this.descriptor(dir, ref);
    let exported: string | undefined;
    if (descriptor) {
      const bytes = await this.reader.fileBytes(dir, descriptor);
      if (bytes) {
        const name = this.layout.namesIn(this.owner.folder).claimFile(exportedFileName(descriptor, preferredName));
        exported = joinPath(this.owner.folder, name);
        await this.output.copy(exported, bytes);
      } else {
        this.warnings.push(`${this.owner.entry.title || this.owner.entry.id}: the file ${descriptor.file} is missing from the snapshot.`);
      }
    }
    this.copied.set(key, exported);
    return exported;
  }
}
