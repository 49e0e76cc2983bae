import '../styles/skip-link.css';
/** The id of the element the skip link moves focus to: the app's <main>, focusable (tabIndex 0) because it is the region that scrolls. */
export const MAIN_CONTENT_ID = 'main-content';

/**
 * First in the tab order: skips the top bar and the navigation. It moves focus itself instead
 * of following its href, because the console routes on the URL hash (#/view) and a plain
 * "#main-content" would be read as an unknown view.
 */
export function SkipLink() {
  return (
    <a
      className="skip-link"
      href={`#${MAIN_CONTENT_ID}`}
      data-testid="skip-link"
      onClick={(event) => {
        event.preventDefault();
        document.getElementById(MAIN_CONTENT_ID)?.focus();
      }}
    >
      Skip to main content
    </a>
  );
}
