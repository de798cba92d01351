// The exclusion funnel as the reference report draws it ("Numbers of people in the treatment and
// comparison groups"): a chevron per step holding the number still in, beside the sentence saying
// who was excluded and why. The chevrons narrow with the count; every number is also text.
import type { CSSProperties } from 'react';
import type { CohortSettingsView, FunnelStepView } from '../../shared/api';
import { formatCount } from '../../shared/format/numberFormat';
import { exclusionSentence, submittedSentence, treatmentGroupSentence } from '../../shared/wording/funnelWording';

// Narrower than this, a five-digit count no longer fits in the chevron.
const MIN_WIDTH_PERCENT = 38;

function chevronWidth(remaining: number, submitted: number): CSSProperties {
  const share = submitted === 0 ? 1 : remaining / submitted;
  return { width: `${MIN_WIDTH_PERCENT + (100 - MIN_WIDTH_PERCENT) * share}%` };
}

export function FunnelDiagram(props: {
  funnel: FunnelStepView[];
  settings: CohortSettingsView;
  onShowStep: (step: string) => void;
}) {
  const { funnel, settings, onShowStep } = props;
  const submitted = funnel[0]?.remaining ?? 0;
  const treated = funnel[funnel.length - 1]?.remaining ?? 0;
  return (
    <div className="funnel" data-testid="funnel">
      <ol className="funnel-steps" aria-label="From the submission to the treatment group">
        {funnel.map((step) => (
          <li key={step.step} className={step.step !== 'submitted' && step.dropped === 0 ? 'funnel-step none' : 'funnel-step'} data-testid={`funnel-${step.step}`}>
            <div className="funnel-shape">
              <div className="chevron" style={chevronWidth(step.remaining, submitted)}>
                <span className="chevron-count" data-testid={`funnel-${step.step}-remaining`}>
                  {formatCount(step.remaining)}
                </span>
                <span className="visually-hidden"> remain</span>
              </div>
            </div>
            <div className="funnel-text">
              <p className="funnel-sentence" data-testid={`funnel-${step.step}-sentence`}>
                {step.step === 'submitted' ? submittedSentence(step.remaining) : exclusionSentence(step.step, step.dropped, submitted, settings)}
              </p>
              {step.step !== 'submitted' && step.dropped > 0 && (
                <button className="secondary small" onClick={() => onShowStep(step.step)}>
                  {step.dropped === 1 ? 'Show this person' : `Show these ${formatCount(step.dropped)} people`}
                </button>
              )}
            </div>
          </li>
        ))}
      </ol>
      <div className="funnel-result" data-testid="funnel-treated">
        <div className="funnel-shape">
          <div className="chevron treated" style={chevronWidth(treated, submitted)}>
            <span className="chevron-count">{formatCount(treated)}</span>
          </div>
        </div>
        <div className="funnel-text">
          <p className="funnel-sentence">
            <strong>Treatment group.</strong> {treatmentGroupSentence(submitted, treated)}
          </p>
          <button className="secondary small" onClick={() => onShowStep('treated')}>
            Show the treatment group
          </button>
          <p className="muted small">Participants the matching cannot place are counted per analysis, under Analysis &amp; results.</p>
        </div>
      </div>
    </div>
  );
}
