// Line icons for the navigation, drawn on a 24-unit grid with the current text colour.
export const NAV_ICON_PATHS = {
  warRoom: 'M4 19V10m5 9V5m5 14v-7m5 7V8M3 21h18',
  analytics: 'M4 18l5-6 4 3 7-9M14 6h6v6',
  ads: 'M4 10v4a1 1 0 0 0 1 1h2l6 4V5L7 9H5a1 1 0 0 0-1 1zm13-1a4 4 0 0 1 0 6',
  creatives: 'M4 5h16v14H4zM4 15l5-5 4 4 3-3 4 4M15.5 8.5h.01',
  inventory: 'M3 8l9-5 9 5v8l-9 5-9-5zM3 8l9 5 9-5M12 13v8',
  customers: 'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM2 21a7 7 0 0 1 14 0M17 4a4 4 0 0 1 0 7m5 10a7 7 0 0 0-4-6.3',
  afterSales: 'M4 12a8 8 0 1 1 2.3 5.7M4 12V7m0 5h5M12 8v4l3 2',
  strategies: 'M9 11l3 3 8-8M20 12v7a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h11',
  reports: 'M7 3h7l5 5v13H7zM14 3v5h5M10 13h6m-6 4h6',
  imports: 'M12 3v12m-5-5l5 5 5-5M4 17v3h16v-3',
} as const;

export type NavIconName = keyof typeof NAV_ICON_PATHS;

export function NavIcon({ name }: { name: NavIconName }) {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d={NAV_ICON_PATHS[name]} />
    </svg>
  );
}
