import { connectRpc } from './ws-rpc';

export interface FloodOptions {
  /** One connection per address, each from its own loopback address (127.0.0.2…), as a botnet would. */
  addresses: number;
  attemptsPerConnection: number;
  /** Usernames tried besides random unknown ones (a real account gets locked, as in an attack). */
  victims: readonly string[];
}

export interface FloodTally {
  attempts: number;
  /** Refused before any password was checked. */
  rateLimited: number;
  /** Wrong username or password, or the account locked: the answers a flood should get. */
  refused: number;
  /** Anything else (an internal error, a sign-in that succeeded, a dropped socket): none expected. */
  unexpected: number;
}

/** One burst of wrong sign-ins against the host; resolves with how each attempt was answered. */
export async function floodSignIns(url: string, options: FloodOptions, round: number): Promise<FloodTally> {
  const tally: FloodTally = { attempts: 0, rateLimited: 0, refused: 0, unexpected: 0 };
  await Promise.all(
    Array.from({ length: options.addresses }, async (_, a) => {
      let rpc;
      try {
        rpc = await connectRpc(url, { localAddress: `127.0.0.${2 + a}` });
      } catch {
        tally.unexpected += options.attemptsPerConnection;
        return;
      }
      for (let i = 0; i < options.attemptsPerConnection; i++) {
        const victim = options.victims[(a + i) % Math.max(1, options.victims.length)];
        const username = i % 3 === 0 && victim ? victim : `flood-${round}-${a}-${i}`;
        tally.attempts++;
        const reply = await rpc.invoke('auth.signIn', { username, password: `guess-${round}-${i}` });
        const code = reply.ok ? 'signed-in' : reply.error?.code;
        if (code === 'rate_limited') tally.rateLimited++;
        else if (code === 'unauthenticated' || code === 'forbidden') tally.refused++;
        else tally.unexpected++;
      }
      rpc.close();
    }),
  );
  return tally;
}
