import { createBrowserRouter, Navigate } from 'react-router';
import { HomeRedirect } from './home-redirect';
import { AppLayout } from './layout';
import { NotFound } from './not-found';
import { APP_AREAS, DEFAULT_AREA_PATH } from './routes';

export function createAppRouter() {
  return createBrowserRouter([
    { path: '/', element: <HomeRedirect /> },
    {
      path: '/shops/:shop',
      element: <AppLayout />,
      children: [
        { index: true, element: <Navigate to={DEFAULT_AREA_PATH} replace /> },
        ...APP_AREAS.map((area) => ({ path: area.path, element: area.element })),
        { path: '*', element: <NotFound /> },
      ],
    },
    { path: '*', element: <NotFound /> },
  ]);
}
