import { describe, expect, it } from 'vitest';
import { markdownToHtmlDocument, sanitiseRawHtml } from './html-document';

describe('HTML documents', () => {
  it('keeps the exporter’s own tags and shows any other markup as text', () => {
    expect(sanitiseRawHtml('<details>\n<summary>x</summary>')).toBe('<details>\n<summary>x</summary>');
    expect(sanitiseRawHtml('<u>')).toBe('<u>');
    expect(sanitiseRawHtml('<!-- breadcrumb -->')).toBe('<!-- breadcrumb -->');
    expect(sanitiseRawHtml('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(sanitiseRawHtml('<img src=x onerror="alert(1)">')).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(sanitiseRawHtml('<!-- x --><script>')).toBe('<!-- x -->&lt;script&gt;');
    expect(sanitiseRawHtml('<!-- <script> -->')).toBe('&lt;!-- &lt;script&gt; --&gt;');
  });

  it('renders Markdown in a standalone page, raw HTML neutralised', () => {
    const html = markdownToHtmlDocument('# T\n\n<script>alert(1)</script>\n\ntext <iframe src=x>\n\n$$\na<b\n$$\n', 'A <title>');
    expect(html).toContain('<title>A &lt;title&gt;</title>');
    expect(html).toContain('<h1>T</h1>');
    expect(html).not.toMatch(/<script|<iframe/);
    expect(html).toContain('<pre class="equation"><code>a&lt;b</code></pre>');
  });
});
