import { useId } from 'react';
import type { NotificationChannels, StaffChannel } from '../../../../main/notifications/contract';
import { CHANNEL_LABEL } from './notification-labels';

export interface ChannelChecksProps<C extends StaffChannel> {
  legend: string;
  channels: readonly C[];
  chosen: readonly C[];
  onChange: (chosen: C[]) => void;
  /** The saved channels: an external one not set up is marked (its messages would go nowhere). */
  setUp: NotificationChannels;
  error?: string | undefined;
  testId: string;
}

const isExternal = (c: StaffChannel): c is keyof NotificationChannels => c !== 'in-app' && c !== 'desktop';

/** Where a rule or message goes: one checkbox per channel, in the contract's order. */
export function ChannelChecks<C extends StaffChannel>({ legend, channels, chosen, onChange, setUp, error, testId }: ChannelChecksProps<C>) {
  const errorId = useId();
  const toggle = (channel: C, on: boolean) => onChange(channels.filter((c) => (c === channel ? on : chosen.includes(c))));
  return (
    <fieldset className="channel-checks" aria-describedby={error ? errorId : undefined} data-testid={testId}>
      <legend>{legend}</legend>
      {channels.map((c) => (
        <label key={c} className="field-inline">
          <input type="checkbox" checked={chosen.includes(c)} onChange={(e) => toggle(c, e.target.checked)} data-testid={`${testId}-${c}`} />
          {CHANNEL_LABEL[c]}
          {isExternal(c) && setUp[c] === null && <span className="muted"> (not set up)</span>}
        </label>
      ))}
      {error && (
        <span className="field-error" id={errorId} role="alert" data-testid={`${testId}-error`}>
          {error}
        </span>
      )}
    </fieldset>
  );
}
