// Small readers of the SDK's response types the crawler and the page picker share.
import type { DatabaseObjectResponse, DataSourceObjectResponse, PageObjectResponse } from '@notionhq/client';
import { plainTextOf } from '../../snapshot/json-values';

export function pageTitle(page: PageObjectResponse): string {
  for (const value of Object.values(page.properties)) {
    if (value.type === 'title') return plainTextOf(value.title);
  }
  return '';
}

export function databaseTitle(database: DatabaseObjectResponse | DataSourceObjectResponse): string {
  return plainTextOf(database.title);
}
