import type { ComponentType } from 'react';
import { StatusView } from '../views/status/status-view';

/** View id (see navigation.ts) → component. A view that lands adds its line here. */
export const VIEWS: Readonly<Record<string, ComponentType>> = {
  status: StatusView,
};
