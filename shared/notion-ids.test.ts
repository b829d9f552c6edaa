import { describe, expect, it } from 'vitest';
import { parseNotionId } from './notion-ids';

const ID = '1df812ff-a7bf-80b8-b4f1-dcb8e8a53de8';

describe('parseNotionId', () => {
  it.each([
    ID,
    ID.toUpperCase(),
    ID.replace(/-/g, ''),
    `https://www.notion.so/My-Page-${ID.replace(/-/g, '')}`,
    `https://www.notion.so/acme/My-Page-${ID.replace(/-/g, '')}?pvs=4`,
    `https://www.notion.so/acme/${ID.replace(/-/g, '')}?v=0123456789abcdef0123456789abcdef`,
    `https://acme.notion.site/Public-${ID.replace(/-/g, '')}`,
    `https://www.notion.so/acme/Board-0123456789abcdef0123456789abcdef?p=${ID.replace(/-/g, '')}`,
  ])('reads %s', (input) => expect(parseNotionId(input)).toBe(ID));

  it.each(['', 'hello', '1234', `https://example.com/${ID.replace(/-/g, '')}`, 'ftp://www.notion.so/x', `${ID}x`])(
    'refuses %s',
    (input) => expect(parseNotionId(input)).toBeUndefined(),
  );
});
