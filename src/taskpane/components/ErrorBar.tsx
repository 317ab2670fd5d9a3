import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

export interface ErrorBarProps {
  message: string;
  title?: string;
  intent?: 'error' | 'warning' | 'info' | 'success';
  onDismiss?: () => void;
}

/** A failure the user must read, in Chinese, with a dismiss button. */
export function ErrorBar({ message, title, intent = 'error', onDismiss }: ErrorBarProps) {
  return (
    <MessageBar intent={intent} layout="multiline" role={intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        {message}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions
          containerAction={
            <Button appearance="transparent" aria-label="关闭提示" onClick={onDismiss}>
              ✕
            </Button>
          }
        />
      )}
    </MessageBar>
  );
}
