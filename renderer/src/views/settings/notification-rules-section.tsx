import { useId } from 'react';
import { STAFF_CHANNELS, STAFF_RULES, type NotificationChannels, type StaffRule } from '../../../../main/notifications/contract';
import { Field, fieldAria } from '../plans/field';
import { ChannelChecks } from '../notifications/channel-checks';
import { RULE_TEXT } from '../notifications/notification-labels';
import { useNotificationSettings } from '../notifications/notification-settings-live';
import { PARAM_LABEL, paramsOf, RULES_FIELDS, rulesFieldKey, rulesFormOf, rulesInputOf, type RuleFormValues, type RulesFormValues, type RulesInput } from '../notifications/rules-form';
import { SettingsFormFrame } from '../notifications/settings-form-frame';
import { SettingsGate } from '../notifications/settings-gate';
import type { SettingsForm } from '../notifications/use-settings-form';

/**
 * Settings › Staff alerts: which events tell staff, after how long, and on which channels (the
 * notification centre, this desk's desktop, email, SMS, WhatsApp, Telegram), and how close
 * together router changes must fall to go out as one message. Admins edit; others read.
 */
export function NotificationRulesSection() {
  const view = useNotificationSettings();
  return (
    <SettingsGate view={view} what="staff alerts">
      {(settings) => (
        <SettingsFormFrame
          testId="notify-rules"
          legend="Rules"
          settings={settings}
          tenantId={settings.tenantId}
          asSystemAdmin={view.isSystemAdmin}
          canEdit={view.canEdit}
          read={rulesFormOf}
          check={rulesInputOf}
          change={(input) => input as RulesInput}
          prefix={[]}
          known={() => RULES_FIELDS}
          keyOf={rulesFieldKey}
          saveLabel="Save staff alerts"
          savedText="Saved: staff alerts follow these rules from now on."
          fields={(form, errors) => <RulesFields form={form} errors={errors} setUp={settings.channels} />}
        />
      )}
    </SettingsGate>
  );
}

function RulesFields({ form, errors, setUp }: { form: SettingsForm<RulesFormValues>; errors: Partial<Record<string, string>>; setUp: NotificationChannels }) {
  const id = useId();
  const setRule = (rule: StaffRule, change: Partial<RuleFormValues>) => form.edit((v) => ({ ...v, rules: { ...v.rules, [rule]: { ...v.rules[rule], ...change } } }));
  return (
    <>
      <p className="muted">Desktop shows on the computers whose Alerts setting has desktop notifications on. Grouped: router changes this close together go out as one message.</p>
      {STAFF_RULES.map((rule) => (
        <RuleRow key={rule} rule={rule} values={form.values.rules[rule]} errors={errors} setUp={setUp} onChange={(change) => setRule(rule, change)} />
      ))}
      <Field id={`${id}-group`} label="Group router changes within (seconds)" error={errors.groupSeconds} testId="notify-rules-group">
        <input {...fieldAria(`${id}-group`, errors.groupSeconds)} inputMode="numeric" value={form.values.groupSeconds} onChange={(e) => form.edit((v) => ({ ...v, groupSeconds: e.target.value }))} data-testid="notify-rules-group" />
      </Field>
    </>
  );
}

interface RuleRowProps {
  rule: StaffRule;
  values: RuleFormValues;
  errors: Partial<Record<string, string>>;
  setUp: NotificationChannels;
  onChange: (change: Partial<RuleFormValues>) => void;
}

function RuleRow({ rule, values, errors, setUp, onChange }: RuleRowProps) {
  const ids = useId();
  const text = RULE_TEXT[rule];
  return (
    <div className="rule-row" data-testid={`notify-rule-${rule}`} data-enabled={values.enabled}>
      <div>
        <label className="form-check">
          <input type="checkbox" checked={values.enabled} onChange={(e) => onChange({ enabled: e.target.checked })} aria-describedby={`${ids}-help`} data-testid={`notify-rule-${rule}-enabled`} />
          <strong>{text.label}</strong>
        </label>
        <p className="muted" id={`${ids}-help`}>
          {text.help}
        </p>
      </div>
      <div>
        {paramsOf(rule).length > 0 && (
          <div className="rule-params">
            {paramsOf(rule).map((p) => (
              <Field key={p} id={`${ids}-${p}`} label={PARAM_LABEL[p]} error={errors[`${rule}.${p}`]} testId={`notify-rule-${rule}-${p}`}>
                <input {...fieldAria(`${ids}-${p}`, errors[`${rule}.${p}`])} inputMode="numeric" value={values.params[p] ?? ''} onChange={(e) => onChange({ params: { ...values.params, [p]: e.target.value } })} data-testid={`notify-rule-${rule}-${p}`} />
              </Field>
            ))}
          </div>
        )}
        <ChannelChecks legend={`${text.label}: channels`} channels={STAFF_CHANNELS} chosen={values.channels} onChange={(channels) => onChange({ channels })} setUp={setUp} error={errors[`${rule}.channels`]} testId={`notify-rule-${rule}-channels`} />
      </div>
    </div>
  );
}
