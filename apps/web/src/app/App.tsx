import { RouterProvider } from 'react-router';
import { AuthProvider } from '../auth/AuthProvider';
import { Providers } from './Providers';
import { router } from './router';
import { RuntimeConfig } from './runtime-config';

export function App({ config }: { config: RuntimeConfig }) {
  return (
    <Providers>
      <AuthProvider config={config}>
        <RouterProvider router={router} />
      </AuthProvider>
    </Providers>
  );
}
