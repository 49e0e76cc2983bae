/** The one Electron IPC channel the preload and the main process use, both directions. */
export const IPC_CHANNEL = 'noc:message';
