import type { ReactNode } from 'react';
import { FluentProvider, makeStaticStyles, webLightTheme } from '@fluentui/react-components';
import { ErrorBoundary } from './components/ErrorBoundary';

const useGlobalStyles = makeStaticStyles({
  'html, body, #root': { height: '100%', margin: 0 },
  '.visually-hidden': {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

/** Theme, global styles and the error boundary around every screen. */
export function Shell({ children }: { children: ReactNode }) {
  useGlobalStyles();
  return (
    <FluentProvider theme={webLightTheme} style={{ height: '100%' }} lang="zh-CN">
      <ErrorBoundary>{children}</ErrorBoundary>
    </FluentProvider>
  );
}
