import { useEffect, useState } from 'react';
import type { WebhookSubscriptionSummary } from '../../../../main/webhooks/contract';
import { sessionSelectors, useSessionStore } from '../../stores/session-store';
import { SecretDialog } from '../webhooks/secret-dialog';
import { WebhookDialog } from '../webhooks/webhook-dialog';
import { WebhookList } from '../webhooks/webhook-list';
import { attachWebhooks } from '../webhooks/webhooks-live';
import { useWebhooksStore, webhooksSelectors } from '../webhooks/webhooks-store';
import { SectionPending } from './section-pending';

/**
 * Settings › Event webhooks (tenant admins): the tenant's own systems get the events they choose,
 * signed. One `webhooks.list` on mount, then `tenant.{id}.webhooks`: a pause, a resume by another
 * admin and every delivery attempt show without a reload. A secret is shown once, after it is made.
 */
export function WebhooksSection() {
  const user = useSessionStore(sessionSelectors.user);
  const tenantId = user?.tenantId ?? null;
  const loaded = useWebhooksStore(webhooksSelectors.loaded);
  const error = useWebhooksStore(webhooksSelectors.error);
  const [dialog, setDialog] = useState<{ editing?: WebhookSubscriptionSummary } | null>(null);
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);

  useEffect(() => (tenantId === null ? undefined : attachWebhooks(tenantId)), [tenantId]);

  if (tenantId === null) return null;
  if (!loaded) return <SectionPending error={error} />;
  const showSecret = (s: WebhookSubscriptionSummary, value: string) => setSecret({ url: s.url, secret: value });
  return (
    <div data-testid="webhooks">
      <p className="muted">
        The console posts the events you choose to your own systems (billing, CRM, a status page) as JSON, signed with each webhook’s secret in{' '}
        <code>X-Noc-Signature</code>; phones and emails in them are masked. A failed delivery is retried for about an hour; a webhook that fails
        its set number of attempts in a row is paused until you resume it. The format and how to check a signature are in the console’s protocol
        document, “Event webhooks”.
      </p>
      <div className="form-actions">
        <button type="button" className="primary" onClick={() => setDialog({})} data-testid="webhooks-add">
          Add webhook
        </button>
      </div>
      <WebhookList tenantId={tenantId} onEdit={(s) => setDialog({ editing: s })} onSecret={showSecret} />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {dialog && <WebhookDialog editing={dialog.editing} onClose={() => setDialog(null)} onCreated={showSecret} />}
      {secret && <SecretDialog url={secret.url} secret={secret.secret} onClose={() => setSecret(null)} />}
    </div>
  );
}
