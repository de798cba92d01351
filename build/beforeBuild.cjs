// electron-builder's beforeBuild hook (build/electron-builder.json), run before each target is
// packed: puts SQLite built for that target's Electron, platform and arch into the staged app,
// then answers false. The app has no node_modules (its libraries are bundled), and false tells
// electron-builder to neither collect node_modules (it would take the checkout's) nor rebuild
// them (it would rebuild the checkout's own, which Node then cannot load).
module.exports = async function beforeBuild({ appDir, electronVersion, platform, arch }) {
  const { stageElectronAddon } = await import('./stageApp.mjs');
  await stageElectronAddon(appDir, { electronVersion, platform: platform.nodeName, arch });
  return false;
};
