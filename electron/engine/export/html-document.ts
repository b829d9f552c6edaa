// Exported Markdown as a standalone HTML page. Everything from Notion was escaped when the Markdown
// was written; as a second line of defence, raw HTML other than the few tags the exporter itself
// writes is shown as text, and a Content-Security-Policy forbids scripts altogether.
import type { Tokens } from 'marked';
import { Marked } from 'marked';
import { escapeHtml } from './markdown-text';

const ALLOWED_TAGS = new Set(['<details>', '</details>', '<summary>', '</summary>', '<u>', '</u>', '<br>']);
const OUR_COMMENT = /^<!--[a-z ]*-->$/;

/** Keeps the exporter's own tags and comments; anything else that looks like markup becomes text. */
export function sanitiseRawHtml(html: string): string {
  return html
    .split(/(<!--[\s\S]*?-->|<[^<>]*>)/)
    .map((part, index) => {
      if (index % 2 === 1) return ALLOWED_TAGS.has(part.toLowerCase()) || OUR_COMMENT.test(part) ? part : escapeHtml(part);
      return part.replace(/</g, '&lt;').replace(/>/g, '&gt;');
    })
    .join('');
}

const blockEquation = {
  name: 'blockEquation',
  level: 'block' as const,
  start: (source: string) => source.match(/^\$\$\n/m)?.index,
  tokenizer(source: string) {
    const match = /^\$\$\n([\s\S]*?)\n\$\$(?:\n|$)/.exec(source);
    return match ? { type: 'blockEquation', raw: match[0], text: match[1] ?? '' } : undefined;
  },
  renderer(token: Tokens.Generic) {
    return `<pre class="equation"><code>${escapeHtml(String(token.text))}</code></pre>\n`;
  },
};

const marked = new Marked({
  gfm: true,
  async: false,
  extensions: [blockEquation],
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag) {
      return sanitiseRawHtml(token.text);
    },
  },
});

const CONTENT_SECURITY_POLICY = "default-src 'none'; img-src * data: file: 'self'; media-src * file: 'self'; style-src 'unsafe-inline'";

const STYLE = `
body { margin: 0; background: #fff; color: #37352f; font: 16px/1.6 -apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, sans-serif; }
main { max-width: 900px; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
h1 img, h1 + p img[alt="icon"] { height: 1.2em; vertical-align: middle; }
img { max-width: 100%; }
img[alt="cover"] { width: 100%; max-height: 30vh; object-fit: cover; }
img[alt="icon"] { height: 1.2em; vertical-align: middle; }
pre { background: #f7f6f3; padding: 1em; overflow-x: auto; border-radius: 4px; }
code { background: #f7f6f3; padding: 0.1em 0.3em; border-radius: 3px; font-size: 0.9em; }
pre code { background: none; padding: 0; }
blockquote { margin: 1em 0; padding: 0.2em 1em; border-left: 3px solid #d3d1cb; }
table { border-collapse: collapse; display: block; overflow-x: auto; }
th, td { border: 1px solid #e9e9e7; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
th { background: #f7f6f3; }
details { margin: 0.5em 0; }
summary { cursor: pointer; }
a { color: #0b6e99; }
`.trim();

/** A Markdown document of the export as a standalone UTF-8 HTML page. */
export function markdownToHtmlDocument(markdown: string, title: string): string {
  const body = marked.parse(markdown, { async: false });
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title || 'Untitled')}</title>`,
    `<style>\n${STYLE}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    body.trimEnd(),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
