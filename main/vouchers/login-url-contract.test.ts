import { describe, expect, it } from 'vitest';
import { hotspotLoginUrl } from './login-url-contract';

describe('hotspotLoginUrl', () => {
  it('builds the mikhmon-style login URL from the hotspot DNS name', () => {
    expect(hotspotLoginUrl('http://hotspot.example.net', 'AB7K9Q', 'AB7K9Q')).toBe('http://hotspot.example.net/login?username=AB7K9Q&password=AB7K9Q');
  });

  it('takes the host with a trailing slash, a path prefix, the login page itself and https alike', () => {
    expect(hotspotLoginUrl('http://wifi.lan/', 'u', 'p')).toBe('http://wifi.lan/login?username=u&password=p');
    expect(hotspotLoginUrl(' https://portal.example.net:8443/hs/ ', 'u', 'p')).toBe('https://portal.example.net:8443/hs/login?username=u&password=p');
    expect(hotspotLoginUrl('http://10.5.50.1/login', 'u', 'p')).toBe('http://10.5.50.1/login?username=u&password=p');
  });

  it('URL-encodes the credentials, so any character survives the round trip', () => {
    const url = new URL(hotspotLoginUrl('http://wifi.lan', 'a b&c=d', 'p+/?#%é'));
    expect(url.searchParams.get('username')).toBe('a b&c=d');
    expect(url.searchParams.get('password')).toBe('p+/?#%é');
    expect(url.search).not.toContain(' ');
  });

  it('refuses a base that is not an http(s) address, saying what to give', () => {
    expect(() => hotspotLoginUrl('hotspot.example.net', 'u', 'p')).toThrow(/give it with http:\/\/ or https:\/\//);
    expect(() => hotspotLoginUrl('ftp://hotspot.example.net', 'u', 'p')).toThrow(/not http or https/);
    expect(() => hotspotLoginUrl('javascript:alert(1)', 'u', 'p')).toThrow(/not http or https/);
    expect(() => hotspotLoginUrl('http://hotspot.example.net/login?dst=x', 'u', 'p')).toThrow(/query, fragment or credentials/);
    expect(() => hotspotLoginUrl('http://admin:pw@hotspot.example.net', 'u', 'p')).toThrow(/query, fragment or credentials/);
  });
});
