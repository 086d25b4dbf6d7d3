/** The home-screen icons' files, in icons/ (drawn by ./build/icons.ts, listed in the manifest, linked by the pages). */
export interface Icon {
  /** The file's name in icons/, without .png. */
  name: string;
  size: number;
  /** What the manifest says it is for; none for the apple-touch-icon, which only iOS reads. */
  purpose?: 'any' | 'maskable';
}

export const ICONS: readonly Icon[] = [
  { name: 'icon-192', size: 192, purpose: 'any' },
  { name: 'icon-512', size: 512, purpose: 'any' },
  { name: 'icon-maskable-512', size: 512, purpose: 'maskable' },
  { name: 'apple-touch-icon', size: 180 },
];

export const ICON_DIR = 'icons/';
export const iconFile = (icon: Icon): string => `${ICON_DIR}${icon.name}.png`;
export const APPLE_TOUCH_ICON = ICONS.find((icon) => icon.name === 'apple-touch-icon')!;

