import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

interface Props {
  children: ReactNode;
}
interface State {
  error: Error | null;
}

/** Keeps a rendering bug from blanking the pane: shows the error and a way back. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // eslint-disable-next-line no-console
    console.error('绩效自评表校验：界面出错', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div style={{ padding: 12 }}>
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>界面出错</MessageBarTitle>
            {this.state.error.message || String(this.state.error)}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => this.setState({ error: null })}>重试</Button>
          </MessageBarActions>
        </MessageBar>
      </div>
    );
  }
}
