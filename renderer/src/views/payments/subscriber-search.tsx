import { useEffect, useRef, useState, type RefObject } from 'react';
import type { SubscriberSummary } from '../../../../main/subscribers/contract';
import { api } from '../../bridge/api';
import { Field, fieldAria } from '../plans/field';

/** Enough to find one customer by a part of the login; more means: type more. */
const SHOWN = 20;

export interface SubscriberChoice {
  id: number;
  username: string;
}

export interface SubscriberSearchProps {
  id: string;
  tenantId: number | null;
  value: SubscriberChoice | null;
  onChange: (choice: SubscriberChoice | null) => void;
  error?: string | undefined;
  testId: string;
  /** What to search for first (an unmatched payment's account reference). */
  initialSearch?: string;
  /** The dialog focuses the search box on open. */
  inputRef?: RefObject<HTMLInputElement | null>;
}

/** Finds a subscriber by username (or name, phone) through `subscribers.list`, as the staff type. */
export function SubscriberSearch(props: SubscriberSearchProps) {
  const [search, setSearch] = useState(props.initialSearch ?? '');
  const [found, setFound] = useState<SubscriberSummary[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  // Answers can come back out of order while typing: only the latest search's counts.
  const latest = useRef(0);
  const { tenantId, onChange } = props;

  useEffect(() => {
    const mine = ++latest.current;
    const term = search.trim();
    if (term === '') {
      setFound([]);
      setMessage(null);
      return;
    }
    void api.invoke('subscribers.list', { ...(tenantId === null ? {} : { tenantId }), search: term, limit: SHOWN }).then((result) => {
      if (mine !== latest.current) return;
      if (!result.ok) {
        setFound([]);
        setMessage(result.error.message);
        return;
      }
      setFound(result.data.subscribers);
      setMessage(result.data.subscribers.length === 0 ? `no subscriber matches “${term}”` : null);
      const exact = result.data.subscribers.find((s) => s.username.toLowerCase() === term.toLowerCase());
      if (exact) onChange({ id: exact.id, username: exact.username });
    });
  }, [search, tenantId, onChange]);

  const pickId = `${props.id}-pick`;
  return (
    <>
      <Field id={props.id} label="Find subscriber" error={props.error} hint={message ?? 'Type a part of the username, name or phone'} testId={props.testId}>
        <input {...fieldAria(props.id, props.error, 'hint')} ref={props.inputRef} type="search" autoComplete="off" data-testid={props.testId} value={search} onChange={(e) => setSearch(e.target.value)} />
      </Field>
      <Field id={pickId} label="Subscriber" testId={`${props.testId}-pick`}>
        <select
          id={pickId}
          data-testid={`${props.testId}-pick`}
          value={props.value ? String(props.value.id) : ''}
          onChange={(e) => {
            const chosen = found.find((s) => String(s.id) === e.target.value);
            onChange(chosen ? { id: chosen.id, username: chosen.username } : null);
          }}
        >
          <option value="">{found.length === 0 ? 'Search first…' : 'Choose…'}</option>
          {props.value && !found.some((s) => s.id === props.value!.id) && <option value={props.value.id}>{props.value.username}</option>}
          {found.map((s) => (
            <option key={s.id} value={s.id}>
              {s.username} — {s.name}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}
