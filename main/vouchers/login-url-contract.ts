/**
 * The URL a voucher's QR code holds: the hotspot's login page with the credentials, as mikhmon
 * prints it (`http://<dns-name>/login?username=…&password=…`). RouterOS's login page takes them
 * from the query and signs the phone in, so scanning is the whole login. No Node imports: the
 * command that builds a sheet and any preview build the same URL.
 */
export function hotspotLoginUrl(base: string, username: string, password: string): string {
  const example = 'e.g. http://hotspot.example.net (the hotspot profile\'s DNS name)';
  let url: URL;
  try {
    url = new URL(base.trim());
  } catch {
    throw new Error(`"${base}" is not a hotspot address: give it with http:// or https://, ${example}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`the hotspot address "${base}" is not http or https: give the login page's address, ${example}`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`the hotspot address "${base}" carries a query, fragment or credentials: give only the host (and path), ${example}`);
  }
  // Operators paste either the host or the login page itself; both mean the same page.
  const path = url.pathname.replace(/\/+$/, '');
  const login = path.endsWith('/login') ? path : `${path}/login`;
  return `${url.origin}${login}?username=${encodeURIComponent(username)}&password=${encodeURIComponent(password)}`;
}
