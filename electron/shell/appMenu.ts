// The application menu: the standard one for each system, built from Electron's roles so that
// its items, their names and shortcuts are the system's own (and clipboard shortcuts work on macOS,
// where they come from the Edit menu). Developer tools only in a development build.
export interface MenuItemSpec {
  role?: string;
  label?: string;
  type?: 'separator';
  submenu?: MenuItemSpec[];
}

export function appMenuTemplate(platform: NodeJS.Platform, options: { developer: boolean }): MenuItemSpec[] {
  const view: MenuItemSpec[] = [
    ...(options.developer ? [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' as const }] : []),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ role: 'about' }] },
  ];
}
