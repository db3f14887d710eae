// Typed tRPC hooks for the whole app; the server is known only through its router type.
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { AppRouter } from '@zhanggui/server/app-router';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();
