import type { ReactNode } from 'react';
import { Flex, Spin } from 'antd';
import { Navigate, useLocation } from 'react-router';
import { useSession } from './session-context.js';

/**
 * Shows `children` to a signed-in user and sends anyone else to the sign-in
 * page, returning afterwards to the page asked for, unless the user signed
 * out on purpose.
 */
export function RequireSession({ children }: { readonly children: ReactNode }) {
  const { status, signedOutByUser } = useSession();
  const location = useLocation();
  if (status === 'loading') {
    return (
      <Flex justify="center" align="center" style={{ height: '100vh' }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (status === 'signed-out') {
    return <Navigate to="/login" replace state={signedOutByUser ? undefined : { from: location.pathname + location.search }} />;
  }
  return children;
}
