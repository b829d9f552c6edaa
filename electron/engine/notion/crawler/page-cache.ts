import type { PageObjectResponse } from '@notionhq/client';
import { storedPageSchema } from '../../snapshot/format';
import type { SpillSpan } from './spill-file';
import { SpillFile } from './spill-file';

interface CachedPage extends SpillSpan {
  parentType: string;
  /** Search cut its properties to the title (API 2026-12-01 rows): retrieved again on its visit. */
  titleOnly: boolean;
}

/**
 * Page objects kept between search and the visit. Their JSON text goes to a spill file and is read
 * back on the visit: memory holds a few numbers per page, not the page (about 2 KB of JSON), so it
 * stays flat with 100,000 pages.
 */
export class PageCache {
  private readonly pages = new Map<string, CachedPage>();
  private readonly spill: SpillFile;

  constructor(spillDir?: string) {
    this.spill = new SpillFile('search-pages', spillDir);
  }

  set(page: PageObjectResponse, options: { titleOnly?: boolean } = {}): void {
    const span = this.spill.append(JSON.stringify(page));
    this.pages.set(page.id, { ...span, parentType: page.parent.type, titleOnly: options.titleOnly ?? false });
  }

  /** The page as a visit stores it: undefined when absent or when search gave only its title. */
  get(id: string): PageObjectResponse | undefined {
    return this.pages.get(id)?.titleOnly ? undefined : this.peek(id);
  }

  /** The page as search gave it, complete or not: enough for its id, title and parent. */
  peek(id: string): PageObjectResponse | undefined {
    const cached = this.pages.get(id);
    return cached ? storedPageSchema.parse(JSON.parse(this.spill.read(cached))) : undefined;
  }

  has(id: string): boolean {
    return this.pages.has(id);
  }

  delete(id: string): void {
    this.pages.delete(id);
  }

  get size(): number {
    return this.pages.size;
  }

  /** Ids in a stable order. */
  ids(): string[] {
    return [...this.pages.keys()].sort();
  }

  parentType(id: string): string | undefined {
    return this.pages.get(id)?.parentType;
  }

  /** Forgets every page and removes the spill file. */
  close(): void {
    this.pages.clear();
    this.spill.close();
  }
}
