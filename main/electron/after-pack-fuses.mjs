// electron-builder afterPack hook (wired in electron-builder.yml). Plain ESM because
// electron-builder loads hooks with Node's require/import, which cannot read TypeScript.
import { FuseV1Options, FuseVersion } from '@electron/fuses';

/**
 * Fuses are flags compiled into the Electron binary; flipping them in the packaged copy turns
 * off ways to run other code with the app's identity (and its keychain access), which no setting
 * at run time can turn back on.
 */
export const FUSES = {
  version: FuseVersion.V1,
  // ELECTRON_RUN_AS_NODE would make the binary a plain Node that runs any script.
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS (--require, --import) and --inspect would inject code or a debugger.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Only the signed app.asar is loaded, and its contents are checked against the embedded hash
  // (macOS and Windows; Linux has no embedded hash and ignores the fuse).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The renderer comes from app://, so file:// needs none of its legacy extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/**
 * Runs after the app is packed and before it is signed (fuses change the binary, so they must be
 * flipped first). electron-builder finds the platform's executable and calls @electron/fuses.
 */
export default async function afterPack(context) {
  await context.packager.addElectronFuses(context, FUSES);
}
