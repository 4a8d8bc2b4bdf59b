import "./utils/zod-jitless";
import "./styles/mantine.css";
import "./styles/app.css";
import { ColorSchemeScript, MantineProvider, mantineHtmlProps } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { data as withHeaders, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
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
import { useListLinkNavigation } from "./components/list-link";
import { MantineVariables } from "./components/mantine-variables";
import { ErrorPanel } from "./components/error-panel";
import { StartScriptsAfterPaint } from "./components/start-scripts-after-paint";
import { theme } from "./theme";
import { getCurrentUser } from "./utils/auth.server";
import { isCompTeam } from "./domain/auth/permissions";
import { sweepWeeklyDigests, unreadCount } from "./models/notification.server";
import { sweepActionsDue } from "./models/action.server";
import { sweepSlaRisks } from "./models/queue.server";
import { useNonce } from "./utils/nonce";
import { takeToast } from "./utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Upstream" }];

const inBackground = (name: string, work: Promise<unknown>) => void work.catch((error: unknown) => console.error(`The ${name} sweep failed:`, error));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  // A confirmation left by the last action (issue 14), read once: the cookie is cleared here.
  const { toast, setCookie } = await takeToast(request);
  const headers: HeadersInit = setCookie ? { "Set-Cookie": setCookie } : {};
  if (!user) return withHeaders({ user, unread: 0, toast }, { headers });
  // The sweeps run as people use the app (each at most every five minutes of its clock), and in
  // the background: at 100,000 cases a sweep through a backlog takes seconds (bench/loop.mjs),
  // which no page should wait for. Unique notification keys keep overlapping sweeps harmless.
  if (isCompTeam(user.role)) inBackground("SLA", sweepSlaRisks()); // warnings and breaches
  inBackground("action-due", sweepActionsDue()); // owners of actions, sales leaders too
  inBackground("digest", sweepWeeklyDigests()); // weekly digests from Monday, no scheduler needed
  return withHeaders({ user, unread: await unreadCount(user.id), toast }, { headers });
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
        <MantineProvider theme={theme} defaultColorScheme="light" withCssVariables={false}>
          <MantineVariables />
          <Notifications position="top-right" />
          {children}
        </MantineProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
        <StartScriptsAfterPaint nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  useListLinkNavigation();
  const data = useRouteLoaderData<typeof loader>("root");
  return (
    <AppFrame user={data?.user ?? null} unread={data?.unread ?? 0} toast={data?.toast ?? null}>
      <Outlet />
    </AppFrame>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root");
  return (
    <AppFrame user={data?.user ?? null} unread={data?.unread ?? 0} toast={data?.toast ?? null}>
      <ErrorPanel error={error} role={data?.user?.role ?? null} />
    </AppFrame>
  );
}

