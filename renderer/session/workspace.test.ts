import { describe, expect, it } from 'vitest';
import { INITIAL_WORKSPACE, readWorkspace, workspaceReducer } from './workspace';

describe('workspaceReducer', () => {
  it('opens a run on a view and keeps the analysis chosen', () => {
    const w = workspaceReducer({ ...INITIAL_WORKSPACE, section: 'analysis', analysis: 'Regional' }, { type: 'run', runId: 'r1', analysis: 'Regional', view: 'matching' });
    expect(w).toMatchObject({ section: 'analysis', runId: 'r1', analysis: 'Regional', analysisView: 'matching' });
  });

  it('keeps at most four runs to compare', () => {
    expect(workspaceReducer(INITIAL_WORKSPACE, { type: 'compare', runIds: ['a', 'b', 'c', 'd', 'e'] }).compare).toEqual(['a', 'b', 'c', 'd']);
  });

  it('forgets a deleted run everywhere: the open run (back to the set-up) and the comparison', () => {
    const open = { ...INITIAL_WORKSPACE, runId: 'r1', analysisView: 'sets' as const, compare: ['r1', 'r2'] };
    expect(workspaceReducer(open, { type: 'forgetRun', runId: 'r1' })).toMatchObject({ runId: null, analysisView: 'setup', compare: ['r2'] });
    // Another run's deletion leaves the open one alone.
    expect(workspaceReducer(open, { type: 'forgetRun', runId: 'r2' })).toMatchObject({ runId: 'r1', analysisView: 'sets', compare: ['r1'] });
  });

  it('reads back only a workspace it can trust', () => {
    expect(readWorkspace({ ...INITIAL_WORKSPACE, section: 'cohort' })?.section).toBe('cohort');
    expect(readWorkspace({ ...INITIAL_WORKSPACE, section: 'elsewhere' })).toBeNull();
    expect(readWorkspace('garbage')).toBeNull();
  });
});
