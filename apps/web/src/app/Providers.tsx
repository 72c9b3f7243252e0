import { ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiError } from '../api/client';

dayjs.locale('vi');

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // An answer of the API (403, 404, 422) does not change by asking again.
      retry: (failures, error) => !(error instanceof ApiError) && failures < 2,
      refetchOnWindowFocus: false,
      staleTime: 15_000,
    },
  },
});

/**
 * Colours chosen for WCAG AA contrast (4.5:1) on white: Ant Design's default blue and its
 * grey secondary text fall just below it.
 */
const theme = {
  token: {
    colorPrimary: '#0b57d0',
    colorLink: '#0b57d0',
    // Darker, not lighter, under the pointer: a hovered button's text keeps its contrast.
    colorPrimaryHover: '#0842a0',
    colorLinkHover: '#0842a0',
    colorTextSecondary: 'rgba(0, 0, 0, 0.7)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
    colorError: '#b3261e',
    colorSuccess: '#1e7b34',
    fontSize: 15,
  },
};

export function Providers({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider locale={viVN} theme={theme}>
      <AntApp>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
