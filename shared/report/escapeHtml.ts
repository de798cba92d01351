// Every string that comes from data (organisation, analysis, variable and level names) goes through this before it
// reaches the report's HTML, in text and in attribute values alike.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
