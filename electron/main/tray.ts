import type { MenuItemConstructorOptions } from 'electron';
import { Menu, Tray, nativeImage } from 'electron';
import { renderTrayIcon, renderTrayIconSet } from '../desktop/app-icons';
import type { TrayFactory, TrayMenuItem } from '../desktop/tray-service';

function trayImage(health: Parameters<typeof renderTrayIconSet>[0]): Electron.NativeImage {
  // Linux panels expect 22 px tray icons; macOS and Windows 16 px (with @2x representations).
  const { size1x, size2x } =
    process.platform === 'linux' ? { size1x: renderTrayIcon(health, 22), size2x: renderTrayIcon(health, 44) } : renderTrayIconSet(health);
  const image = nativeImage.createFromBuffer(size1x, { scaleFactor: 1 });
  image.addRepresentation({ scaleFactor: 2, buffer: size2x });
  return image;
}

function toTemplate(item: TrayMenuItem): MenuItemConstructorOptions {
  switch (item.type) {
    case 'separator':
      return { type: 'separator' };
    case 'submenu':
      return { id: item.id, label: item.label, submenu: item.items.map(toTemplate) };
    case 'normal':
      return { id: item.id, label: item.label, enabled: item.enabled, click: item.click };
    default:
      return { id: item.id, type: item.type, label: item.label, checked: item.checked, click: item.click };
  }
}

/** The real system tray behind TrayService (electron/desktop/tray-service.ts). */
export const electronTrayFactory: TrayFactory = () => {
  const tray = new Tray(trayImage('idle'));
  return {
    setIcon: (health) => tray.setImage(trayImage(health)),
    setToolTip: (text) => tray.setToolTip(text),
    setMenu: (items) => tray.setContextMenu(Menu.buildFromTemplate(items.map(toTemplate))),
    destroy: () => tray.destroy(),
  };
};
