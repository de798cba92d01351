import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escapeHtml';

describe('escapeHtml', () => {
  it('escapes the five characters that can open markup or end an attribute', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
  });
  it('escapes an ampersand once, so an entity in the data is shown as typed', () => {
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
  it('leaves other text, including non-ASCII, unchanged', () => {
    expect(escapeHtml("Southwark’s IOM ✓ – 100%")).toBe("Southwark’s IOM ✓ – 100%");
  });
});
