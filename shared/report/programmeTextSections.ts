// The organisation's own words, printed as supplied (and escaped): "in their own words", its
// response to the analysis, and the contacts page. Each appears only when the text was given.
import type { ProgrammeText } from '../engine/analysisSpec';
import { escapeHtml as h } from './escapeHtml';

/** Plain text to paragraphs: a blank line starts a new paragraph, a single newline is a line break. */
export function paragraphs(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => `<p>${h(p.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

const present = (t: string | undefined): t is string => t !== undefined && t.trim() !== '';

/** The sections and their contents entries, in the reference report's order. */
export function ownWordsSections(org: string, text: ProgrammeText): { id: string; title: string; html: string }[] {
  const sections: { id: string; title: string; html: string }[] = [];
  if (present(text.description)) {
    sections.push({ id: 'own-words', title: `${org}: in their own words`, html: `<blockquote class="own-words">${paragraphs(text.description)}</blockquote>` });
  }
  if (present(text.response)) {
    sections.push({ id: 'response', title: `${org}'s response to the analysis`, html: `<blockquote class="own-words">${paragraphs(text.response)}</blockquote>` });
  }
  return sections.map((s) => ({ ...s, html: `<section class="major" id="${s.id}"><h2>${h(s.title)}</h2>${s.html}</section>` }));
}

export function contactsSection(text: ProgrammeText): { id: string; title: string; html: string } | null {
  if (!present(text.contact)) return null;
  return { id: 'contacts', title: 'Contacts', html: `<section class="major" id="contacts"><h2>Contacts</h2>${paragraphs(text.contact)}</section>` };
}

/** The organisation's note at the head of the profile section, when given. */
export function profileNote(text: ProgrammeText): string {
  return present(text.profileNote) ? paragraphs(text.profileNote) : '';
}
