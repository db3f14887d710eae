// The app's areas: one entry per page, in navigation order. Add a page here and it gets a route and a nav link.
import type { ReactNode } from 'react';
import { ComingSoon } from '../components/coming-soon';
import { ImportsPage } from '../features/imports/imports-page';
import { WarRoomPage } from '../features/war-room/war-room-page';
import type { NavIconName } from './nav-icons';

export type AreaGroup = 'overview' | 'specialists' | 'workbench';

export interface AppArea {
  /** URL segment under /shops/:shop/, e.g. "war-room". */
  path: string;
  /** Key under `areas` in i18n/{zh,en}.json, which holds the area's title and summary. */
  key: NavIconName;
  group: AreaGroup;
  /** False while the area shows its coming-soon panel; the navigation marks it "soon". */
  isReady: boolean;
  element: ReactNode;
}

export const AREA_GROUPS: readonly AreaGroup[] = ['overview', 'specialists', 'workbench'];

export const APP_AREAS: readonly AppArea[] = [
  { path: 'war-room', key: 'warRoom', group: 'overview', isReady: true, element: <WarRoomPage /> },
  soon('analytics', 'analytics', 'specialists'),
  soon('ads', 'ads', 'specialists'),
  soon('creatives', 'creatives', 'specialists'),
  soon('inventory', 'inventory', 'specialists'),
  soon('customers', 'customers', 'specialists'),
  soon('after-sales', 'afterSales', 'specialists'),
  soon('strategies', 'strategies', 'workbench'),
  soon('reports', 'reports', 'workbench'),
  { path: 'imports', key: 'imports', group: 'workbench', isReady: true, element: <ImportsPage /> },
];

export const DEFAULT_AREA_PATH = 'war-room';

function soon(path: string, key: NavIconName, group: AreaGroup): AppArea {
  return { path, key, group, isReady: false, element: <ComingSoon area={key} /> };
}

/** The URL of an area of a shop: /shops/demo/war-room. */
export function areaUrl(shop: string, areaPath: string = DEFAULT_AREA_PATH): string {
  return `/shops/${encodeURIComponent(shop)}/${areaPath}`;
}
