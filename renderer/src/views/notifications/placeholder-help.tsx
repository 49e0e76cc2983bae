/** The placeholders a template may use, each with what it becomes (a typo is refused on save). */
export function PlaceholderHelp({ names, help, note }: { names: readonly string[]; help: Readonly<Record<string, string>>; note?: string }) {
  return (
    <p className="form-span placeholder-help muted">
      Placeholders:{' '}
      {names.map((name, i) => (
        <span key={name}>
          <code>{`{{${name}}}`}</code> {help[name] ?? ''}
          {i < names.length - 1 ? '; ' : '.'}
        </span>
      ))}
      {note && ` ${note}`}
    </p>
  );
}
