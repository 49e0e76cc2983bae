// The key and its reader are the contract's: the desktop preload re-attaches the same token.
export { SESSION_TOKEN_KEY } from '../../../main/contract/session-token';
