import { useId, useState } from 'react';
import type { ExternalChannel, TestSendResult } from '../../../../main/notifications/contract';
import { api } from '../../bridge/api';
import { useFormat } from '../../format/use-format';
import { useStale } from '../../stores/connection-store';
import { CHANNEL_LABEL } from './notification-labels';

export interface ChannelTestProps {
  channel: ExternalChannel;
  tenantId: number;
  asSystemAdmin: boolean;
  /** The form has unsaved edits: the test uses what is saved, so say so. */
  unsaved: boolean;
}

type Outcome = { result: TestSendResult } | { refused: string } | null;

/**
 * "Send test" for one saved channel: a message now, with the saved settings, to the address typed
 * here or the channel's first staff recipient, and what the receiver answered.
 */
export function ChannelTest({ channel, tenantId, asSystemAdmin, unsaved }: ChannelTestProps) {
  const id = useId();
  const format = useFormat();
  const stale = useStale();
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const send = async () => {
    setBusy(true);
    setOutcome(null);
    const result = await api.invoke('notifications.test', { ...(asSystemAdmin ? { tenantId } : {}), channel, ...(to.trim() === '' ? {} : { to: to.trim() }) });
    setBusy(false);
    setOutcome(result.ok ? { result: result.data } : { refused: result.error.message });
  };

  const text = !outcome
    ? busy
      ? 'Sending…'
      : ''
    : 'refused' in outcome
      ? `Could not send a test: ${outcome.refused}`
      : outcome.result.ok
        ? `Sent to ${outcome.result.recipient} at ${format.time(outcome.result.at)}${outcome.result.status === null ? '' : ` (the receiver answered ${outcome.result.status})`}.`
        : `Not sent to ${outcome.result.recipient}: ${outcome.result.error ?? 'no reason given'}${outcome.result.status === null ? '' : ` (${outcome.result.status})`}.`;
  const good = outcome !== null && 'result' in outcome && outcome.result.ok;

  return (
    <div className="channel-test form-actions">
      <label className="field-inline" htmlFor={id}>
        Test to
        <input id={id} value={to} placeholder="first staff recipient" onChange={(e) => setTo(e.target.value)} data-testid={`notify-test-${channel}-to`} />
      </label>
      <button type="button" disabled={busy || stale} onClick={() => void send()} data-testid={`notify-test-${channel}`}>
        Send test {CHANNEL_LABEL[channel]}
      </button>
      {unsaved && <span className="muted">The test uses the saved settings.</span>}
      <span className={`test-outcome${outcome ? (good ? ' ok' : ' bad') : ''}`} role="status" data-testid={`notify-test-${channel}-outcome`} data-ok={outcome ? good : undefined}>
        {text}
      </span>
    </div>
  );
}
