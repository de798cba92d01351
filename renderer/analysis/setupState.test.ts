import { describe, expect, it } from 'vitest';
import { presetSpec } from '../../shared/engine/analysisSpec';
import { INITIAL_SETUP, readSetup, setupReducer, writeSetup } from './setupState';
import { draftFromSpec, removeAnalysis } from './specDraft';

const presets = draftFromSpec(presetSpec('the programme'), []);

describe('setupReducer', () => {
  it('starts from the presets without saving them, and saves once edited', () => {
    const s = setupReducer(INITIAL_SETUP, { type: 'presets', draft: presets });
    expect(s.draft).toBe(presets);
    expect(writeSetup(s)).toBeUndefined();
    const edited = setupReducer(s, { type: 'edit', draft: { ...presets, organisation: 'Southwark IOM' } });
    expect(readSetup(writeSetup(edited))?.draft?.organisation).toBe('Southwark IOM');
  });

  it('never lets the presets replace a draft already read from the store', () => {
    const saved = setupReducer(INITIAL_SETUP, { type: 'edit', draft: { ...presets, organisation: 'Kept' } });
    expect(setupReducer(saved, { type: 'presets', draft: presets }).draft?.organisation).toBe('Kept');
  });

  it('undoes a discarding action until the next edit', () => {
    const s = setupReducer(INITIAL_SETUP, { type: 'edit', draft: presets });
    const removed = setupReducer(s, { type: 'discard', what: 'Removed the analysis “Regional”.', draft: removeAnalysis(presets, presets.analyses[1].key) });
    expect(removed.draft?.analyses).toHaveLength(1);
    expect(removed.undo?.what).toBe('Removed the analysis “Regional”.');
    expect(setupReducer(removed, { type: 'undo' }).draft?.analyses).toHaveLength(2);
    // An edit in between ends the chance to undo.
    const edited = setupReducer(removed, { type: 'edit', draft: { ...removed.draft!, alpha: '0.01' } });
    expect(edited.undo).toBeNull();
    expect(setupReducer(edited, { type: 'undo' })).toBe(edited);
  });
});
