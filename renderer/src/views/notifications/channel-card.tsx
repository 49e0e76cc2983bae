import { useState, type ReactNode } from 'react';
import type { ExternalChannel, NotificationSettings } from '../../../../main/notifications/contract';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ChannelTest } from './channel-test';
import { CHANNEL_LABEL } from './notification-labels';
import type { FieldKeyOf } from './settings-errors';
import { SettingsFormFrame, type FrameActions } from './settings-form-frame';
import type { SettingsForm } from './use-settings-form';

type FieldErrors = Partial<Record<string, string>>;

export interface ChannelCardProps<V> {
  channel: ExternalChannel;
  settings: NotificationSettings;
  tenantId: number;
  asSystemAdmin: boolean;
  canEdit: boolean;
  description: ReactNode;
  read: (settings: NotificationSettings) => V;
  check: (values: V) => { ok: true; input: unknown } | { ok: false; errors: FieldErrors };
  known: (values: V) => ReadonlySet<string>;
  keyOf?: FieldKeyOf;
  fields: (form: SettingsForm<V>, errors: FieldErrors) => ReactNode;
}

/**
 * One channel of Settings › Notification channels: its fields and Save (the frame), Remove with
 * a confirmation, and Send test once it is saved.
 */
export function ChannelCard<V>(props: ChannelCardProps<V>) {
  const { channel, settings, tenantId, asSystemAdmin } = props;
  const label = CHANNEL_LABEL[channel];
  const configured = settings.channels[channel] !== null;
  const [confirmRemove, setConfirmRemove] = useState(false);

  const remove = ({ busy }: FrameActions<V>) =>
    configured && (
      <button type="button" className="danger" disabled={busy} onClick={() => setConfirmRemove(true)} data-testid={`notify-channel-${channel}-remove`}>
        Remove {label}
      </button>
    );
  const after = ({ form, save, busy }: FrameActions<V>) => (
    <>
      {props.canEdit && configured && <ChannelTest channel={channel} tenantId={tenantId} asSystemAdmin={asSystemAdmin} unsaved={form.dirty} />}
      {confirmRemove && (
        <ConfirmDialog
          title={`Remove the ${label} channel?`}
          confirmLabel="Remove"
          danger
          busy={busy}
          testId={`notify-channel-${channel}-remove-confirm`}
          onCancel={() => setConfirmRemove(false)}
          onConfirm={() => {
            setConfirmRemove(false);
            void save({ channels: { [channel]: null } }, `${label} removed: nothing is sent on it until it is set up again.`);
          }}
        >
          <p>Staff alerts and customer messages on {label} stop, and its saved secrets are deleted.</p>
        </ConfirmDialog>
      )}
    </>
  );

  return (
    <SettingsFormFrame
      testId={`notify-channel-${channel}`}
      legend={
        <>
          {label} <span className="muted" data-testid={`notify-channel-${channel}-state`}>— {configured ? 'set up' : 'not set up'}</span>
        </>
      }
      settings={settings}
      tenantId={tenantId}
      asSystemAdmin={asSystemAdmin}
      canEdit={props.canEdit}
      read={props.read}
      check={props.check}
      change={(input) => ({ channels: { [channel]: input } })}
      prefix={['channels', channel]}
      known={props.known}
      keyOf={props.keyOf}
      saveLabel={`Save ${label}`}
      savedText={`Saved. ${label} messages use these settings now.`}
      fields={(form, errors) => (
        <>
          <p className="muted">{props.description}</p>
          {props.fields(form, errors)}
        </>
      )}
      actions={remove}
      after={after}
    />
  );
}
