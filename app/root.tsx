import "@mantine/core/styles.css";
import "@mantine/charts/styles.css";
import "./styles/app.css";
import { ColorSchemeScript, MantineProvider, mantineHtmlProps } from "@mantine/core";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { AppFrame } from "./components/app-frame";
import { ErrorPanel } from "./components/error-panel";
import { z } from "zod";
import { cssVariablesResolver, theme } from "./theme";
import { getCurrentUser } from "./utils/auth.server";
import { isCompTeam } from "./domain/auth/permissions";
import { sweepWeeklyDigests, unreadCount } from "./models/notification.server";
import { sweepActionsDue } from "./models/action.server";
import { sweepSlaRisks } from "./models/queue.server";
import { useNonce } from "./utils/nonce";

// zod probes `new Function` for speed, which the Content-Security-Policy (rightly) refuses.
z.config({ jitless: true });

export const meta: MetaFunction = () => [{ title: "Upstream" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  if (!user) return { user, unread: 0 };
  // SLA warnings are raised as people use the app (at most every five minutes of its clock).
  if (isCompTeam(user.role)) await sweepSlaRisks().catch((error: unknown) => console.error("The SLA sweep failed:", error));
  // Owners of actions (sales leaders too) hear when their work is due or overdue.
  await sweepActionsDue().catch((error: unknown) => console.error("The action-due sweep failed:", error));
  // Weekly digests are made from Monday by whoever uses the app first (no scheduler needed).
  await sweepWeeklyDigests().catch((error: unknown) => console.error("The digest sweep failed:", error));
  return { user, unread: await unreadCount(user.id) };
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en" {...mantineHtmlProps}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <Meta />
        <Links />
        <ColorSchemeScript nonce={nonce} defaultColorScheme="light" />
      </head>
      <body>
        <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
          {children}
        </MantineProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const data = useRouteLoaderData<typeof loader>("root");
  return (
    <AppFrame user={data?.user ?? null} unread={data?.unread ?? 0}>
      <Outlet />
    </AppFrame>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root");
  return (
    <AppFrame user={data?.user ?? null} unread={data?.unread ?? 0}>
      <ErrorPanel error={error} />
    </AppFrame>
  );
}

