import { useMemo, useState } from 'react';
import { matchesTopic, routerPageSelectors, useRouterPageStore } from './router-page-store';

/** Lines shown at most (the newest): the store keeps 500, a page of text is enough to read. */
const SHOWN = 200;

/**
 * The router's log, live (RouterLogLines), newest last, filtered by topic: the text matches any
 * topic containing it (`hotspot`, `account`, `error`); the topics seen so far are suggested.
 */
export function RouterLogPanel() {
  const log = useRouterPageStore(routerPageSelectors.log);
  const topics = useRouterPageStore(routerPageSelectors.topics);
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => log.filter((l) => matchesTopic(l, filter)).slice(-SHOWN), [log, filter]);

  return (
    <section className="router-page-section" aria-labelledby="router-log-title" data-testid="router-page-log">
      <div className="toolbar">
        <h3 id="router-log-title">Log</h3>
        <label>
          Topic{' '}
          <input type="search" list="router-log-topics" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="e.g. hotspot" data-testid="router-log-filter" />
        </label>
        <datalist id="router-log-topics">
          {topics.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        <span className="muted" role="status" data-testid="router-log-count">
          {shown.length} of {log.length} lines
        </span>
      </div>
      <ol className="router-log" aria-live="off" data-testid="router-log-lines">
        {shown.map((l, index) => (
          <li key={l.id || `line-${index}`} data-testid="router-log-line" data-topics={l.topics}>
            <span className="mono muted">{l.time}</span> <span className="tag">{l.topics}</span> {l.message}
          </li>
        ))}
      </ol>
      {log.length > 0 && shown.length === 0 && <p className="muted">No line with a topic matching “{filter}”.</p>}
    </section>
  );
}
